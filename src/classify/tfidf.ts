import { loadFramework } from '../framework/load.ts';
import type { Framework, Language } from '../framework/schema.ts';
import { analyse, stems } from './analyse.ts';

/**
 * A TF-IDF cosine ranker over framework text. It is the *baseline* of the evaluation (objective
 * titles only) and the interim ranker of `extract-actions` (titles, commitments and lettered
 * actions), until the full classifier replaces it.
 */

export interface RankedObjective {
  objective: number;
  score: number;
  /** Nearest lettered action, e.g. "10(h)". */
  action?: string;
  /** Words of the input that matched, as they appear in it. */
  evidence: string[];
}

type Vector = Map<string, number>;

interface Entry {
  objective: number;
  ref?: string;
  vectors: Partial<Record<Language, Vector>>;
}

function termFreq(terms: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

function normalise(v: Vector): Vector {
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  for (const [k, x] of v) v.set(k, x / norm);
  return v;
}

function cosine(a: Vector, b: Vector): number {
  let s = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y) s += x * y;
  }
  return s;
}

export type FrameworkFields = 'titles' | 'full';

export class FrameworkTfIdf {
  private readonly idf: Partial<Record<Language, Map<string, number>>> = {};
  private readonly objectives: Entry[] = [];
  private readonly actions: Entry[] = [];

  constructor(framework: Framework, fields: FrameworkFields) {
    const docs: Record<Language, { entry: Entry; isAction: boolean; terms: string[] }[]> = {
      en: [],
      nl: [],
      fr: [],
      de: [],
    };
    for (const o of framework.objectives) {
      const entry: Entry = { objective: o.number, vectors: {} };
      this.objectives.push(entry);
      for (const lang of Object.keys(docs) as Language[]) {
        const parts = [o.title[lang]];
        if (fields === 'full') parts.push(o.commitment[lang], ...o.actions.map((a) => a.text[lang]));
        const text = parts.filter(Boolean).join(' ');
        if (text) docs[lang].push({ entry, isAction: false, terms: stems(text, lang) });
      }
      if (fields !== 'full') continue;
      for (const a of o.actions) {
        const actionEntry: Entry = { objective: o.number, ref: a.ref, vectors: {} };
        this.actions.push(actionEntry);
        for (const lang of Object.keys(docs) as Language[]) {
          const text = a.text[lang];
          if (text) docs[lang].push({ entry: actionEntry, isAction: true, terms: stems(text, lang) });
        }
      }
    }
    for (const lang of Object.keys(docs) as Language[]) {
      const objectiveDocs = docs[lang].filter((d) => !d.isAction);
      if (objectiveDocs.length === 0) continue;
      const df = new Map<string, number>();
      for (const d of objectiveDocs) for (const t of new Set(d.terms)) df.set(t, (df.get(t) ?? 0) + 1);
      const idf = new Map<string, number>();
      for (const [t, n] of df) idf.set(t, Math.log((1 + objectiveDocs.length) / (1 + n)) + 1);
      this.idf[lang] = idf;
      for (const d of docs[lang]) d.entry.vectors[lang] = this.vectorise(termFreq(d.terms), lang);
    }
  }

  private vectorise(tf: Map<string, number>, lang: Language): Vector {
    const idf = this.idf[lang];
    const v: Vector = new Map();
    if (!idf) return v;
    for (const [t, n] of tf) {
      const w = idf.get(t);
      if (w) v.set(t, (1 + Math.log(n)) * w);
    }
    return normalise(v);
  }

  /** Objectives ranked best first; a language without framework text falls back to English. */
  rank(text: string, lang: Language, top = 5): RankedObjective[] {
    const useLang: Language = this.idf[lang] ? lang : 'en';
    const tokens = analyse(text, useLang);
    const query = this.vectorise(termFreq(tokens.map((t) => t.stem)), useLang);
    const scored = this.objectives
      .map((e) => ({ e, score: cosine(query, e.vectors[useLang] ?? new Map()) }))
      .sort((a, b) => b.score - a.score || a.e.objective - b.e.objective)
      .slice(0, top);
    return scored.map(({ e, score }) => {
      const vector = e.vectors[useLang] ?? new Map();
      const evidence = [...new Set(tokens.filter((t) => vector.has(t.stem)).map((t) => t.surface))].slice(
        0,
        8,
      );
      let best: { ref?: string; s: number } = { s: 0 };
      for (const a of this.actions) {
        if (a.objective !== e.objective) continue;
        const s = cosine(query, a.vectors[useLang] ?? a.vectors.en ?? new Map());
        if (s > best.s) best = { ...(a.ref ? { ref: a.ref } : {}), s };
      }
      return {
        objective: e.objective,
        score: Math.round(score * 1000) / 1000,
        ...(best.ref ? { action: best.ref } : {}),
        evidence,
      };
    });
  }
}

let interim: FrameworkTfIdf | undefined;

/** The shared interim ranker over the full GCM text (built once, on first use). */
export function interimRanker(): FrameworkTfIdf {
  interim ??= new FrameworkTfIdf(loadFramework('gcm'), 'full');
  return interim;
}
