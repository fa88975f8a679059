import type { Database, Queryable } from '../db/connection.ts';
import { audit, auditActor } from '../db/repositories/audit.ts';
import { AppError } from '../errors.ts';
import { loadFramework, localize } from '../framework/load.ts';
import type { Language } from '../framework/schema.ts';
import { COUNTED } from './coverage.ts';
import type { User } from './users.ts';

/** One objective's chapter of a draft voluntary national review. */
export interface ReviewSection {
  objective: number;
  title: string;
  commitment: string;
  actions: {
    id: number;
    title: string;
    status: string;
    start: number | null;
    end: number | null;
    responsible: string[];
    overdue: boolean;
  }[];
  progress: { action: string; date: string; status: string; note: string }[];
  passages: { document: string; text: string; score: number; state: string }[];
  contributions: { author: string | null; text: string }[];
  gap: boolean;
  changedSince: { newActions: number; updates: number } | null;
  narrative: string;
}

export interface Review {
  country: string;
  title: string;
  generatedAt: string;
  since: string | null;
  sections: ReviewSection[];
}

/**
 * Draft voluntary national review, one section per objective: commitment, actions by status with
 * their responsible bodies, progress highlights, linked passages, approved contributions, gaps,
 * and what changed since a chosen date. Narratives saved by coordinators are merged in.
 */
export async function buildReview(
  db: Queryable,
  opts: {
    country: string;
    since?: string | undefined;
    lang?: Language;
    narratives?: Record<string, string>;
    year?: number;
  },
): Promise<Review> {
  const lang = opts.lang ?? 'en';
  const year = opts.year ?? new Date().getFullYear();
  const framework = loadFramework('gcm');
  const actions = await db.query<{
    objective: number;
    id: number;
    title: string;
    status: string;
    start_year: number | null;
    end_year: number | null;
    responsible: string[];
    created_at: Date;
  }>(
    `SELECT DISTINCT ON (l.objective, a.id) l.objective, a.id, a.title, a.status, a.start_year, a.end_year, a.created_at,
            COALESCE((SELECT array_agg(ac.name ORDER BY aa.role DESC, ac.name) FROM action_actor aa JOIN actor ac ON ac.id = aa.actor_id
                      WHERE aa.action_id = a.id), '{}') AS responsible
     FROM objective_link l JOIN action a ON a.id = l.action_id LEFT JOIN document d ON d.id = a.document_id
     WHERE ${COUNTED} AND (d.country = $1 OR d.id IS NULL)
     ORDER BY l.objective, a.id`,
    [opts.country],
  );
  const progress = await db.query<{
    objective: number;
    action: string;
    date: string;
    status: string;
    note: string;
    created_at: Date;
  }>(
    `SELECT DISTINCT ON (l.objective, pu.id) l.objective, a.title AS action, to_char(pu.date, 'YYYY-MM-DD') AS date, pu.status, pu.note, pu.created_at
     FROM progress_update pu JOIN action a ON a.id = pu.action_id JOIN objective_link l ON l.action_id = a.id
     LEFT JOIN document d ON d.id = a.document_id
     WHERE ${COUNTED} AND (d.country = $1 OR d.id IS NULL) ORDER BY l.objective, pu.id DESC`,
    [opts.country],
  );
  const passages = await db.query<{
    objective: number;
    document: string;
    text: string;
    score: number;
    state: string;
  }>(
    `SELECT * FROM (
       SELECT l.objective, d.title AS document, p.text, l.score, l.state,
              row_number() OVER (PARTITION BY l.objective ORDER BY (l.state = 'confirmed') DESC, l.score DESC) AS rn
       FROM objective_link l JOIN passage p ON p.id = l.passage_id JOIN document d ON d.id = p.document_id
       WHERE ${COUNTED} AND d.country = $1) x WHERE rn <= 5`,
    [opts.country],
  );
  const contributions = await db.query<{ objectives: number[]; author: string | null; text: string }>(
    `SELECT c.objectives, u.display_name AS author, c.text FROM contribution c LEFT JOIN app_user u ON u.id = c.author_id
     WHERE c.state = 'approved' AND (c.country IS NULL OR c.country = $1) ORDER BY c.id`,
    [opts.country],
  );
  const since = opts.since ? new Date(opts.since) : null;
  const narratives = opts.narratives ?? (await getNarratives(db, opts.country)).narratives;
  const sections = framework.objectives.map((o): ReviewSection => {
    const acts = actions.filter((a) => a.objective === o.number);
    const prog = progress.filter((p) => p.objective === o.number);
    return {
      objective: o.number,
      title: localize(o.title, lang),
      commitment: localize(o.commitment, lang),
      actions: acts.map((a) => ({
        id: a.id,
        title: a.title,
        status: a.status,
        start: a.start_year,
        end: a.end_year,
        responsible: a.responsible,
        overdue: a.end_year !== null && a.end_year < year && !['completed', 'cancelled'].includes(a.status),
      })),
      progress: prog.slice(0, 5).map(({ action, date, status, note }) => ({ action, date, status, note })),
      passages: passages
        .filter((p) => p.objective === o.number)
        .map(({ document, text, score, state }) => ({ document, text, score, state })),
      contributions: contributions
        .filter((c) => c.objectives.includes(o.number))
        .map(({ author, text }) => ({ author, text })),
      gap: acts.length === 0,
      changedSince: since
        ? {
            newActions: acts.filter((a) => new Date(a.created_at) >= since).length,
            updates: prog.filter((p) => new Date(p.created_at) >= since).length,
          }
        : null,
      narrative: narratives[String(o.number)] ?? '',
    };
  });
  return {
    country: opts.country,
    title: `Draft voluntary national review of the Global Compact for Migration — ${opts.country}`,
    generatedAt: new Date().toISOString(),
    since: opts.since ?? null,
    sections,
  };
}

