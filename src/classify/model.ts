import { createHash } from 'node:crypto';
import type { Framework, Language } from '../framework/schema.ts';
import { analyse, compoundGrams, type Token } from './analyse.ts';
import { type LexiconFile, TIER_WEIGHT } from './lexicon.ts';
import { once } from './once.ts';

/**
 * A multinomial naive Bayes model over stems, stem bigrams and (Dutch, German) compound n-grams,
 * one per language. It is trained on the framework text, the lexicon terms and the links people
 * confirmed in the review queue (`gcmt model train`). Deterministic: same examples, same model,
 * same version string.
 */

export interface TrainingExample {
  lang: Language;
  /** 1-23, or NO_OBJECTIVE for a passage about nothing in the GCM. */
  objective: number;
  text: string;
  weight?: number;
}

interface LanguageModel {
  /** feature → weighted count per objective (index = objective - 1): one lookup per feature. */
  counts: Map<string, Float64Array>;
  totals: Float64Array;
  /**
   * feature → log(count + ALPHA) per objective, worked out once per feature when first met; a
   * feature the model does not know is remembered as UNKNOWN, so it costs one lookup next time.
   */
  logs?: Map<string, Float64Array>;
}

const UNKNOWN = new Float64Array(0);
/** The memo is cleared beyond this many features, so a long-running server does not grow without end. */
const MAX_MEMO = 500_000;

function logRow(m: LanguageModel, feature: string): Float64Array | undefined {
  m.logs ??= new Map();
  let logs = m.logs.get(feature);
  if (!logs) {
    const row = m.counts.get(feature);
    logs = row ? row.map((count) => Math.log(count + ALPHA)) : UNKNOWN;
    if (m.logs.size >= MAX_MEMO) m.logs.clear();
    m.logs.set(feature, logs);
  }
  return logs === UNKNOWN ? undefined : logs;
}

export interface SerializedModel {
  version: string;
  objectives: number;
  examples: number;
  languages: Partial<Record<Language, { counts: [string, number[]][]; totals: number[] }>>;
}

const ALPHA = 0.02;
/** Softmax temperature on per-token log-likelihoods: spreads NB's overconfident posteriors. */
const TEMPERATURE = 0.35;

/**
 * Visits the features of a text with their weights: stems and stem bigrams count 1 each; the
 * n-grams of one long word share a weight of 1 between them, so that a single compound does not
 * outvote the rest of the passage with its dozen overlapping n-grams. (A visitor, not a list: this
 * runs for every passage and every training example.)
 */
function forEachFeature(tokens: Token[], lang: Language, visit: (feature: string, weight: number) => void) {
  for (let i = 0; i < tokens.length; i++) {
    const stem = (tokens[i] as Token).stem;
    visit(stem, 1);
    const next = tokens[i + 1];
    if (next) visit(`${stem}_${next.stem}`, 1);
  }
  if (lang === 'nl' || lang === 'de')
    for (const grams of compoundGrams(tokens)) for (const g of grams) visit(g, 1 / grams.length);
}

/**
 * The label of passages about nothing in the GCM. The model keeps a class for them after the
 * objectives: without it, naive Bayes hands all its confidence to some objective whatever the text
 * (a bibliography line, a budget table), and the calibrated score follows.
 */
export const NO_OBJECTIVE = 0;

function trainLanguage(examples: TrainingExample[], objectiveCount: number): LanguageModel {
  const classes = objectiveCount + 1; // the objectives, then "no objective"
  const m: LanguageModel = { counts: new Map(), totals: new Float64Array(classes) };
  for (const ex of examples) {
    const o = ex.objective === NO_OBJECTIVE ? objectiveCount : ex.objective - 1;
    if (o < 0 || o >= classes) continue;
    const w = ex.weight ?? 1;
    forEachFeature(analyse(ex.text, ex.lang), ex.lang, (f, fw) => {
      let row = m.counts.get(f);
      if (!row) {
        row = new Float64Array(classes);
        m.counts.set(f, row);
      }
      row[o] = (row[o] ?? 0) + w * fw;
      m.totals[o] = (m.totals[o] ?? 0) + w * fw;
    });
  }
  return m;
}

export class NaiveBayes {
  private constructor(
    readonly version: string,
    readonly objectiveCount: number,
    /** Per language, trained (or read) on first use, so `gcmt classify` starts fast. */
    private readonly models: Partial<Record<Language, () => LanguageModel>>,
    readonly exampleCount: number,
  ) {}

