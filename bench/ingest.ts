import { connect } from '../src/db/connection.ts';
import { prepareDatabase } from '../src/db/prepare.ts';
import { extractActions } from '../src/extract/extract.ts';
import { parseDocument } from '../src/ingest/parse.ts';
import { ingestDocument } from '../src/services/ingest.ts';
import { corpus, fmt, mb, percentile, timeRuns, trackPeakRss } from './lib.ts';

/**
 * Ingest throughput: the pure pipeline (read → normalise → structure → language → extract) over
 * the whole corpus, repeated; and full ingests into a fresh PGlite database. A reference is timed in
 * the same run: splitting the same bytes into lines, the floor any line-based reader pays.
 */
export async function benchIngest(): Promise<void> {
  const files = corpus();
  const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0);
  let passages = 0;
  let actions = 0;
  const peak = trackPeakRss();
  const runs = await timeRuns(async () => {
    passages = 0;
    actions = 0;
    for (const f of files) {
      const doc = await parseDocument(f.bytes, f.name);
      passages += doc.passages.length;
      actions += extractActions(doc).length;
    }
  }, 10);
  const rss = peak.stop();
  const reference = await timeRuns(() => {
    for (const f of files) new TextDecoder().decode(f.bytes).split('\n');
  }, 10);
  const p50 = percentile(runs, 50);
  console.log(
    `ingest (pure pipeline) on ${files.length} files, ${fmt(mb(totalBytes), 2)} MB, ${passages} passages, ${actions} actions`,
  );
  console.log(`  per corpus pass: p50 ${fmt(p50)} ms, p95 ${fmt(percentile(runs, 95))} ms (10 runs)`);
  console.log(
    `  throughput: ${fmt(mb(totalBytes) / (p50 / 1000), 2)} MB/s, ${fmt(passages / (p50 / 1000), 0)} passages/s`,
  );
  console.log(
    `  reference (decode + split lines): p50 ${fmt(percentile(reference, 50), 2)} ms → pipeline costs ${fmt(p50 / percentile(reference, 50), 0)}× the floor`,
  );
  console.log(`  peak RSS ${fmt(mb(rss), 0)} MB`);

  const db = await connect();
  await prepareDatabase(db);
  const t0 = performance.now();
  let stored = 0;
  for (const f of files) {
    const r = await ingestDocument(db, {
      bytes: f.bytes,
      filename: f.name,
      type: 'action_plan',
      country: 'BE',
      by: { userId: null, label: 'bench' },
    });
    stored += r.passages;
  }
  const seconds = (performance.now() - t0) / 1000;
  await db.close();
  console.log(
    `ingest into PGlite (one transaction per file, with suggestions): ${fmt(seconds, 2)} s, ${fmt(mb(totalBytes) / seconds, 2)} MB/s, ${fmt(stored / seconds, 0)} passages/s`,
  );
}
