import { type Database, type Queryable, queryOne } from '../db/connection.ts';
import { audit, auditActor } from '../db/repositories/audit.ts';
import { AppError } from '../errors.ts';
import { assertAttachmentsExist } from './attachments.ts';
import { decodeCursor, type Page, type PageQuery, pageLimit, toPage } from './pagination.ts';
import type { User } from './users.ts';

export interface Contribution {
  id: number;
  author: string | null;
  country: string | null;
  objectives: number[];
  text: string;
  file: unknown;
  state: 'pending' | 'approved' | 'rejected';
  created_at: Date;
}

/** A stakeholder's text about one or more objectives; it waits for a coordinator's decision. */
export async function submitContribution(
  db: Database,
  input: {
    text: string;
    objectives: number[];
    country?: string | undefined;
    attachmentId?: number | undefined;
  },
  user: User,
): Promise<number> {
  if (input.objectives.length === 0) throw new AppError('bad_request', 'name at least one objective');
  return db.transaction(async (tx) => {
    await assertAttachmentsExist(tx, input.attachmentId ? [input.attachmentId] : []);
    const row = await queryOne<{ id: number }>(
      tx,
      `INSERT INTO contribution (author_id, country, objectives, text, file) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [
        user.id,
        input.country ?? null,
        input.objectives,
        input.text,
        input.attachmentId ? JSON.stringify({ attachmentId: input.attachmentId }) : null,
      ],
      'contribution insert',
    );
    await audit(tx, auditActor(user), {
      action: 'contribution.submit',
      entity: 'contribution',
      entityId: row.id,
      after: input,
    });
    return row.id;
  });
}

export async function moderateContribution(
  db: Database,
  id: number,
  decision: 'approved' | 'rejected',
  user: User,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.query<{ state: string }>(
      `SELECT state FROM contribution WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!before) throw new AppError('not_found', `contribution ${id} does not exist`);
    if (before.state !== 'pending')
      throw new AppError('conflict', `contribution ${id} was already ${before.state}`);
    await tx.query(
      `UPDATE contribution SET state = $2, moderated_by = $3, moderated_at = now() WHERE id = $1`,
      [id, decision, user.id],
    );
    await audit(tx, auditActor(user), {
      action: 'contribution.moderate',
      entity: 'contribution',
      entityId: id,
      before,
      after: { state: decision },
    });
  });
}

/** Approved contributions for everyone; pending and rejected ones only for moderators. */
export async function listContributions(
  db: Queryable,
  f: PageQuery & { state?: string | undefined; objective?: number | undefined },
): Promise<Page<Contribution>> {
  const limit = pageLimit(f.limit);
  const rows = await db.query<Contribution>(
    `SELECT c.id, u.display_name AS author, c.country, c.objectives, c.text, c.file, c.state, c.created_at
     FROM contribution c LEFT JOIN app_user u ON u.id = c.author_id
     WHERE c.id > $1 AND c.state = $2 AND ($3::int IS NULL OR $3 = ANY(c.objectives)) ORDER BY c.id LIMIT $4`,
    [decodeCursor(f.cursor), f.state ?? 'approved', f.objective ?? null, limit + 1],
  );
  return toPage(rows, limit);
}
