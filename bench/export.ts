import { existsSync } from 'node:fs';
import { connect } from '../src/db/connection.ts';
import { prepareDatabase } from '../src/db/prepare.ts';
import { exportReview } from '../src/services/export/index.ts';
import { buildReview } from '../src/services/reviews.ts';
import { fmt, mb, percentile, timeRuns, trackPeakRss } from './lib.ts';
import { seed } from './seed.ts';

/** Time to build and export a 23-objective review of the whole corpus (DOCX and PDF). */
export async function benchExport(): Promise<void> {
  const db = await connect();
  await prepareDatabase(db);
  await seed(db, { passages: 1, actions: 1 });
  const build = await timeRuns(() => buildReview(db, { country: 'BE' }), 5, 1);
  const review = await buildReview(db, { country: 'BE' });
  const actions = review.sections.reduce((n, s) => n + s.actions.length, 0);
  console.log(
    `review export (${review.sections.length} objectives, ${actions} action rows), 5 runs after a warm-up:`,
  );
  console.log(`  build the review from the database: p50 ${fmt(percentile(build, 50))} ms`);
  const peak = trackPeakRss();
  for (const format of ['docx', 'xlsx', 'md', 'pdf'] as const) {
    if (format === 'pdf' && !existsSync(process.env.GCMT_CHROMIUM ?? '/usr/bin/chromium')) {
      console.log('  pdf: skipped (no chromium)');
      continue;
    }
    let size = 0;
    const times = await timeRuns(
      async () => {
        size = (await exportReview(await buildReview(db, { country: 'BE' }), format)).length;
      },
      format === 'pdf' ? 3 : 5,
      1,
    );
    console.log(
      `  ${format}: p50 ${fmt(percentile(times, 50))} ms, max ${fmt(times.at(-1) ?? 0)} ms (build + export, ${fmt(size / 1024, 0)} KB)`,
    );
  }
  console.log(`  peak RSS during exports ${fmt(mb(peak.stop()), 0)} MB (Chromium runs in its own processes)`);
  await db.close();
}
