import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../scripts/build-cli.ts';
import { analyse } from '../src/classify/analyse.ts';
import { buildClassifier } from '../src/classify/classifier.ts';
import { lexiconFor, loadLexiconFile, matchLexicon, termsOf } from '../src/classify/lexicon.ts';
import { LANGUAGES } from '../src/framework/schema.ts';
import { parseDocument } from '../src/ingest/parse.ts';
import { corpus, fmt, mb, percentile, timeRuns } from './lib.ts';

/**
 * Classification speed: passages per second on one core (the whole corpus's passages), the
 * tokenise-and-stem floor measured on the same passages in the same run, the time until
 * `gcmt classify` answers its first line (process start included), and memory.
 */
export async function benchClassify(): Promise<void> {
  const passages: { text: string; lang: 'en' | 'nl' | 'fr' | 'de' }[] = [];
  for (const f of corpus()) {
    const doc = await parseDocument(f.bytes, f.name);
    for (const p of doc.passages)
      if (p.text.length >= 40)
        passages.push({ text: p.text, lang: p.language === 'und' ? 'en' : p.language });
  }
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const classifier = buildClassifier();
  // Each language's parts are built on first use: one passage per language builds them all.
  for (const lang of LANGUAGES) classifier.classify('migration', { lang });
  const buildMs = performance.now() - t0;
  const runs = await timeRuns(
    () => {
      for (const p of passages) classifier.classify(p.text, { lang: p.lang });
    },
    5,
    1,
  );
  const floor = await timeRuns(
    () => {
      for (const p of passages) analyse(p.text, p.lang);
    },
    5,
    1,
  );
  const p50 = percentile(runs, 50);
  console.log(`classification of ${passages.length} corpus passages (one core):`);
  console.log(
    `  p50 ${fmt(p50)} ms per pass → ${fmt(passages.length / (p50 / 1000), 0)} passages/s (p95 pass ${fmt(percentile(runs, 95))} ms)`,
  );
  console.log(
    `  reference (tokenise + stem only): ${fmt(passages.length / (percentile(floor, 50) / 1000), 0)} passages/s → classification costs ${fmt(p50 / percentile(floor, 50), 1)}× the floor`,
  );
  console.log(
    `  classifier build, all four languages (lexicons + model training + framework index): ${fmt(buildMs)} ms; RSS ${fmt(mb(process.memoryUsage().rss), 0)} MB (+${fmt(mb(process.memoryUsage().rss - rssBefore), 0)} MB for the classifier)`,
  );

  // The lexicon matcher next to grep -F with the same English terms over the same English text.
  const english = passages.filter((p) => p.lang === 'en');
  const lex = lexiconFor('en');
  const lexRuns = await timeRuns(
    () => {
      for (const p of english) matchLexicon(p.text, lex);
    },
    5,
    1,
  );
  const dir = mkdtempSync(join(tmpdir(), 'gcmt-grep-'));
  const terms = Object.values(loadLexiconFile('en').objectives).flatMap(termsOf);
  writeFileSync(join(dir, 'terms'), terms.join('\n'));
  writeFileSync(join(dir, 'text'), english.map((p) => p.text.replace(/\n/g, ' ')).join('\n'));
  const grepRuns = await timeRuns(
    () => {
      spawnSync('grep', ['-c', '-i', '-F', '-f', join(dir, 'terms'), join(dir, 'text')]);
    },
    5,
    1,
  );
  console.log(
    `  lexicon matcher (${terms.length} English terms, stemmed phrase matching, ${english.length} passages): p50 ${fmt(percentile(lexRuns, 50))} ms; reference grep -F -i (literal, process start included): p50 ${fmt(percentile(grepRuns, 50))} ms`,
  );

  // Interleaved runs of the installed bundle and of the TypeScript sources through tsx (the fallback
  // bin/gcmt.mjs takes when the bundle is missing or older than a source file).
  const bin = join(import.meta.dirname, '../bin/gcmt.mjs');
  await buildCli(); // as npm install does, so the bundle is fresh for these sources
  const starts = { bundle: { ready: [] as number[], rss: 0 }, tsx: { ready: [] as number[], rss: 0 } };
  for (let i = 0; i < 7; i++) {
    for (const [kind, run] of Object.entries(starts)) {
      const s = performance.now();
      const res = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'classify'], {
        input: '{"id":"1","text":"Victims of trafficking are referred to reception centres."}\n',
        encoding: 'utf8',
        env: { ...process.env, GCMT_NO_BUNDLE: kind === 'tsx' ? '1' : '' },
      });
      run.ready.push(performance.now() - s);
      run.rss = Math.max(run.rss, Number(res.stderr.trim().split('\n').at(-1)) / 1024 || 0);
    }
  }
  for (const [kind, { ready, rss }] of Object.entries(starts)) {
    ready.sort((a, b) => a - b);
    console.log(
      `  gcmt classify (${kind === 'bundle' ? 'installed bundle' : 'sources through tsx'}), process start to first answer: p50 ${fmt(percentile(ready, 50), 0)} ms, p90 ${fmt(percentile(ready, 90), 0)} ms, max ${fmt(ready.at(-1) ?? 0, 0)} ms (7 runs); peak RSS ${fmt(rss, 0)} MB`,
    );
  }
}