  static train(examples: TrainingExample[], objectiveCount: number): NaiveBayes {
    const hash = createHash('sha256');
    const byLanguage = new Map<Language, TrainingExample[]>();
    for (const ex of examples) {
      hash.update(`${ex.lang}\u0000${ex.objective}\u0000${ex.weight ?? 1}\u0000${ex.text}\u0001`);
      const list = byLanguage.get(ex.lang);
      if (list) list.push(ex);
      else byLanguage.set(ex.lang, [ex]);
    }
    const models: Partial<Record<Language, () => LanguageModel>> = {};
    for (const [lang, list] of byLanguage) models[lang] = once(() => trainLanguage(list, objectiveCount));
    return new NaiveBayes(`nb-${hash.digest('hex').slice(0, 12)}`, objectiveCount, models, examples.length);
  }

  static fromJSON(data: SerializedModel): NaiveBayes {
    const models: Partial<Record<Language, () => LanguageModel>> = {};
    for (const [lang, m] of Object.entries(data.languages) as [
      Language,
      NonNullable<SerializedModel['languages'][Language]>,
    ][]) {
      models[lang] = once(() => ({
        counts: new Map(m.counts.map(([f, row]) => [f, Float64Array.from(row)])),
        totals: Float64Array.from(m.totals),
      }));
    }
    return new NaiveBayes(data.version, data.objectives, models, data.examples);
  }

  toJSON(): SerializedModel {
    const languages: SerializedModel['languages'] = {};
    for (const [lang, model] of Object.entries(this.models) as [Language, () => LanguageModel][]) {
      const m = model();
      languages[lang] = { counts: [...m.counts].map(([f, row]) => [f, [...row]]), totals: [...m.totals] };
    }
    return { version: this.version, objectives: this.objectiveCount, examples: this.exampleCount, languages };
  }

  /**
   * Posterior-like scores per objective, or all zeros when the language has no model or no known
   * word. They sum to 1 less the posterior of "no objective" (a model saved before that class
   * existed has none: its scores sum to 1).
   */
  predict(tokens: Token[], lang: Language): number[] {
    const m = (this.models[lang] ?? this.models.en)?.();
    const zero = new Array(this.objectiveCount).fill(0);
    if (!m) return zero;
    const sums = new Float64Array(m.totals.length);
    let known = 0;
    forEachFeature(tokens, this.models[lang] ? lang : 'en', (f, fw) => {
      const row = logRow(m, f);
      if (!row) return;
      known += fw;
      for (let o = 0; o < sums.length; o++) sums[o] = (sums[o] as number) + fw * (row[o] as number);
    });
    if (known === 0) return zero;
    const vocabulary = m.counts.size;
    const logs = [...sums].map((s, o) => {
      const total = m.totals[o] ?? 0;
      if (total === 0) return Number.NEGATIVE_INFINITY; // a class without examples gets nothing
      return (s / known - Math.log(total + ALPHA * vocabulary)) / TEMPERATURE;
    });
    const max = Math.max(...logs);
    const exps = logs.map((l) => Math.exp(l - max));
    const sum = exps.reduce((a, b) => a + b, 0);
    return zero.map((_, o) => (exps[o] ?? 0) / sum);
  }
}

/** Training examples from the framework text (every language it has) and the lexicon terms. */
export function frameworkExamples(framework: Framework, lexicons: LexiconFile[]): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const o of framework.objectives) {
    for (const lang of ['en', 'nl', 'fr', 'de'] as Language[]) {
      const title = o.title[lang];
      if (title) out.push({ lang, objective: o.number, text: title, weight: 2 });
      const commitment = o.commitment[lang];
      if (commitment) out.push({ lang, objective: o.number, text: commitment });
      for (const a of o.actions) {
        const text = a.text[lang];
        if (text) out.push({ lang, objective: o.number, text });
      }
    }
  }
  for (const lex of lexicons) {
    for (const [num, entry] of Object.entries(lex.objectives)) {
      for (const tier of ['strong', 'medium', 'weak'] as const) {
        for (const term of entry[tier]) {
          out.push({ lang: lex.language, objective: Number(num), text: term, weight: TIER_WEIGHT[tier] });
        }
      }
    }
  }
  return out;
}
