import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFramework } from '../framework/load.ts';
import { type Framework, LANGUAGES, type Language } from '../framework/schema.ts';
import { detectLanguage } from '../ingest/language.ts';
import type { PassageLanguage } from '../ingest/types.ts';
import { analyse } from './analyse.ts';
import { withGlosses } from './glosses.ts';
import { labelledExamples, loadGold } from './labelled.ts';
import {
  type CompiledLexicon,
  compileLexicon,
  type LexiconFile,
  loadLexiconFile,
  matchLexicon,
} from './lexicon.ts';
import { frameworkExamples, NaiveBayes, type SerializedModel, type TrainingExample } from './model.ts';
import { once } from './once.ts';
import { FrameworkTfIdf, type RankedObjective } from './tfidf.ts';

/**
 * The objective classifier: three layers — curated lexicon, naive Bayes model, similarity to the
 * framework text — combined per objective by a logistic function fitted on the development split
 * of the gold set (`npm run eval -- --fit`), so a score reads as a probability that the objective
 * is right for the passage. Pure, CPU only, deterministic.
 */

/**
 * The layer features of one objective for one passage, the calibration's inputs: the lexicon's
 * saturated score and whether it is the passage's strongest lexicon objective, the model's
 * posterior, its logarithm and whether it is the model's strongest objective, and the similarity
 * to the objective's whole text and to its closest lettered action. The log posterior tells apart
 * the objectives the model thinks unlikely (0.01 against 0.0001), which the posterior itself
 * squeezes together near 0: it ranks second and third choices (replay top-3 95.9 → 96.5).
 */
export const FEATURES = [
  'lexicon',
  'lexiconTop',
  'model',
  'modelTop',
  'similarity',
  'actionSimilarity',
  'logModel',
] as const;
export type Feature = (typeof FEATURES)[number];
export type LayerFeatures = Record<Feature, number>;

/** Logistic weights of the layer features, their bias, and the weight of the document profile. */
export type Calibration = Record<Feature, number> & {
  bias: number;
  /** Weight of the document profile when ranking with context (extract-actions). */
  profile: number;
};

const CALIBRATION_FILE = join(import.meta.dirname, 'calibration.json');

export function loadCalibration(): Calibration {
  return JSON.parse(readFileSync(CALIBRATION_FILE, 'utf8')) as Calibration;
}

export interface ClassifyContext {
  /** The section heading the passage sits under. */
  section?: string | null;
  /** The document's profile: mean objective scores of its passages (index = objective - 1). */
  profile?: number[];
}

export interface Classification {
  lang: PassageLanguage;
  /** All objectives, best first; `score` is calibrated to 0-1. */
  objectives: RankedObjective[];
}

/** How many leading objectives carry evidence and a nearest action. */
const DETAILED = 5;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const round = (x: number) => Math.round(x * 1000) / 1000;

export interface ClassifierParts {
  framework: Framework;
  model: NaiveBayes;
  /** Compiled on first use per language. */
  lexicons: Map<Language, () => CompiledLexicon>;
  similarity: FrameworkTfIdf;
  calibration: Calibration;
}

export class Classifier {
  readonly version: string;
  constructor(private readonly parts: ClassifierParts) {
    this.version = `${parts.model.version}+lex+tfidf`;
  }

  get objectiveCount(): number {
    return this.parts.framework.objectives.length;
  }

  /** The per-objective layer features (the calibration's inputs), plus what evidence each found. */
  layers(text: string, lang: Language) {
    const tokens = analyse(text, lang);
    const lexicon = (this.parts.lexicons.get(lang) ?? this.parts.lexicons.get('en'))?.();
    const hits = lexicon ? matchLexicon(text, lexicon, lexicon.language === lang ? tokens : undefined) : [];
    const topWeight = hits[0]?.weight ?? 0;
    const nb = this.parts.model.predict(tokens, lang);
    // The strongest objective is no "top" when the model rates "no objective" higher still.
    const nbTop = Math.max(...nb, 1 - nb.reduce((a, b) => a + b, 0));
    const query = this.parts.similarity.query(text, lang, tokens);
    const sims = this.parts.similarity.similarities(query);
    const actionSims = this.parts.similarity.actionSimilarities(query);
    const features: LayerFeatures[] = sims.map((similarity, i) => {
      const hit = hits.find((h) => h.objective === i + 1);
      return {
        lexicon: hit?.score ?? 0,
        lexiconTop: hit && hit.weight === topWeight ? 1 : 0,
        model: nb[i] ?? 0,
        modelTop: nb[i] === nbTop ? 1 : 0,
        // Floored at 1e-4 and scaled to about -1..0, like the other features.
        logModel: Math.log((nb[i] ?? 0) + 1e-4) / 10,
        similarity,
        actionSimilarity: actionSims[i] ?? 0,
      };
    });
    return { features, hits, query };
  }

  score(f: LayerFeatures): number {
    const c = this.parts.calibration;
    return sigmoid(FEATURES.reduce((z, name) => z + c[name] * f[name], c.bias));
  }

