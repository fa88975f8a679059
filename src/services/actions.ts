import { type Database, type Queryable, queryOne } from '../db/connection.ts';
import { audit, auditActor } from '../db/repositories/audit.ts';
import { AppError } from '../errors.ts';
import { assertAttachmentsExist } from './attachments.ts';
import { decodeCursor, type Page, type PageQuery, pageLimit, toPage } from './pagination.ts';
import type { User } from './users.ts';

export const STATUSES = ['planned', 'in_progress', 'completed', 'delayed', 'cancelled', 'unknown'] as const;
export type Status = (typeof STATUSES)[number];

export interface ActionRow {
  id: number;
  plan_id: number | null;
  document_id: number | null;
  title: string;
  text: string;
  language: string;
  responsible_raw: string;
  timing_raw: string;
  start_year: number | null;
  end_year: number | null;
  recurring: boolean;
  status: Status;
  confidence: number;
  version: number;
  overdue: boolean;
  created_at: Date;
  updated_at: Date;
}

/** Overdue: the end year has passed and the action is neither completed nor cancelled. */
const OVERDUE_SQL = `(a.end_year IS NOT NULL AND a.end_year < $YEAR AND a.status NOT IN ('completed', 'cancelled'))`;
const overdue = (param: string) => OVERDUE_SQL.replace('$YEAR', param);

/** Maps an imported status word ("lopend", "en cours", "done") to the canonical scale. */
export async function mapStatus(db: Queryable, raw: string): Promise<Status> {
  const word = raw.trim().toLowerCase();
  if ((STATUSES as readonly string[]).includes(word)) return word as Status;
  const [row] = await db.query<{ status: Status }>(`SELECT status FROM status_mapping WHERE raw = $1`, [
    word,
  ]);
  return row?.status ?? 'unknown';
}

export interface ActionFilter extends PageQuery {
  documentId?: number | undefined;
  status?: Status | undefined;
  actorId?: number | undefined;
  objective?: number | undefined;
  overdue?: boolean | undefined;
  year?: number;
}

export async function listActions(
  db: Queryable,
  f: ActionFilter,
): Promise<Page<ActionRow & { actors: string[] }>> {
  const limit = pageLimit(f.limit);
  const year = f.year ?? new Date().getFullYear();
  const rows = await db.query<ActionRow & { actors: string[] }>(
    `SELECT a.id, a.plan_id, a.document_id, a.title, a.status, a.start_year, a.end_year, a.recurring, a.version,
            a.confidence, ${overdue('$7')} AS overdue,
            COALESCE((SELECT array_agg(ac.name ORDER BY aa.role DESC, ac.name) FROM action_actor aa JOIN actor ac ON ac.id = aa.actor_id
                      WHERE aa.action_id = a.id), '{}') AS actors
     FROM action a
     WHERE a.id > $1 AND ($2::int IS NULL OR a.document_id = $2) AND ($3::text IS NULL OR a.status = $3)
       AND ($4::int IS NULL OR EXISTS (SELECT 1 FROM action_actor aa WHERE aa.action_id = a.id AND aa.actor_id = $4))
       AND ($5::int IS NULL OR EXISTS (SELECT 1 FROM objective_link l WHERE l.action_id = a.id AND l.objective = $5 AND l.state <> 'rejected'))
       AND ($6::boolean IS NULL OR ${overdue('$7')} = $6)
     ORDER BY a.id LIMIT $8`,
    [
      decodeCursor(f.cursor),
      f.documentId ?? null,
      f.status ?? null,
      f.actorId ?? null,
      f.objective ?? null,
      f.overdue ?? null,
      year,
      limit + 1,
    ],
  );
  return toPage(rows, limit);
}

export async function getAction(db: Queryable, id: number, year = new Date().getFullYear()) {
  const [action] = await db.query<ActionRow & { source: unknown }>(
    `SELECT a.*, ${overdue('$2')} AS overdue FROM action a WHERE a.id = $1`,
    [id, year],
  );
  if (!action) throw new AppError('not_found', `action ${id} does not exist`);
  const { search: _search, ...rest } = action as ActionRow & { search?: unknown; source: unknown };
  const actors = await db.query(
    `SELECT ac.id, ac.name, ac.level, aa.role, aa.raw FROM action_actor aa JOIN actor ac ON ac.id = aa.actor_id
     WHERE aa.action_id = $1 ORDER BY aa.role DESC, ac.name`,
    [id],
  );
  const objectives = await db.query(
    `SELECT id, objective, framework_action, score, method, state, evidence FROM objective_link
     WHERE action_id = $1 AND state <> 'rejected' ORDER BY score DESC`,
    [id],
  );
  const history = await db.query(
    `SELECT pu.id, pu.date, pu.status, pu.note, pu.evidence, pu.created_at, u.email AS created_by
     FROM progress_update pu LEFT JOIN app_user u ON u.id = pu.created_by WHERE pu.action_id = $1 ORDER BY pu.date, pu.id`,
    [id],
  );
  return { ...rest, actors, objectives, history };
}

/** Focal points act only on actions of the bodies they represent. */
async function assertMayChange(db: Queryable, actionId: number, user: User): Promise<void> {
  if (user.role !== 'focal_point') return;
  const rows = await db.query(
    `SELECT 1 FROM action_actor WHERE action_id = $1 AND actor_id = ANY($2::int[])`,
    [actionId, user.actorIds],
  );
  if (rows.length === 0)
    throw new AppError('forbidden', 'focal points may change only actions of their own bodies');
}

