import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { connect, type Database } from '../src/db/connection.ts';
import { prepareDatabase } from '../src/db/prepare.ts';
import { fmt } from './lib.ts';
import { seed } from './seed.ts';

const BIN = join(import.meta.dirname, '../bin/gcmt.mjs');

async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, ...env, GCMT_SAMPLE: 'off', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('server did not start');
}

/** Mixed public reads: action lists with filters, single actions, coverage. */
async function load(port: number, maxId: number) {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 32,
    duration: 10,
    requests: [
      {
        setupRequest: (req) => {
          n++;
          const id = 1 + ((n * 7919) % maxId);
          const paths = [
            `/api/v1/actions/${id}`,
            `/api/v1/actions?limit=20&status=planned&cursor=${Buffer.from(String(id)).toString('base64url')}`,
            `/api/v1/actions/${id}`,
            '/health',
          ];
          return { ...req, path: paths[n % paths.length] };
        },
      },
    ],
  });
  return result;
}

function report(label: string, r: autocannon.Result) {
  console.log(
    `  ${label}: ${fmt(r.requests.average, 0)} req/s (${r.requests.total} requests in ${r.duration} s, ${r.non2xx} non-2xx), latency p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`,
  );
}

/** API read throughput with 10,000 actions: one server process, autocannon in this process. */
export async function benchApi(): Promise<void> {
  console.log('API reads under load (32 connections, 10 s, mixed action lists and single actions):');
  const dir = mkdtempSync(join(tmpdir(), 'gcmt-bench-api-'));
  const lite = await connect({ dataDir: join(dir, 'data') });
  await prepareDatabase(lite);
  const n = await seed(lite, { passages: 2_000, actions: 10_000 });
  await lite.close();
  let server = await startServer({ GCMT_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' }, 18091);
  try {
    report(`PGlite (${n.actions} actions)`, await load(18091, n.actions));
  } finally {
    server.kill();
  }
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  let admin: Database;
  try {
    admin = await connect({ databaseUrl: url });
  } catch {
    console.log('  PostgreSQL: not reachable, skipped');
    return;
  }
  const scratch = `gcmt_bench_api_${Date.now()}`;
  await admin.exec(`CREATE DATABASE ${scratch}`);
  const pgUrl = url.replace(/\/[^/]*$/, `/${scratch}`);
  try {
    const pg = await connect({ databaseUrl: pgUrl });
    await prepareDatabase(pg);
    const m = await seed(pg, { passages: 2_000, actions: 10_000 });
    await pg.close();
    server = await startServer({ DATABASE_URL: pgUrl }, 18092);
    try {
      report(`PostgreSQL (${m.actions} actions)`, await load(18092, m.actions));
    } finally {
      server.kill();
    }
  } finally {
    await admin.exec(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.close();
  }
}
