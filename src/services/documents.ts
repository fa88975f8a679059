import type { Database, Queryable } from '../db/connection.ts';
import { audit, auditActor } from '../db/repositories/audit.ts';
import type { DocumentRow } from '../db/repositories/documents.ts';
import { AppError } from '../errors.ts';
import { decodeCursor, type Page, type PageQuery, pageLimit, toPage } from './pagination.ts';
import type { User } from './users.ts';

export interface DocumentFilter extends PageQuery {
  type?: string | undefined;
  country?: string | undefined;
  language?: string | undefined;
}

export async function listDocuments(
  db: Queryable,
  f: DocumentFilter,
): Promise<Page<DocumentRow & { passages: number; actions: number }>> {
  const limit = pageLimit(f.limit);
  const rows = await db.query<DocumentRow & { passages: number; actions: number }>(
    `SELECT d.id, d.title, d.type, d.country, d.language, d.filename, d.media_type, d.size_bytes, d.created_at,
            (SELECT count(*)::int FROM passage p WHERE p.document_id = d.id) AS passages,
            (SELECT count(*)::int FROM action a WHERE a.document_id = d.id) AS actions
     FROM document d
     WHERE d.id > $1 AND ($2::text IS NULL OR d.type = $2) AND ($3::text IS NULL OR d.country = $3)
       AND ($4::text IS NULL OR d.language = $4)
     ORDER BY d.id LIMIT $5`,
    [decodeCursor(f.cursor), f.type ?? null, f.country ?? null, f.language ?? null, limit + 1],
  );
  return toPage(rows, limit);
}

export interface PassageView {
  id: number;
  ordinal: number;
  kind: string;
  text: string;
  language: string;
  section_path: string[];
  location: Record<string, unknown>;
  links: {
    id: number;
    objective: number;
    framework_action: string | null;
    score: number;
    state: string;
    evidence: unknown;
  }[];
  action_ids: number[];
}

/** A document with its passages, their objective links and the actions extracted from them. */
export async function getDocument(db: Queryable, id: number) {
  const [doc] = await db.query<DocumentRow>(`SELECT * FROM document WHERE id = $1`, [id]);
  if (!doc) throw new AppError('not_found', `document ${id} does not exist`);
  const passages = await db.query<PassageView>(
    `SELECT p.id, p.ordinal, p.kind, p.text, p.language, p.section_path, p.location,
            COALESCE((SELECT json_agg(json_build_object('id', l.id, 'objective', l.objective, 'framework_action', l.framework_action,
                       'score', l.score, 'state', l.state, 'evidence', l.evidence) ORDER BY l.score DESC)
                      FROM objective_link l WHERE l.passage_id = p.id AND l.state <> 'rejected'), '[]') AS links,
            COALESCE((SELECT array_agg(a.id ORDER BY a.id) FROM action a WHERE a.source_passage_id = p.id), '{}') AS action_ids
     FROM passage p WHERE p.document_id = $1 ORDER BY p.ordinal`,
    [id],
  );
  const actions = await db.query<{
    id: number;
    title: string;
    status: string;
    start_year: number | null;
    end_year: number | null;
  }>(`SELECT id, title, status, start_year, end_year FROM action WHERE document_id = $1 ORDER BY id`, [id]);
  return { ...doc, passages, actions };
}

/** Deletes a document with everything derived from it (passages, actions, links). Audited. */
export async function deleteDocument(db: Database, id: number, user: User): Promise<void> {
  await db.transaction(async (tx) => {
    const [doc] = await tx.query<{ id: number; title: string; source_hash: string }>(
      `DELETE FROM document WHERE id = $1 RETURNING id, title, source_hash`,
      [id],
    );
    if (!doc) throw new AppError('not_found', `document ${id} does not exist`);
    await audit(tx, auditActor(user), {
      action: 'document.delete',
      entity: 'document',
      entityId: id,
      before: doc,
    });
  });
}