export interface NewAction {
  title: string;
  text?: string;
  planId?: number;
  startYear?: number | null;
  endYear?: number | null;
  status?: Status;
  actors?: { actorId: number; role: 'lead' | 'contributor' }[];
}

export async function createAction(db: Database, input: NewAction, user: User): Promise<number> {
  return db.transaction(async (tx) => {
    const row = await queryOne<{ id: number }>(
      tx,
      `INSERT INTO action (plan_id, title, text, start_year, end_year, status, source, confidence)
       VALUES ($1, $2, $3, $4, $5, $6, '{"kind": "manual"}', 1) RETURNING id`,
      [
        input.planId ?? null,
        input.title,
        input.text ?? input.title,
        input.startYear ?? null,
        input.endYear ?? null,
        input.status ?? 'planned',
      ],
      'action insert',
    );
    for (const a of input.actors ?? []) {
      await tx.query(`INSERT INTO action_actor (action_id, actor_id, role) VALUES ($1, $2, $3)`, [
        row.id,
        a.actorId,
        a.role,
      ]);
    }
    await audit(tx, auditActor(user), {
      action: 'action.create',
      entity: 'action',
      entityId: row.id,
      after: input,
    });
    return row.id;
  });
}

export interface ActionPatch {
  title?: string | undefined;
  text?: string | undefined;
  status?: Status | undefined;
  startYear?: number | null | undefined;
  endYear?: number | null | undefined;
}

/**
 * Optimistic concurrency: the caller names the version it read. If someone changed the action in
 * between, nothing is written and a conflict (409) says so, with the current version.
 */
export async function updateAction(
  db: Database,
  id: number,
  expectedVersion: number,
  patch: ActionPatch,
  user: User,
): Promise<ActionRow> {
  return db.transaction(async (tx) => {
    const [before] = await tx.query<ActionRow>(`SELECT * FROM action WHERE id = $1 FOR UPDATE`, [id]);
    if (!before) throw new AppError('not_found', `action ${id} does not exist`);
    await assertMayChange(tx, id, user);
    if (before.version !== expectedVersion) {
      throw new AppError(
        'conflict',
        `action ${id} was changed by someone else (version ${before.version}, you had ${expectedVersion})`,
        {
          hint: 'reload the action and apply your change again',
          details: { currentVersion: before.version },
        },
      );
    }
    const [after] = await tx.query<ActionRow>(
      `UPDATE action SET title = COALESCE($2, title), text = COALESCE($3, text), status = COALESCE($4, status),
         start_year = CASE WHEN $5::boolean THEN $6 ELSE start_year END,
         end_year = CASE WHEN $7::boolean THEN $8 ELSE end_year END,
         version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $9 RETURNING *`,
      [
        id,
        patch.title ?? null,
        patch.text ?? null,
        patch.status ?? null,
        patch.startYear !== undefined,
        patch.startYear ?? null,
        patch.endYear !== undefined,
        patch.endYear ?? null,
        expectedVersion,
      ],
    );
    if (!after) throw new AppError('conflict', `action ${id} was changed by someone else`);
    const strip = ({ search: _s, ...r }: ActionRow & { search?: unknown }) => r;
    await audit(tx, auditActor(user), {
      action: 'action.update',
      entity: 'action',
      entityId: id,
      before: strip(before),
      after: strip(after),
    });
    return strip(after) as ActionRow;
  });
}

export interface ProgressInput {
  date: string;
  status: string;
  note?: string;
  evidence?: { url?: string | undefined; attachmentId?: number | undefined; title?: string | undefined }[];
}

/** Appends a dated progress update and moves the action to its status, in one transaction. */
export async function addProgress(
  db: Database,
  actionId: number,
  input: ProgressInput,
  user: User,
): Promise<{ id: number; version: number }> {
  return db.transaction(async (tx) => {
    const [action] = await tx.query<{ version: number }>(
      `SELECT version FROM action WHERE id = $1 FOR UPDATE`,
      [actionId],
    );
    if (!action) throw new AppError('not_found', `action ${actionId} does not exist`);
    await assertMayChange(tx, actionId, user);
    await assertAttachmentsExist(
      tx,
      (input.evidence ?? []).flatMap((e) => (e.attachmentId ? [e.attachmentId] : [])),
    );
    const status = await mapStatus(tx, input.status);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO progress_update (action_id, date, status, note, evidence, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [actionId, input.date, status, input.note ?? '', JSON.stringify(input.evidence ?? []), user.id],
    );
    const [updated] = await tx.query<{ version: number }>(
      `UPDATE action SET status = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING version`,
      [actionId, status],
    );
    if (!row || !updated) throw new Error('progress insert failed');
    await audit(tx, auditActor(user), {
      action: 'progress.add',
      entity: 'action',
      entityId: actionId,
      after: { ...input, status },
    });
    return { id: row.id, version: updated.version };
  });
}

/** Every action, flat, with its responsible bodies and objectives: the `gcmt export` rows. */
export async function actionsForExport(db: Queryable): Promise<Record<string, unknown>[]> {
  return db.query(
    `SELECT a.id, a.title, a.status, a.start_year, a.end_year, d.title AS document, d.country,
            (SELECT string_agg(ac.name, '; ' ORDER BY ac.name) FROM action_actor aa JOIN actor ac ON ac.id = aa.actor_id
             WHERE aa.action_id = a.id) AS responsible,
            (SELECT string_agg(l.objective::text, ' ' ORDER BY l.score DESC) FROM objective_link l
             WHERE l.action_id = a.id AND l.state <> 'rejected') AS objectives
     FROM action a LEFT JOIN document d ON d.id = a.document_id ORDER BY a.id`,
  );
}
