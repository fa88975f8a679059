import { connect, type Database } from '../src/db/connection.ts';
import { prepareDatabase } from '../src/db/prepare.ts';
import { search } from '../src/services/search.ts';
import { fmt, percentile } from './lib.ts';
import { seed } from './seed.ts';

const QUERIES: [string, 'en' | 'nl'][] = [
  ['victims of trafficking', 'en'],
  ['smuggling networks', 'en'],
  ['recognition of diplomas', 'en'],
  ['integration programme newcomers', 'en'],
  ['duty magistrates', 'en'],
  ['labour market', 'en'],
  ['search and rescue', 'en'],
  ['climate change', 'en'],
  ['return and reintegration', 'en'],
  ['remittances', 'en'],
  ['disaggregated data', 'en'],
  ['immigration detention alternatives', 'en'],
  ['mensenhandel', 'nl'],
  ['migranten in kwetsbare situaties', 'nl'],
  ['consulaire bijstand', 'nl'],
  ['Myria', 'en'],
];

async function measure(label: string, db: Database) {
  const times: number[] = [];
  const plain: number[] = [];
  for (let round = 0; round < 4; round++) {
    for (const [q, lang] of QUERIES) {
      let t = performance.now();
      await search(db, { q, lang });
      if (round > 0) times.push(performance.now() - t);
      t = performance.now();
      await db.query(
        `SELECT id FROM passage WHERE language = $3 AND search @@ websearch_to_tsquery($2::regconfig, $1) LIMIT 20`,
        [q, lang === 'nl' ? 'dutch' : 'english', lang],
      );
      if (round > 0) plain.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  plain.sort((a, b) => a - b);
  console.log(
    `  ${label}: search service p50 ${fmt(percentile(times, 50))} ms, p95 ${fmt(percentile(times, 95))} ms, p99 ${fmt(percentile(times, 99))} ms` +
      ` (ranked hits + snippets + facets); reference plain tsquery LIMIT 20: p50 ${fmt(percentile(plain, 50))} ms, p95 ${fmt(percentile(plain, 95))} ms`,
  );
}

/** Search latency at 100,000 passages, on PGlite and (when reachable) on a PostgreSQL server. */
export async function benchSearch(): Promise<void> {
  const target = { passages: 100_000, actions: 1_000 };
  console.log(`search latency, ${QUERIES.length} queries × 3 rounds after a warm-up round:`);
  const lite = await connect();
  await prepareDatabase(lite);
  const n = await seed(lite, target);
  console.log(`  seeded ${n.passages} passages`);
  await measure('PGlite', lite);
  await lite.close();
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const scratch = `gcmt_bench_${Date.now()}`;
  let admin: Database | undefined;
  try {
    admin = await connect({ databaseUrl: url });
  } catch {
    console.log('  PostgreSQL: not reachable, skipped (set BENCH_DATABASE_URL)');
    return;
  }
  await admin.exec(`CREATE DATABASE ${scratch}`);
  const pgUrl = url.replace(/\/[^/]*$/, `/${scratch}`);
  try {
    const pg = await connect({ databaseUrl: pgUrl });
    await prepareDatabase(pg);
    await seed(pg, target);
    await measure('PostgreSQL', pg);
    await pg.close();
  } finally {
    await admin.exec(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.close();
  }
}
