/**
 * `npm run eval [-- --split dev|test|all] [-- --fit] [-- --errors]`
 * Prints accuracy of the objective classifier on the gold set (eval/gold.jsonl, see
 * docs/ANNOTATION.md) per language and per objective, next to the title-only TF-IDF baseline, and
 * for each trafficking plan (the Belgian one, eval/plans/thb-authored.*.txt) the share of action
 * rows with objective 10 in their top 3.
 * --fit refits the calibration (src/classify/calibration.json) on the dev split only and prints the
 * rounds replayed with the lexicons they were first scored on (it reads those from git history);
 * --errors lists the dev passages it gets wrong at top-1 (refused for the test split).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildClassifier,
  type Calibration,
  type Classifier,
  FEATURES,
  type Feature,
  loadCalibration,
} from '../src/classify/classifier.ts';
import { type GoldPassage, labelledExamples, loadGold } from '../src/classify/labelled.ts';
import { type LexiconFile, parseLexiconFile } from '../src/classify/lexicon.ts';
import { FrameworkTfIdf } from '../src/classify/tfidf.ts';
import { evaluate, type Metrics, type Prediction } from '../src/eval/metrics.ts';
import { extractActions } from '../src/extract/extract.ts';
import { loadFramework } from '../src/framework/load.ts';
import { type Framework, LANGUAGES, type Language } from '../src/framework/schema.ts';
import { parseDocument } from '../src/ingest/parse.ts';

type Gold = GoldPassage;

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const splitArg = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'test';
const gold = loadGold();
/** Passages from the corpus (real documents), as against the authored ones in eval/*.tsv. */
const fromCorpus = (i: Gold) => !i.source.startsWith('eval/');
const pct = (x: number | null) => (x === null ? '  -  ' : `${(x * 100).toFixed(1).padStart(5)}`);

/** The framework without the Dutch text of gold items, so those items are unseen text. */
function withoutGoldTexts(fw: Framework, items: Gold[]): Framework {
  const refs = new Set(items.map((i) => i.frameworkRef).filter(Boolean));
  return {
    ...fw,
    objectives: fw.objectives.map((o) => ({
      ...o,
      commitment: refs.has(`${o.number}(commitment)`) ? { ...o.commitment, nl: undefined } : o.commitment,
      actions: o.actions.map((a) => (refs.has(a.ref) ? { ...a, text: { ...a.text, nl: undefined } } : a)),
    })),
  } as Framework;
}

const framework = withoutGoldTexts(loadFramework('gcm'), gold);

/**
 * Logistic regression of "objective is right" on the layer features, over dev pairs only. The model
 * trains on dev passages too, so features are cross-fitted: each half of dev is scored by a
 * classifier whose model never saw that half.
 */
const fold = (g: Gold) =>
  Number.parseInt(createHash('sha256').update(`fold:${g.id}`).digest('hex').slice(0, 8), 16) % 2;

/** Two classifiers, each trained on one half of dev: a dev item is scored by the one that never saw it. */
function crossFitted(calibration?: Calibration, lexiconFiles?: LexiconFile[]): (item: Gold) => Classifier {
  const dev = gold.filter((g) => g.split === 'dev');
  const scorers = [0, 1].map((k) =>
    buildClassifier({
      framework,
      ...(calibration ? { calibration } : {}),
      ...(lexiconFiles ? { lexiconFiles } : {}),
      extraExamples: labelledExamples(dev.filter((g) => fold(g) !== k)),
    }),
  );
  return (item) => scorers[fold(item)] as Classifier;
}

/**
 * The lexicons were mended on dev passages, so on dev their features look better than they are on
 * new text, and a calibration fitted on them trusts the lexicon too much. A round's passages are
 * therefore scored with the lexicons of the commit the round was scored on, blind (eval/rounds.json):
 * lexicons that had never seen them.
 */
