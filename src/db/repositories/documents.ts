import type { ExtractedAction } from '../../extract/types.ts';
import type { Passage } from '../../ingest/types.ts';
import { type Queryable, queryOne } from '../connection.ts';

export const DOCUMENT_TYPES = [
  'framework',
  'action_plan',
  'review',
  'study',
  'voluntary_report',
  'contribution',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export interface DocumentRow {
  id: number;
  title: string;
  type: DocumentType;
  country: string | null;
  language: string;
  source_hash: string;
  filename: string | null;
  media_type: string | null;
  size_bytes: number;
  created_at: Date;
}

export async function findDocumentByHash(db: Queryable, hash: string): Promise<DocumentRow | undefined> {
  const [row] = await db.query<DocumentRow>(`SELECT * FROM document WHERE source_hash = $1`, [hash]);
  return row;
}

export async function insertDocument(
  db: Queryable,
  doc: Omit<DocumentRow, 'id' | 'created_at'> & { provenance: unknown; created_by: number | null },
): Promise<number> {
  const row = await queryOne<{ id: number }>(
    db,
    `INSERT INTO document (title, type, country, language, source_hash, filename, media_type, size_bytes, provenance, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      doc.title,
      doc.type,
      doc.country,
      doc.language,
      doc.source_hash,
      doc.filename,
      doc.media_type,
      doc.size_bytes,
      JSON.stringify(doc.provenance),
      doc.created_by,
    ],
    'document insert',
  );
  return row.id;
}

/** Inserts all passages in one statement; returns their ids by ordinal. */
export async function insertPassages(
  db: Queryable,
  documentId: number,
  passages: Passage[],
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  const CHUNK = 2000;
  for (let i = 0; i < passages.length; i += CHUNK) {
    const rows = passages.slice(i, i + CHUNK).map((p) => ({
      ordinal: p.ordinal,
      section_path: p.sectionPath,
      kind: p.kind,
      text: p.text,
      language: p.language,
      location: { line: p.line, endLine: p.endLine, ...(p.page !== undefined ? { page: p.page } : {}) },
    }));
    const inserted = await db.query<{ id: number; ordinal: number }>(
      `INSERT INTO passage (document_id, ordinal, section_path, kind, text, language, location)
       SELECT $1, x.ordinal, x.section_path, x.kind, x.text, x.language, x.location
       FROM json_to_recordset($2::json) AS x(ordinal int, section_path text[], kind text, text text, language text, location jsonb)
       RETURNING id, ordinal`,
      [documentId, JSON.stringify(rows)],
    );
    for (const r of inserted) ids.set(r.ordinal, r.id);
  }
  return ids;
}

export async function insertPlan(
  db: Queryable,
  plan: {
    title: string;
    country: string | null;
    documentId: number;
    start: number | null;
    end: number | null;
  },
): Promise<number> {
  const row = await queryOne<{ id: number }>(
    db,
    `INSERT INTO plan (title, country, document_id, period_start, period_end) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [plan.title, plan.country, plan.documentId, plan.start, plan.end],
    'plan insert',
  );
  return row.id;
}

export async function insertAction(
  db: Queryable,
  a: ExtractedAction,
  refs: { planId: number | null; documentId: number; passageId: number | null },
): Promise<number> {
  const row = await queryOne<{ id: number }>(
    db,
    `INSERT INTO action (plan_id, document_id, title, text, language, responsible_raw, timing_raw, start_year, end_year,
       recurring, status, source_passage_id, source, confidence)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'planned', $11, $12, $13) RETURNING id`,
    [
      refs.planId,
      refs.documentId,
      a.title,
      a.text,
      a.language,
      a.responsible,
      a.timing,
      a.start,
      a.end,
      a.recurring,
      refs.passageId,
      JSON.stringify({
        kind: a.source,
        line: a.line,
        section: a.section,
        cells: a.cells ?? null,
        notes: a.notes,
      }),
      a.confidence,
    ],
    'action insert',
  );
  return row.id;
}

/** Finds or creates an actor; names not in the registry are created flagged for review. */
export async function upsertActor(
  db: Queryable,
  actor: { name: string; level: string; country: string; known: boolean },
): Promise<number> {
  const row = await queryOne<{ id: number }>(
    db,
    `INSERT INTO actor (name, level, country, needs_review) VALUES ($1, $2, $3, $4)
     ON CONFLICT (country, name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [actor.name, actor.level, actor.country, !actor.known],
    'actor upsert',
  );
  return row.id;
}

export async function linkActionActor(
  db: Queryable,
  link: { actionId: number; actorId: number; role: 'lead' | 'contributor'; raw: string },
): Promise<void> {
  await db.query(
    `INSERT INTO action_actor (action_id, actor_id, role, raw) VALUES ($1, $2, $3, $4)
     ON CONFLICT (action_id, actor_id) DO NOTHING`,
    [link.actionId, link.actorId, link.role, link.raw],
  );
}

export interface SuggestedLink {
  passageId?: number;
  actionId?: number;
  objective: number;
  letter: string | null;
  score: number;
  modelVersion: string;
  evidence: unknown;
}

/** Inserts suggested objective links in one statement. */
export async function insertSuggestions(db: Queryable, links: SuggestedLink[]): Promise<void> {
  if (links.length === 0) return;
  await db.query(
    `INSERT INTO objective_link (passage_id, action_id, framework_id, objective, framework_action, score, method, model_version, evidence)
     SELECT x.passage_id, x.action_id, 'gcm', x.objective, x.letter, x.score, 'model', x.model_version, x.evidence
     FROM json_to_recordset($1::json) AS x(passage_id int, action_id int, objective int, letter text, score real, model_version text, evidence jsonb)`,
    [
      JSON.stringify(
        links.map((l) => ({
          passage_id: l.passageId ?? null,
          action_id: l.actionId ?? null,
          objective: l.objective,
          letter: l.letter,
          score: l.score,
          model_version: l.modelVersion,
          evidence: l.evidence,
        })),
      ),
    ],
  );
}