  classify(text: string, opts: { lang?: Language; context?: ClassifyContext } = {}): Classification {
    const detected: PassageLanguage = opts.lang ?? detectLanguage(text);
    const lang: Language = detected === 'und' ? 'en' : detected;
    // Links are not prose: a footnote URL full of "gcm_regional_review" says nothing about objectives.
    const prose = text.replace(/(?:https?:\/\/|www\.)\S+/g, ' ');
    const withSection = opts.context?.section ? `${prose}\n${opts.context.section}` : prose;
    const { features, hits, query } = this.layers(withSection, lang);
    let scores = features.map((f) => this.score(f));
    const profile = opts.context?.profile;
    if (profile) {
      // Short action rows say little on their own ("Adapt the sheet for duty magistrates"): lean on
      // what the whole document is about, more so the weaker the row's own evidence.
      const own = Math.max(...scores);
      const w = this.parts.calibration.profile * (1 - own);
      scores = scores.map((s, i) => (1 - w) * s + w * (profile[i] ?? 0));
    }
    const ranked = scores
      .map((score, i) => ({ objective: i + 1, score }))
      .sort((a, b) => b.score - a.score || a.objective - b.objective);
    return {
      lang: detected,
      objectives: ranked.map(({ objective, score }, rank) => {
        // Evidence and the nearest action are worked out for the leading objectives only.
        if (rank >= DETAILED) return { objective, score: round(score), evidence: [] };
        const lexEvidence = hits.find((h) => h.objective === objective)?.evidence ?? [];
        const evidence = lexEvidence.length ? lexEvidence : this.parts.similarity.evidence(query, objective);
        const action = this.parts.similarity.nearestAction(query, objective);
        return {
          objective,
          score: round(score),
          ...(action ? { action } : {}),
          evidence: evidence.slice(0, 8),
        };
      }),
    };
  }

  /** Mean scores of a document's passages: the profile used as context for its actions. */
  profile(texts: { text: string; lang?: Language }[]): number[] {
    const rankings = texts
      .filter((t) => t.text.length >= 40)
      .map((t) => this.classify(t.text, t.lang ? { lang: t.lang } : {}).objectives);
    return meanProfile(rankings, this.objectiveCount);
  }
}

/** The mean score per objective over several rankings (index = objective - 1). */
export function meanProfile(rankings: RankedObjective[][], objectiveCount: number): number[] {
  const sum = new Array<number>(objectiveCount).fill(0);
  for (const ranked of rankings)
    for (const o of ranked) sum[o.objective - 1] = (sum[o.objective - 1] ?? 0) + o.score;
  return rankings.length ? sum.map((s) => s / rankings.length) : sum;
}

export interface BuildOptions {
  framework?: Framework;
  /** Training examples beyond the framework (default: the labelled dev passages of the gold set). */
  extraExamples?: TrainingExample[];
  /** A trained model (from `gcmt model train`) instead of training on the framework alone. */
  model?: NaiveBayes;
  calibration?: Calibration;
  lexiconFiles?: LexiconFile[];
}

/**
 * What the model learns from: the framework text (pass it through `withGlosses` so French and German
 * have action text), the lexicon terms, and labelled passages (by default the gold set's dev split).
 * `gcmt model train` adds the links people confirmed.
 */
export function trainingExamples(
  framework: Framework,
  files: LexiconFile[],
  labelled: TrainingExample[] = labelledExamples(loadGold()),
): TrainingExample[] {
  return [...frameworkExamples(framework, files), ...labelled];
}

export function buildClassifier(opts: BuildOptions = {}): Classifier {
  const framework = withGlosses(opts.framework ?? loadFramework('gcm'));
  const files = opts.lexiconFiles ?? LANGUAGES.map(loadLexiconFile);
  const model =
    opts.model ??
    NaiveBayes.train(trainingExamples(framework, files, opts.extraExamples), framework.objectives.length);
  return new Classifier({
    framework,
    model,
    lexicons: new Map(files.map((f) => [f.language, once(() => compileLexicon(f))])),
    similarity: new FrameworkTfIdf(framework, 'full'),
    calibration: opts.calibration ?? loadCalibration(),
  });
}

/** Where `gcmt model train` saves the model; the default classifier picks it up from there. */
export function modelPath(): string {
  return process.env.GCMT_MODEL ?? join(process.env.GCMT_DATA_DIR ?? '.gcmt/data', '..', 'model.json');
}

let shared: Classifier | undefined;

/** The process-wide classifier: a trained model on disk if there is one, else trained on the framework. */
export function defaultClassifier(): Classifier {
  if (!shared) {
    const path = modelPath();
    const model = existsSync(path)
      ? NaiveBayes.fromJSON(JSON.parse(readFileSync(path, 'utf8')) as SerializedModel)
      : undefined;
    shared = buildClassifier(model ? { model } : {});
  }
  return shared;
}