const roundCommits = (
  JSON.parse(readFileSync(join(root, 'eval/rounds.json'), 'utf8')) as { commits: Record<string, string> }
).commits;
function roundCommit(item: Gold): string | undefined {
  const round = /^([a-z]{2})-([a-z]+)\d/.exec(item.id);
  if (!item.source.startsWith('eval/authored-rounds') || !round) return undefined;
  return roundCommits[`${round[1]}-${round[2]}`] ?? roundCommits[round[2] ?? ''];
}
function lexiconsAt(commit: string): LexiconFile[] {
  return LANGUAGES.map((lang) => {
    try {
      const json = execFileSync('git', ['show', `${commit}:src/classify/lexicon/${lang}.json`], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      return parseLexiconFile(json);
    } catch {
      throw new Error(
        `--fit needs the git history: commit ${commit} (eval/rounds.json) is not in this clone`,
      );
    }
  });
}

const dot = (x: number[], w: number[]) => x.reduce((s, xi, k) => s + xi * (w[k] ?? 0), 0);

/**
 * Weight of a corpus passage in the calibration fit against an authored one. The corpus passages
 * are the only real documents, but about 185 against 2,500 authored passages; at weight 5 they
 * make about a quarter of the fit. Chosen on dev: the replayed rounds stayed level (88.0 → 88.4
 * top-1) while corpus passages held out of the fit (two folds) ranked better; heavier weights
 * (13, balance) cost the replay 1 point in English and French.
 */
const CORPUS_WEIGHT = 5;

function fitCalibration(dev: Gold[], current: Calibration): Calibration {
  const rows: { x: number[]; y: number; weight: number }[] = [];
  /** The rounds as they were scored blind: their features with the lexicons of the day. */
  const replay: { rows: typeof rows; primary: number; lang: string }[] = [];
  const scorers = new Map<string, (item: Gold) => Classifier>();
  const scorerAt = (commit: string) => {
    let scorer = scorers.get(commit);
    if (!scorer) {
      scorer = crossFitted(current, commit === 'HEAD' ? undefined : lexiconsAt(commit));
      scorers.set(commit, scorer);
    }
    return scorer;
  };
  for (const item of dev) {
    const commit = roundCommit(item);
    const classifier = scorerAt(commit ?? 'HEAD')(item);
    const { features } = classifier.layers(item.text, item.lang as Language);
    const goldSet = new Set(item.primary === null ? [] : [item.primary, ...item.acceptable]);
    const weight = fromCorpus(item) ? CORPUS_WEIGHT : 1;
    const itemRows = features.map((f, i) => ({
      x: [...FEATURES.map((name) => f[name]), 1],
      y: goldSet.has(i + 1) ? 1 : 0,
      weight,
    }));
    rows.push(...itemRows);
    if (commit && item.primary !== null)
      replay.push({ rows: itemRows, primary: item.primary, lang: item.lang });
  }
  // A feature new to the list starts at 0, so adding one needs no edit of calibration.json.
  const w = [...FEATURES.map((name) => current[name] ?? 0), current.bias ?? 0];
  const lr = 0.5;
  const l2 = 1e-3;
  const total = rows.reduce((sum, r) => sum + r.weight, 0);
  for (let iter = 0; iter < 6000; iter++) {
    const grad = new Array(w.length).fill(0);
    for (const { x, y, weight } of rows) {
      const z = dot(x, w);
      const p = 1 / (1 + Math.exp(-z));
      x.forEach((xi, k) => {
        grad[k] += weight * (p - y) * xi;
      });
    }
    w.forEach((wk, k) => {
      w[k] = wk - lr * (grad[k] / total + (k < w.length - 1 ? l2 * wk : 0));
    });
  }
  for (const lang of ['all', ...LANGUAGES]) {
    const items = replay.filter((item) => lang === 'all' || item.lang === lang);
    let top1 = 0;
    let top3 = 0;
    for (const item of items) {
      const ranked = item.rows
        .map(({ x, y }, i) => ({ objective: i + 1, y, z: dot(x, w) }))
        .sort((a, b) => b.z - a.z);
      if (ranked[0]?.y) top1++;
      if (ranked.slice(0, 3).some((o) => o.objective === item.primary)) top3++;
    }
    console.log(
      `rounds replayed with the lexicons they were scored on, ${lang} (n=${items.length}): top-1 ${pct(top1 / items.length)}  top-3 ${pct(top3 / items.length)}`,
    );
  }
  const r = (v: number | undefined) => Math.round((v ?? 0) * 1000) / 1000;
  return {
    ...(Object.fromEntries(FEATURES.map((name, k) => [name, r(w[k])])) as Record<Feature, number>),
    bias: r(w[FEATURES.length]),
    profile: current.profile,
  };
}

let classifier = buildClassifier({ framework, extraExamples: labelledExamples(gold) });
let devScorer = crossFitted();
if (args.includes('--fit')) {
  const file = join(root, 'src/classify/calibration.json');
  const current = loadCalibration();
  const fitted = fitCalibration(
    gold.filter((g) => g.split === 'dev'),
    current,
  );
  writeFileSync(file, `${JSON.stringify(fitted, null, 2)}\n`);
  console.log(`calibration refitted on the dev split: ${JSON.stringify(fitted)}`);
  classifier = buildClassifier({ framework, calibration: fitted, extraExamples: labelledExamples(gold) });
  devScorer = crossFitted(fitted);
}
const baseline = new FrameworkTfIdf(loadFramework('gcm'), 'titles');
const items = gold.filter((g) => splitArg === 'all' || g.split === splitArg);

function predict(which: 'model' | 'baseline', item: Gold): Prediction {
  const lang = item.lang as Language;
  if (which === 'baseline') return { ranked: baseline.rank(item.text, lang, 23) };
  // The model learns from dev passages, so a dev passage is scored by the half that did not see it.
  const scorer = item.split === 'dev' ? devScorer(item) : classifier;
  return { ranked: scorer.classify(item.text, { lang }).objectives };
}

function line(label: string, m: Metrics): string {
  return `${label.padEnd(38)} n=${String(m.labelled).padStart(3)}  top-1 ${pct(m.top1)}  top-3 ${pct(m.top3)}  micro-F1 ${pct(m.microF1)}  macro-F1 ${pct(m.macroF1)}  none rejected ${pct(m.noneRejected)}`;
}

console.log(
  `Gold set: ${gold.length} passages; evaluating the ${splitArg} split (${items.length}). Classifier ${classifier.version}.`,
);
/** A corpus passage's document, shortened: "unece-gcm-regional-review-2020.main.txt:13" → "unece-gcm". */
const documentOf = (i: Gold) => i.source.split('-').slice(0, 2).join('-');
/** The corpus documents of a language, when there is more than one. */
function corpusDocuments(lang: string): string[] {
  const docs = [...new Set(gold.filter((i) => i.lang === lang && fromCorpus(i)).map(documentOf))].sort();
  return docs.length > 1 ? docs : [];
}
const blind = (i: Gold) => i.source.startsWith('eval/authored-blind');
const authored = (i: Gold) => i.source.startsWith('eval/authored') && !blind(i);
const groups: [string, (i: Gold) => boolean][] = [
  ['all', () => true],
  ...['en', 'nl', 'fr', 'de'].flatMap((lang): [string, (i: Gold) => boolean][] => [
    [lang, (i) => i.lang === lang],
    [`${lang} corpus`, (i) => i.lang === lang && fromCorpus(i)],
    [`${lang} authored`, (i) => i.lang === lang && authored(i)],
    [`${lang} blind`, (i) => i.lang === lang && blind(i)],
    // Each corpus document apart: the kinds of real text differ (a regional review, an action plan, a study).
    ...corpusDocuments(lang).map((doc): [string, (i: Gold) => boolean] => [
      `${lang} corpus: ${doc}`,
      (i) => i.lang === lang && fromCorpus(i) && documentOf(i) === doc,
    ]),
  ]),
];
const results = new Map<string, Metrics>();
for (const [lang, member] of groups) {
  const subset = items.filter(member);
  // A breakdown row only when the language has more than one kind of passage.
  if (
    subset.length === 0 ||
    (lang.includes(' ') && subset.length === items.filter((i) => i.lang === lang.split(' ')[0]).length)
  )
    continue;
  const model = evaluate(
    subset,
    subset.map((i) => predict('model', i)),
    0.5,
  );
  // The baseline's cosine scores are not probabilities: its threshold is the best one on dev.
  const base = evaluate(
    subset,
    subset.map((i) => predict('baseline', i)),
    0.1,
  );
  results.set(lang, model);
  console.log(line(`${lang} classifier`, model));
  console.log(line(`${lang} baseline (titles)`, base));
}

// Wrong dev passages, to guide lexicon work. Never offered for the test split.
if (args.includes('--errors')) {
  if (splitArg !== 'dev')
    throw new Error('--errors lists dev passages only (the test split is never inspected)');
  for (const item of items) {
    const ranked = predict('model', item).ranked;
    const gold = new Set(item.primary === null ? [] : [item.primary, ...item.acceptable]);
    const best = ranked[0];
    const ok =
      item.primary === null ? (best?.score ?? 0) < 0.5 : best !== undefined && gold.has(best.objective);
    if (ok) continue;
    const top = ranked.slice(0, 3).map((o) => `${o.objective}:${o.score.toFixed(2)}`);
    console.log(
      `  ${item.id} gold ${item.primary}/${item.acceptable} got ${top.join(' ')} | ${item.text.slice(0, 150)}`,
    );
  }
}

const all = results.get('all');
if (all) {
  console.log('\nPer objective (classifier, this split): support, top-1, top-3, F1');
  for (const [o, p] of [...all.perObjective].sort((a, b) => a[0] - b[0])) {
    console.log(
      `  ${String(o).padStart(2)}  n=${String(p.support).padStart(3)}  top-1 ${pct(p.top1)}  top-3 ${pct(p.top3)}  F1 ${pct(p.f1)}`,
    );
  }
}

// Actions of human-trafficking plans: objective 10 should be in their top 3. The Belgian plan is
// real; eval/plans/thb-authored.*.txt are plans written by the project in four languages (their
// rows were scored once, blind, before the lexicons were mended on them: docs/CLASSIFICATION.md).
const plans = [
  [
    join(root, '../shared/corpus/be-thb-action-plan-2021-2025.part1.txt'),
    join(root, 'test/fixtures/corpus/be-thb-action-plan.excerpt.txt'),
  ].find(existsSync),
  ...LANGUAGES.map((lang) => join(root, `eval/plans/thb-authored.${lang}.txt`)),
].filter((path): path is string => path !== undefined);
const inTop3 = (ranked: { objective: number }[]) => ranked.slice(0, 3).some((o) => o.objective === 10);
console.log('\nTrafficking plan actions with objective 10 in the top 3:');
for (const path of plans) {
  const doc = await parseDocument(readFileSync(path), path);
  const actions = extractActions(doc);
  const hits = actions.filter((a) => inTop3(a.objectives)).length;
  const tables = actions.filter((a) => a.source === 'table');
  const tableHits = tables.filter((a) => inTop3(a.objectives)).length;
  // The same rows as `gcmt classify` sees them: the action text alone, without section or document.
  const alone = actions.filter((a) =>
    inTop3(classifier.classify(a.text, a.language === 'und' ? {} : { lang: a.language }).objectives),
  ).length;
  console.log(
    `  ${path.split('/').at(-1)}: ${hits}/${actions.length} (${pct(hits / actions.length)} %); table rows ${tableHits}/${tables.length}; text alone (no context) ${alone}/${actions.length}`,
  );
}
