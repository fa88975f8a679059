import { mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connect } from '../../src/db/connection.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';
import { loadFramework } from '../../src/framework/load.ts';
import { buildServer } from '../../src/http/server.ts';
import { addProgress, updateAction } from '../../src/services/actions.ts';
import { ingestDocument } from '../../src/services/ingest.ts';
import { createUser, login } from '../../src/services/users.ts';
import { runCli } from '../helpers/cli.ts';
import { createTestDb, testEngine } from '../helpers/db.ts';

const THB = join(import.meta.dirname, '../fixtures/corpus/be-thb-action-plan.excerpt.txt');
const pgUrl = process.env.TEST_DATABASE_URL;
const by = { userId: null, label: 'test' };

describe(`reliability on ${testEngine}`, () => {
  it('leaves no partial document when the process is killed in the middle of an ingest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcmt-kill-'));
    let env: NodeJS.ProcessEnv = { GCMT_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
    let scratch: string | undefined;
    if (pgUrl) {
      scratch = `gcmt_kill_${Date.now()}`;
      const admin = await connect({ databaseUrl: pgUrl });
      await admin.exec(`CREATE DATABASE ${scratch}`);
      await admin.close();
      env = { DATABASE_URL: pgUrl.replace(/\/[^/]*$/, `/${scratch}`) };
    }
    try {
      const killed = await runCli(['ingest', THB, '--type', 'action_plan'], {
        env: { ...env, GCMT_FAILPOINT: 'ingest:after-passages' },
      });
      expect(killed.code).toBeNull(); // died by SIGKILL, inside the transaction
      const check = await connect({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.GCMT_DATA_DIR });
      const counts = await check.query<{ d: number; p: number }>(
        `SELECT (SELECT count(*)::int FROM document) AS d, (SELECT count(*)::int FROM passage) AS p`,
      );
      await check.close();
      expect(counts[0]).toEqual({ d: 0, p: 0 });
      // And the same file imports cleanly afterwards.
      const again = await runCli(['ingest', THB, '--type', 'action_plan'], { env });
      expect(again.stdout).toMatch(/1 imported/);
    } finally {
      if (scratch && pgUrl) {
        const admin = await connect({ databaseUrl: pgUrl });
        await admin.exec(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
        await admin.close();
      }
    }
  }, 90_000);

  it('loses no update when many clients change one action at once', async () => {
    const db = await createTestDb();
    try {
      await ingestDocument(db, { bytes: readFileSync(THB), filename: 'thb.txt', type: 'action_plan', by });
      const user = await createUser(
        db,
        { email: 'c@example.org', password: 'a long enough password', role: 'coordinator' },
        by,
      );
      const [action] = await db.query<{ id: number; version: number }>(
        `SELECT id, version FROM action ORDER BY id LIMIT 1`,
      );
      if (!action) throw new Error('no action');
      const attempts = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          updateAction(db, action.id, action.version, { title: `Editor ${i}` }, user),
        ),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      expect(won).toHaveLength(1);
      expect(
        attempts
          .filter((a) => a.status === 'rejected')
          .every((a) => (a as PromiseRejectedResult).reason.code === 'conflict'),
      ).toBe(true);
      const winner = (won[0] as PromiseFulfilledResult<{ title: string }>).value.title;
      const [after] = await db.query<{ title: string; version: number }>(
        `SELECT title, version FROM action WHERE id = $1`,
        [action.id],
      );
      expect(after).toEqual({ title: winner, version: action.version + 1 });
      // Progress updates are appends: all twenty land, and each bumps the version once.
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          addProgress(
            db,
            action.id,
            { date: `2024-01-${String(i + 1).padStart(2, '0')}`, status: 'in_progress' },
            user,
          ),
        ),
      );
      const [final] = await db.query<{ n: number; version: number }>(
        `SELECT (SELECT count(*)::int FROM progress_update WHERE action_id = $1) AS n, (SELECT version FROM action WHERE id = $1) AS version`,
        [action.id],
      );
      expect(final).toEqual({ n: 20, version: action.version + 21 });
    } finally {
      await db.close();
    }
  }, 60_000);

  it.skipIf(!pgUrl)(
    'answers 503 while PostgreSQL is unreachable and recovers when it returns',
    async () => {
      // A TCP proxy in front of the server lets the test cut the database off and bring it back.
      const target = new URL(pgUrl as string);
      const sockets = new Set<net.Socket>();
      let open = true;
      const proxy = net.createServer((client) => {
        if (!open) return client.destroy();
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
        };
        client.on('error', drop);
        upstream.on('error', drop);
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
      const port = (proxy.address() as net.AddressInfo).port;
      const viaProxy = `${target.protocol}//${target.username ? `${target.username}@` : ''}127.0.0.1:${port}${target.pathname}`;
      const schema = `t_down_${Date.now()}`;
      const admin = await connect({ databaseUrl: pgUrl });
      await admin.exec(`CREATE SCHEMA ${schema}`);
      const db = await connect({
        databaseUrl: viaProxy,
        pgOptions: { options: `-c search_path=${schema}`, max: 2, connectionTimeoutMillis: 1000 },
      });
      try {
        await prepareDatabase(db);
        const app = await buildServer({ db, framework: loadFramework('gcm'), logger: false });
        expect((await app.inject('/api/v1/actions')).statusCode).toBe(200);
        open = false;
        for (const s of sockets) s.destroy();
        const down = await app.inject('/api/v1/actions');
        expect(down.statusCode).toBe(503);
        expect(down.json().error.code).toBe('database_unavailable');
        expect((await app.inject('/health')).statusCode).toBe(503);
        open = true;
        await expect
          .poll(async () => (await app.inject('/api/v1/actions')).statusCode, { timeout: 10_000 })
          .toBe(200);
        await app.close();
      } finally {
        open = true;
        await db.close().catch(() => undefined);
        await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
        await admin.close();
        proxy.close();
      }
    },
    60_000,
  );

  it.skipIf(!pgUrl)(
    'runs several stateless app instances against one PostgreSQL',
    async () => {
      const db = await createTestDb();
      const schema = (await db.query<{ s: string }>(`SELECT current_schema() AS s`))[0]?.s as string;
      const second = await connect({
        databaseUrl: pgUrl,
        pgOptions: { options: `-c search_path=${schema}`, max: 4 },
      });
      try {
        await ingestDocument(db, { bytes: readFileSync(THB), filename: 'thb.txt', type: 'action_plan', by });
        await createUser(
          db,
          { email: 'a@example.org', password: 'a long enough password', role: 'admin' },
          by,
        );
        const [a, b] = await Promise.all([
          buildServer({ db, framework: loadFramework('gcm'), logger: false }),
          buildServer({ db: second, framework: loadFramework('gcm'), logger: false }),
        ]);
        // A session made on one instance works on the other: sessions live in the database.
        const { token } = await login(db, 'a@example.org', 'a long enough password');
        const auth = { authorization: `Bearer ${token}` };
        const read = await b.inject({ url: '/api/v1/actions/1', headers: auth });
        expect(read.statusCode).toBe(200);
        const etag = read.headers.etag as string;
        const first = await a.inject({
          method: 'PATCH',
          url: '/api/v1/actions/1',
          headers: { ...auth, 'if-match': etag },
          payload: { status: 'completed' },
        });
        expect(first.statusCode).toBe(200);
        const stale = await b.inject({
          method: 'PATCH',
          url: '/api/v1/actions/1',
          headers: { ...auth, 'if-match': etag },
          payload: { status: 'delayed' },
        });
        expect(stale.statusCode).toBe(409);
        expect((await b.inject('/api/v1/actions/1')).json().status).toBe('completed');
        await Promise.all([a.close(), b.close()]);
      } finally {
        await second.close();
        await db.close();
      }
    },
    60_000,
  );
});
