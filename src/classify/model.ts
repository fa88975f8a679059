import { createHash } from 'node:crypto';
import type { Framework, Language } from '../framework/schema.ts';
import { analyse, compoundGrams, type Token } from './analyse.ts';
import { type LexiconFile, TIER_WEIGHT } from './lexicon.ts';

/**
 * A multinomial naive Bayes model over stems, stem bigrams and (Dutch, German) compound n-grams,
 * one per language. It is trained on the framework text, the lexicon terms and the links people
 * confirmed in the review queue (`gcmt model train`). Deterministic: same examples, same model,
 * same version string.
 */

export interface TrainingExample {
  lang: Language;
  objective: number;
  text: string;
  weight?: number;
}

interface LanguageModel {
  /** counts[objective-1]: feature → weighted count */
  counts: Map<string, number>[];
  totals: number[];
  vocabulary: number;
}

export interface SerializedModel {
  version: string;
  objectives: number;
  examples: number;
  languages: Partial<Record<Language, { counts: [string, number][][]; totals: number[]; vocabulary: number }>>;
}

const ALPHA = 0.2;
/** Softmax temperature on per-token log-likelihoods: spreads NB's overconfident posteriors. */
const TEMPERATURE = 0.35;

export function features(tokens: Token[], lang: Language): string[] {
  const stems = tokens.map((t) => t.stem);
  const out = [...stems];
  for (let i = 0; i + 1 < stems.length; i++) out.push(`${stems[i]}_${stems[i + 1]}`);
  if (lang === 'nl' || lang === 'de') out.push(...compoundGrams(tokens));
  return out;
}

export class NaiveBayes {
  private constructor(
    readonly version: string,
    readonly objectiveCount: number,
    private readonly models: Partial<Record<Language, LanguageModel>>,
    readonly exampleCount: number,
  ) {}

  static train(examples: TrainingExample[], objectiveCount: number): NaiveBayes {
    const models: Partial<Record<Language, LanguageModel>> = {};
    const hash = createHash('sha256');
    for (const ex of examples) {
      hash.update(`${ex.lang}\u0000${ex.objective}\u0000${ex.weight ?? 1}\u0000${ex.text}\u0001`);
      const m = (models[ex.lang] ??= {
        counts: Array.from({ length: objectiveCount }, () => new Map<string, number>()),
        totals: new Array(objectiveCount).fill(0),
        vocabulary: 0,
      });
      const counts = m.counts[ex.objective - 1];
      if (!counts) continue;
      const w = ex.weight ?? 1;
      for (const f of features(analyse(ex.text, ex.lang), ex.lang)) {
        counts.set(f, (counts.get(f) ?? 0) + w);
        m.totals[ex.objective - 1] = (m.totals[ex.objective - 1] ?? 0) + w;
      }
    }
    for (const m of Object.values(models)) {
      const vocab = new Set<string>();
      for (const c of m.counts) for (const f of c.keys()) vocab.add(f);
      m.vocabulary = vocab.size;
    }
    return new NaiveBayes(`nb-${hash.digest('hex').slice(0, 12)}`, objectiveCount, models, examples.length);
  }

  static fromJSON(data: SerializedModel): NaiveBayes {
    const models: Partial<Record<Language, LanguageModel>> = {};
    for (const [lang, m] of Object.entries(data.languages) as [Language, NonNullable<SerializedModel['languages'][Language]>][]) {
      models[lang] = { counts: m.counts.map((c) => new Map(c)), totals: m.totals, vocabulary: m.vocabulary };
    }
    return new NaiveBayes(data.version, data.objectives, models, data.examples);
  }

  toJSON(): SerializedModel {
    const languages: SerializedModel['languages'] = {};
    for (const [lang, m] of Object.entries(this.models) as [Language, LanguageModel][]) {
      languages[lang] = { counts: m.counts.map((c) => [...c]), totals: m.totals, vocabulary: m.vocabulary };
    }
    return { version: this.version, objectives: this.objectiveCount, examples: this.exampleCount, languages };
  }

  /** Posterior-like scores per objective (sum 1), or all zeros when the language has no model or no known word. */
  predict(tokens: Token[], lang: Language): number[] {
    const m = this.models[lang] ?? this.models.en;
    const zero = new Array(this.objectiveCount).fill(0);
    if (!m) return zero;
    const feats = features(tokens, this.models[lang] ? lang : 'en').filter((f) => m.counts.some((c) => c.has(f)));
    if (feats.length === 0) return zero;
    const logs = m.counts.map((counts, o) => {
      const denom = Math.log((m.totals[o] ?? 0) + ALPHA * m.vocabulary);
      let s = 0;
      for (const f of feats) s += Math.log((counts.get(f) ?? 0) + ALPHA) - denom;
      return s / feats.length / TEMPERATURE;
    });
    const max = Math.max(...logs);
    const exps = logs.map((l) => Math.exp(l - max));
    const sum = exps.reduce((a, b) => a + b, 0);
    return exps.map((e) => e / sum);
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