/** Regional synthesis: per objective and country, counted actions and passages. */
export async function buildSynthesis(db: Queryable, countries: string[]) {
  const rows = await db.query<{ objective: number; country: string; actions: number; passages: number }>(
    `SELECT l.objective, d.country,
            count(DISTINCT l.action_id)::int AS actions, count(DISTINCT l.passage_id)::int AS passages
     FROM objective_link l
     LEFT JOIN passage p ON p.id = l.passage_id LEFT JOIN action a ON a.id = l.action_id
     JOIN document d ON d.id = COALESCE(p.document_id, a.document_id)
     WHERE ${COUNTED} AND d.country = ANY($1::text[])
     GROUP BY l.objective, d.country ORDER BY l.objective, d.country`,
    [countries],
  );
  return loadFramework('gcm').objectives.map((o) => ({
    objective: o.number,
    title: o.title.en,
    countries: Object.fromEntries(
      countries.map((c) => {
        const r = rows.find((x) => x.objective === o.number && x.country === c);
        return [c, { actions: r?.actions ?? 0, passages: r?.passages ?? 0 }];
      }),
    ),
  }));
}

export interface StoredReview {
  id: number | null;
  version: number;
  narratives: Record<string, string>;
}

/** The coordinators' narrative per objective for a country's current review cycle. */
export async function getNarratives(
  db: Queryable,
  country: string,
  cycle = 'current',
): Promise<StoredReview> {
  const [row] = await db.query<{ id: number; version: number; sections: Record<string, string> }>(
    `SELECT id, version, sections FROM review WHERE country = $1 AND cycle = $2`,
    [country, cycle],
  );
  return row
    ? { id: row.id, version: row.version, narratives: row.sections }
    : { id: null, version: 0, narratives: {} };
}

/** Saves narratives if nobody saved since `expectedVersion` was read (else 409). Audited. */
export async function saveNarratives(
  db: Database,
  country: string,
  narratives: Record<string, string>,
  expectedVersion: number,
  user: User,
  cycle = 'current',
): Promise<StoredReview> {
  return db.transaction(async (tx) => {
    const [current] = await tx.query<{ id: number; version: number; sections: Record<string, string> }>(
      `SELECT id, version, sections FROM review WHERE country = $1 AND cycle = $2 FOR UPDATE`,
      [country, cycle],
    );
    if ((current?.version ?? 0) !== expectedVersion) {
      throw new AppError('conflict', 'someone else saved this review first', {
        hint: 'reload and apply your change again',
      });
    }
    const [row] = current
      ? await tx.query<{ id: number; version: number }>(
          `UPDATE review SET sections = $2, version = version + 1, updated_at = now() WHERE id = $1 RETURNING id, version`,
          [current.id, JSON.stringify(narratives)],
        )
      : await tx.query<{ id: number; version: number }>(
          `INSERT INTO review (country, cycle, title, sections, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id, version`,
          [country, cycle, `Voluntary national review ${country}`, JSON.stringify(narratives), user.id],
        );
    if (!row) throw new Error('review save returned no row');
    await audit(tx, auditActor(user), {
      action: 'review.save',
      entity: 'review',
      entityId: row.id,
      before: current?.sections ?? null,
      after: narratives,
    });
    return { id: row.id, version: row.version, narratives };
  });
}
