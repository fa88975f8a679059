import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/framework/load.ts';
import { buildServer } from '../../src/http/server.ts';
import { startJobQueue } from '../../src/services/jobs.ts';
import { createUser, login } from '../../src/services/users.ts';
import { createTestDb, testEngine } from '../helpers/db.ts';

const THB = readFileSync(join(import.meta.dirname, '../fixtures/corpus/be-thb-action-plan.excerpt.txt'));

describe(`background ingest on the PostgreSQL job queue (${testEngine})`, () => {
  it('accepts an upload with 202, ingests it in a worker and reports the job', async () => {
    const db = await createTestDb();
    const jobs = await startJobQueue(db, { schema: `boss_${Date.now().toString(36)}`, pollSeconds: 0.5 });
    const app = await buildServer({ db, framework: loadFramework('gcm'), logger: false, jobs });
    try {
      await createUser(
        db,
        { email: 'c@example.org', password: 'a long enough password', role: 'coordinator' },
        { userId: null, label: 'test' },
      );
      const { token } = await login(db, 'c@example.org', 'a long enough password');
      const boundary = 'b0undary';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\ncontent-disposition: form-data; name="type"\r\n\r\naction_plan\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="thb.txt"\r\n\r\n`,
        ),
        THB,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/documents?async=true',
        payload,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          authorization: `Bearer ${token}`,
        },
      });
      expect(res.statusCode).toBe(202);
      const { jobId } = res.json();
      await expect
        .poll(
          async () =>
            (
              await app.inject({
                url: `/api/v1/jobs/${jobId}`,
                headers: { authorization: `Bearer ${token}` },
              })
            ).json().state,
          { timeout: 20_000, interval: 250 },
        )
        .toBe('completed');
      const job = (
        await app.inject({ url: `/api/v1/jobs/${jobId}`, headers: { authorization: `Bearer ${token}` } })
      ).json();
      expect(job.output).toMatchObject({ created: true, actions: expect.any(Number) });
      const [doc] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM action WHERE document_id = $1`,
        [job.output.documentId],
      );
      expect(doc?.n).toBe(job.output.actions);
      expect((await app.inject({ url: `/api/v1/jobs/${jobId}` })).statusCode).toBe(401);
    } finally {
      await app.close();
      await jobs.stop();
      await db.close();
    }
  }, 60_000);
});
