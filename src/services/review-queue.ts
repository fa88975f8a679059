import type { Database, Queryable } from '../db/connection.ts';
import { audit, auditActor } from '../db/repositories/audit.ts';
import { AppError } from '../errors.ts';
import { decodeCursor, type Page, type PageQuery, pageLimit, toPage } from './pagination.ts';
import type { User } from './users.ts';

export interface Suggestion {
  id: number;
  objective: number;
  framework_action: string | null;
  score: number;
  method: string;
  model_version: string | null;
  evidence: unknown;
  passage_id: number | null;
  action_id: number | null;
  text: string;
  document_id: number | null;
  document_title: string | null;
}

export interface QueueFilter extends PageQuery {
  minScore?: number | undefined;
  objective?: number | undefined;
  documentId?: number | undefined;
}

/** Suggested links waiting for a person, in the order they were made (stable for paging). */
export async function listSuggestions(db: Queryable, f: QueueFilter): Promise<Page<Suggestion>> {
  const limit = pageLimit(f.limit);
  const rows = await db.query<Suggestion>(
    `SELECT l.id, l.objective, l.framework_action, l.score, l.method, l.model_version, l.evidence, l.passage_id, l.action_id,
            COALESCE(p.text, a.title) AS text, d.id AS document_id, d.title AS document_title
     FROM objective_link l
     LEFT JOIN passage p ON p.id = l.passage_id
     LEFT JOIN action a ON a.id = l.action_id
     LEFT JOIN document d ON d.id = COALESCE(p.document_id, a.document_id)
     WHERE l.state = 'suggested' AND l.id > $1 AND l.score >= $2 AND ($3::int IS NULL OR l.objective = $3)
       AND ($4::int IS NULL OR d.id = $4)
     ORDER BY l.id LIMIT $5`,
    [decodeCursor(f.cursor), f.minScore ?? 0, f.objective ?? null, f.documentId ?? null, limit + 1],
  );
  return toPage(rows, limit);
}

export type Decision =
  | { decision: 'confirm' }
  | { decision: 'reject' }
  | { decision: 'reassign'; objective: number; frameworkAction?: string };

/**
 * Confirms, rejects or reassigns one suggestion, recording who and when. Reassigning rejects the
 * suggestion and adds a confirmed manual link to the right objective. Decisions feed `gcmt model train`.
 */
export async function decide(
  db: Database,
  linkId: number,
  d: Decision,
  user: User,
): Promise<{ id: number; state: string }> {
  return db.transaction(async (tx) => {
    const [link] = await tx.query<{
      id: number;
      state: string;
      passage_id: number | null;
      action_id: number | null;
      objective: number;
    }>(`SELECT id, state, passage_id, action_id, objective FROM objective_link WHERE id = $1 FOR UPDATE`, [
      linkId,
    ]);
    if (!link) throw new AppError('not_found', `link ${linkId} does not exist`);
    if (link.state !== 'suggested')
      throw new AppError('conflict', `link ${linkId} was already ${link.state}`);
    const state = d.decision === 'confirm' ? 'confirmed' : 'rejected';
    await tx.query(
      `UPDATE objective_link SET state = $2, decided_by = $3, decided_at = now() WHERE id = $1`,
      [linkId, state, user.id],
    );
    let result = { id: linkId, state };
    if (d.decision === 'reassign') {
      const [added] = await tx.query<{ id: number }>(
        `INSERT INTO objective_link (passage_id, action_id, framework_id, objective, framework_action, score, method, evidence, state, decided_by, decided_at)
         VALUES ($1, $2, 'gcm', $3, $4, 1, 'manual', $5, 'confirmed', $6, now()) RETURNING id`,
        [
          link.passage_id,
          link.action_id,
          d.objective,
          d.frameworkAction ?? null,
          JSON.stringify({ reassignedFrom: link.objective }),
          user.id,
        ],
      );
      if (!added) throw new Error('reassign insert failed');
      result = { id: added.id, state: 'confirmed' };
    }
    await audit(tx, auditActor(user), {
      action: `link.${d.decision}`,
      entity: 'objective_link',
      entityId: linkId,
      before: { state: link.state, objective: link.objective },
      after: d,
    });
    return result;
  });
}

/** Confirms every waiting suggestion at or above a score (optionally of one document). */
export async function confirmAbove(
  db: Database,
  minScore: number,
  documentId: number | undefined,
  user: User,
): Promise<number> {
  if (minScore < 0.5) throw new AppError('bad_request', 'bulk confirmation needs a score of at least 0.5');
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>(
      `UPDATE objective_link l SET state = 'confirmed', decided_by = $3, decided_at = now()
       WHERE l.state = 'suggested' AND l.score >= $1
         AND ($2::int IS NULL OR EXISTS (
           SELECT 1 FROM passage p WHERE p.id = l.passage_id AND p.document_id = $2
           UNION ALL SELECT 1 FROM action a WHERE a.id = l.action_id AND a.document_id = $2))
       RETURNING l.id`,
      [minScore, documentId ?? null, user.id],
    );
    await audit(tx, auditActor(user), {
      action: 'link.bulk_confirm',
      entity: 'objective_link',
      entityId: null,
      after: { minScore, documentId: documentId ?? null, ids: rows.map((r) => r.id) },
    });
    return rows.length;
  });
}
