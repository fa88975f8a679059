import PgBoss from 'pg-boss';
import type { Database } from '../db/connection.ts';
import type { DocumentType } from '../db/repositories/documents.ts';
import { AppError } from '../errors.ts';
import { getAttachment } from './attachments.ts';
import { ingestDocument } from './ingest.ts';

/**
 * Background ingests on a PostgreSQL job queue (pg-boss): an upload is stored as an attachment and
 * a job names it; any app instance's worker picks the job up, so long ingests leave the request
 * path and survive restarts (pg-boss retries a job whose worker died). On PGlite the same queue runs
 * through the embedded database.
 */

const QUEUE = 'ingest';

export interface IngestJobData {
  attachmentId: number;
  filename: string;
  type: DocumentType;
  country?: string;
  userId: number | null;
  label: string;
}

export interface JobQueue {
  enqueueIngest(data: IngestJobData): Promise<string>;
  status(id: string): Promise<{ id: string; state: string; output: unknown }>;
  stop(): Promise<void>;
}

/** Starts the queue and this process's worker. */
export async function startJobQueue(
  db: Database,
  opts: { schema?: string; pollSeconds?: number } = {},
): Promise<JobQueue> {
  // pg-boss talks through our own connection (PGlite or the pg pool), so one module owns the driver.
  const boss = new PgBoss({
    db: {
      executeSql: async (text: string, values: unknown[]) => {
        // pg-boss runs its schema scripts as several statements without parameters.
        if (!values?.length && /;\s*\S/.test(text)) {
          await db.exec(text);
          return { rows: [] };
        }
        return { rows: await db.query(text, values ?? []) };
      },
    },
    schema: opts.schema ?? 'pgboss',
  });
  boss.on('error', () => undefined); // reported per job; a transient queue error must not crash the server
  await boss.start();
  await boss.createQueue(QUEUE).catch(() => undefined); // exists already when another instance created it
  await boss.work<IngestJobData>(QUEUE, { pollingIntervalSeconds: opts.pollSeconds ?? 2 }, async ([job]) => {
    if (!job) return;
    const file = await getAttachment(db, job.data.attachmentId);
    return ingestDocument(db, {
      bytes: file.data,
      filename: job.data.filename,
      type: job.data.type,
      ...(job.data.country ? { country: job.data.country } : {}),
      by: { userId: job.data.userId, label: job.data.label },
    });
  });
  return {
    async enqueueIngest(data) {
      const id = await boss.send(QUEUE, data, { retryLimit: 2, expireInMinutes: 30 });
      if (!id) throw new Error('the job queue refused the job');
      return id;
    },
    async status(id) {
      if (!/^[0-9a-f-]{36}$/.test(id)) throw new AppError('bad_request', 'invalid job id');
      const job = await boss.getJobById<IngestJobData>(QUEUE, id, { includeArchive: true });
      if (!job) throw new AppError('not_found', `job ${id} does not exist`);
      return { id, state: job.state, output: job.output ?? null };
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
