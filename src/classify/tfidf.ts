import type { Framework, Language } from '../framework/schema.ts';
import { analyse, type Token } from './analyse.ts';

/**
 * TF-IDF cosine similarity between a passage and the framework text: per objective, and to each
 * lettered action (the "nearest GCM action" of the evidence). With `titles` it is the evaluation
 * baseline (objective titles only); with `full` it uses titles, commitments and actions.
 */

export interface RankedObjective {
  objective: number;
  score: number;
  /** Nearest lettered action, e.g. "10(h)". */
  action?: string;
  /** Words or phrases of the input that support the objective, as they appear in it. */
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

export type FrameworkFields = 'titles' | 'full';

/** A passage prepared for similarity: its weighted term vector in one language. */
export interface SimilarityQuery {
  lang: Language;
  vector: Vector;
  tokens: Token[];
  /** Cosine to every lettered action (same order as the framework), computed on first use. */
  actionScores?: Float64Array;
}

/** term → (entry index, weight): dot products touch only the terms a passage contains. */
type Postings = Map<string, [number, number][]>;

function buildPostings(entries: Entry[], lang: Language): Postings {
  const postings: Postings = new Map();
  entries.forEach((e, i) => {
    for (const [term, w] of e.vectors[lang] ?? []) {
      const list = postings.get(term) ?? [];
      list.push([i, w]);
      postings.set(term, list);
    }
  });
  return postings;
}

function dotAll(q: Vector, postings: Postings | undefined, size: number): Float64Array {
  const acc = new Float64Array(size);
  if (!postings) return acc;
  for (const [term, x] of q) {
    for (const [i, w] of postings.get(term) ?? []) acc[i] = (acc[i] ?? 0) + x * w;
  }
  return acc;
}

export class FrameworkTfIdf {
  private readonly idf: Partial<Record<Language, Map<string, number>>> = {};
  private readonly objectives: Entry[] = [];
  private readonly actions: Entry[] = [];
  private readonly objectivePostings: Partial<Record<Language, Postings>> = {};
  private readonly actionPostings: Partial<Record<Language, Postings>> = {};

  constructor(framework: Framework, fields: FrameworkFields) {
    const langs: Language[] = ['en', 'nl', 'fr', 'de'];
    const docs = new Map<Language, { entry: Entry; isAction: boolean; terms: string[] }[]>(
      langs.map((l) => [l, []]),
    );
    for (const o of framework.objectives) {
      const entry: Entry = { objective: o.number, vectors: {} };
      this.objectives.push(entry);
      for (const lang of langs) {
        const parts = [o.title[lang]];
        if (fields === 'full') parts.push(o.commitment[lang], ...o.actions.map((a) => a.text[lang]));
        const text = parts.filter(Boolean).join(' ');
        if (text)
          docs.get(lang)?.push({ entry, isAction: false, terms: analyse(text, lang).map((t) => t.stem) });
      }
      if (fields !== 'full') continue;
      for (const a of o.actions) {
        const actionEntry: Entry = { objective: o.number, ref: a.ref, vectors: {} };
        this.actions.push(actionEntry);
        for (const lang of langs) {
          const text = a.text[lang];
          if (text)
            docs
              .get(lang)
              ?.push({ entry: actionEntry, isAction: true, terms: analyse(text, lang).map((t) => t.stem) });
        }
      }
    }
    for (const [lang, list] of docs) {
      const objectiveDocs = list.filter((d) => !d.isAction);
      if (objectiveDocs.length === 0) continue;
      const df = new Map<string, number>();
      for (const d of objectiveDocs) for (const t of new Set(d.terms)) df.set(t, (df.get(t) ?? 0) + 1);
      const idf = new Map<string, number>();
      for (const [t, n] of df) idf.set(t, Math.log((1 + objectiveDocs.length) / (1 + n)) + 1);
      this.idf[lang] = idf;
      for (const d of list) d.entry.vectors[lang] = this.vectorise(termFreq(d.terms), lang);
      this.objectivePostings[lang] = buildPostings(this.objectives, lang);
      // Actions without text in this language are compared in English, as before.
      this.actionPostings[lang] = buildPostings(
        this.actions.map((a) => ({ ...a, vectors: { [lang]: a.vectors[lang] ?? a.vectors.en } })),
        lang,
      );
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

  /** Prepares a query; a language without framework text falls back to English. */
  query(text: string, lang: Language, tokens?: Token[]): SimilarityQuery {
    const useLang: Language = this.idf[lang] ? lang : 'en';
    const toks = tokens && useLang === lang ? tokens : analyse(text, useLang);
    return {
      lang: useLang,
      tokens: toks,
      vector: this.vectorise(termFreq(toks.map((t) => t.stem)), useLang),
    };
  }

  /** Cosine similarity to each objective, indexed by objective number - 1. */
  similarities(q: SimilarityQuery): number[] {
    return [...dotAll(q.vector, this.objectivePostings[q.lang], this.objectives.length)];
  }

  private actionScores(q: SimilarityQuery): Float64Array {
    q.actionScores ??= dotAll(q.vector, this.actionPostings[q.lang], this.actions.length);
    return q.actionScores;
  }

  /** Per objective, the similarity of its closest lettered action (index = objective - 1). */
  actionSimilarities(q: SimilarityQuery): number[] {
    const best = this.objectives.map(() => 0);
    const scores = this.actionScores(q);
    this.actions.forEach((a, i) => {
      const s = scores[i] ?? 0;
      if (s > (best[a.objective - 1] ?? 0)) best[a.objective - 1] = s;
    });
    return best;
  }

  /** The lettered action of `objective` closest to the query, if any shares a term with it. */
  nearestAction(q: SimilarityQuery, objective: number): string | undefined {
    const scores = this.actionScores(q);
    let best: { ref?: string; s: number } = { s: 0 };
    this.actions.forEach((a, i) => {
      const s = scores[i] ?? 0;
      if (a.objective === objective && s > best.s) best = { ...(a.ref ? { ref: a.ref } : {}), s };
    });
    return best.ref;
  }

  /** The query's words that carry weight for an objective. */
  evidence(q: SimilarityQuery, objective: number): string[] {
    const vector = this.objectives[objective - 1]?.vectors[q.lang];
    if (!vector) return [];
    return [...new Set(q.tokens.filter((t) => vector.has(t.stem)).map((t) => t.surface))].slice(0, 8);
  }

  /** Objectives ranked best first by similarity alone. */
  rank(text: string, lang: Language, top = 5): RankedObjective[] {
    const q = this.query(text, lang);
    return this.similarities(q)
      .map((score, i) => ({ objective: i + 1, score }))
      .sort((a, b) => b.score - a.score || a.objective - b.objective)
      .slice(0, top)
      .map(({ objective, score }) => {
        const action = this.nearestAction(q, objective);
        return {
          objective,
          score: Math.round(score * 1000) / 1000,
          ...(action ? { action } : {}),
          evidence: this.evidence(q, objective),
        };
      });
  }
}
