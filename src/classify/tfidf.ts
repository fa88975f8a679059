import { type Framework, LANGUAGES, type Language } from '../framework/schema.ts';
import { analyse, type Token } from './analyse.ts';
import { once } from './once.ts';

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
  /** Per objective, the closest action and its similarity, worked out on first use. */
  closest?: { ref?: string; score: number }[];
}

/** term → the entries it occurs in and its weight there: dot products touch only the passage's terms. */
type Postings = Map<string, { entries: Int32Array; weights: Float64Array }>;

function buildPostings(entries: Entry[], lang: Language): Postings {
  const lists = new Map<string, [number, number][]>();
  entries.forEach((e, i) => {
    for (const [term, w] of e.vectors[lang] ?? []) {
      const list = lists.get(term) ?? [];
      list.push([i, w]);
      lists.set(term, list);
    }
  });
  const postings: Postings = new Map();
  for (const [term, list] of lists)
    postings.set(term, {
      entries: Int32Array.from(list, ([i]) => i),
      weights: Float64Array.from(list, ([, w]) => w),
    });
  return postings;
}

function vectorise(tf: Map<string, number>, idf: Map<string, number>): Vector {
  const v: Vector = new Map();
  for (const [t, n] of tf) {
    const w = idf.get(t);
    if (w) v.set(t, (1 + Math.log(n)) * w);
  }
  return normalise(v);
}

function dotAll(q: Vector, postings: Postings | undefined, size: number): Float64Array {
  const acc = new Float64Array(size);
  if (!postings) return acc;
  for (const [term, x] of q) {
    const p = postings.get(term);
    if (!p) continue;
    for (let k = 0; k < p.entries.length; k++) {
      const i = p.entries[k] as number;
      acc[i] = (acc[i] as number) + x * (p.weights[k] as number);
    }
  }
  return acc;
}

/** One language's part of the index: IDF weights and postings of objectives and actions. */
interface LanguageIndex {
  idf: Map<string, number>;
  objectivePostings: Postings;
  actionPostings: Postings;
}

export class FrameworkTfIdf {
  private readonly objectives: Entry[] = [];
  private readonly actions: Entry[] = [];
  /** Built on first use per language (English first, as actions without text fall back to it). */
  private readonly index: Partial<Record<Language, () => LanguageIndex>> = {};

  constructor(
    private readonly framework: Framework,
    private readonly fields: FrameworkFields,
  ) {
    for (const o of framework.objectives) {
      this.objectives.push({ objective: o.number, vectors: {} });
      if (fields === 'full')
        for (const a of o.actions) this.actions.push({ objective: o.number, ref: a.ref, vectors: {} });
    }
    for (const lang of LANGUAGES) {
      if (framework.objectives.some((o) => o.title[lang] || o.commitment[lang]))
        this.index[lang] = once(() => this.build(lang));
    }
  }

  private indexFor(lang: Language): LanguageIndex | undefined {
    return this.index[lang]?.();
  }

  private build(lang: Language): LanguageIndex {
    const docs: { entry: Entry; isAction: boolean; terms: string[] }[] = [];
    const stems = (text: string) => analyse(text, lang).map((t) => t.stem);
    let a = 0;
    this.framework.objectives.forEach((o, i) => {
      const entry = this.objectives[i] as Entry;
      const parts = [o.title[lang]];
      if (this.fields === 'full') parts.push(o.commitment[lang], ...o.actions.map((x) => x.text[lang]));
      const text = parts.filter(Boolean).join(' ');
      if (text) docs.push({ entry, isAction: false, terms: stems(text) });
      if (this.fields !== 'full') return;
      for (const action of o.actions) {
        const actionEntry = this.actions[a++] as Entry;
        const actionText = action.text[lang];
        if (actionText) docs.push({ entry: actionEntry, isAction: true, terms: stems(actionText) });
      }
    });
    const objectiveDocs = docs.filter((d) => !d.isAction);
    const df = new Map<string, number>();
    for (const d of objectiveDocs) for (const t of new Set(d.terms)) df.set(t, (df.get(t) ?? 0) + 1);
    const idf = new Map<string, number>();
    for (const [t, n] of df) idf.set(t, Math.log((1 + objectiveDocs.length) / (1 + n)) + 1);
    for (const d of docs) d.entry.vectors[lang] = vectorise(termFreq(d.terms), idf);
    // Actions without text in this language are compared in English.
    const english = lang === 'en' ? undefined : this.indexFor('en');
    return {
      idf,
      objectivePostings: buildPostings(this.objectives, lang),
      actionPostings: buildPostings(
        this.actions.map((x) => ({
          ...x,
          vectors: { [lang]: x.vectors[lang] ?? (english && x.vectors.en) },
        })),
        lang,
      ),
    };
  }

  /** Prepares a query; a language without framework text falls back to English. */
  query(text: string, lang: Language, tokens?: Token[]): SimilarityQuery {
    const useLang: Language = this.index[lang] ? lang : 'en';
    const toks = tokens && useLang === lang ? tokens : analyse(text, useLang);
    const idf = this.indexFor(useLang)?.idf ?? new Map<string, number>();
    return { lang: useLang, tokens: toks, vector: vectorise(termFreq(toks.map((t) => t.stem)), idf) };
  }

  /** Cosine similarity to each objective, indexed by objective number - 1. */
  similarities(q: SimilarityQuery): number[] {
    return [...dotAll(q.vector, this.indexFor(q.lang)?.objectivePostings, this.objectives.length)];
  }

  private actionScores(q: SimilarityQuery): Float64Array {
    q.actionScores ??= dotAll(q.vector, this.indexFor(q.lang)?.actionPostings, this.actions.length);
    return q.actionScores;
  }

  /** Per objective, its closest lettered action and that action's similarity (index = objective - 1). */
  private closestActions(q: SimilarityQuery): { ref?: string; score: number }[] {
    if (!q.closest) {
      const best = new Float64Array(this.objectives.length);
      const bestAction = new Int32Array(this.objectives.length).fill(-1);
      const scores = this.actionScores(q);
      for (let i = 0; i < this.actions.length; i++) {
        const o = (this.actions[i] as Entry).objective - 1;
        if ((scores[i] as number) > (best[o] as number)) {
          best[o] = scores[i] as number;
          bestAction[o] = i;
        }
      }
      q.closest = [...best].map((score, o) => {
        const ref = this.actions[bestAction[o] as number]?.ref;
        return ref ? { ref, score } : { score };
      });
    }
    return q.closest;
  }

  /** Per objective, the similarity of its closest lettered action (index = objective - 1). */
  actionSimilarities(q: SimilarityQuery): number[] {
    return this.closestActions(q).map((c) => c.score);
  }

  /** The lettered action of `objective` closest to the query, if any shares a term with it. */
  nearestAction(q: SimilarityQuery, objective: number): string | undefined {
    return this.closestActions(q)[objective - 1]?.ref;
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
