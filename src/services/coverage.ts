import type { Queryable } from '../db/connection.ts';

/** Links that count as coverage: confirmed, or suggested with a calibrated score of at least 0.5. */
export const COUNTED = `(l.state = 'confirmed' OR (l.state = 'suggested' AND l.score >= 0.5))`;

export interface ObjectiveCoverage {
  objective: number;
  actions: number;
  passages: number;
  byStatus: Record<string, number>;
  byLevel: Record<string, number>;
  overdue: number;
  /** No counted action and no counted passage; or only suggestions below 0.5. */
  gap: 'none' | 'weak' | 'covered';
}

/** Objective × status, × level of government, plus passages; gaps are objectives nobody acts on. */
export async function coverage(
  db: Queryable,
  opts: { country?: string | undefined; year?: number } = {},
): Promise<ObjectiveCoverage[]> {
  const year = opts.year ?? new Date().getFullYear();
  const country = opts.country ?? null;
  const actionRows = await db.query<{
    objective: number;
    status: string;
    level: string | null;
    n: number;
    overdue: number;
  }>(
    `SELECT l.objective, a.status, ac.level, count(DISTINCT a.id)::int AS n,
            count(DISTINCT a.id) FILTER (WHERE a.end_year < $2 AND a.status NOT IN ('completed', 'cancelled'))::int AS overdue
     FROM objective_link l JOIN action a ON a.id = l.action_id
     LEFT JOIN document d ON d.id = a.document_id
     LEFT JOIN action_actor aa ON aa.action_id = a.id AND aa.role = 'lead'
     LEFT JOIN actor ac ON ac.id = aa.actor_id
     WHERE ${COUNTED} AND ($1::text IS NULL OR d.country = $1)
     GROUP BY l.objective, a.status, ac.level`,
    [country, year],
  );
  const passageRows = await db.query<{ objective: number; n: number; weak: number }>(
    `SELECT l.objective, count(*) FILTER (WHERE ${COUNTED})::int AS n, count(*)::int AS weak
     FROM objective_link l JOIN passage p ON p.id = l.passage_id JOIN document d ON d.id = p.document_id
     WHERE l.state <> 'rejected' AND ($1::text IS NULL OR d.country = $1)
     GROUP BY l.objective`,
    [country],
  );
  const objectives = await db.query<{ number: number }>(
    `SELECT number FROM objective WHERE framework_id = 'gcm' ORDER BY number`,
  );
  return objectives.map(({ number }) => {
    const rows = actionRows.filter((r) => r.objective === number);
    const byStatus: Record<string, number> = {};
    const byLevel: Record<string, number> = {};
    let overdue = 0;
    for (const r of rows) {
      byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
      byLevel[r.level ?? 'unknown'] = (byLevel[r.level ?? 'unknown'] ?? 0) + r.n;
      overdue += r.overdue;
    }
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
    const p = passageRows.find((r) => r.objective === number);
    const gap = total > 0 || (p?.n ?? 0) > 0 ? 'covered' : (p?.weak ?? 0) > 0 ? 'weak' : 'none';
    return { objective: number, actions: total, passages: p?.n ?? 0, byStatus, byLevel, overdue, gap };
  });
}

/** Accountability: actions per responsible body with their statuses and how many are overdue. */
export async function accountability(
  db: Queryable,
  opts: { country?: string | undefined; year?: number } = {},
) {
  const year = opts.year ?? new Date().getFullYear();
  return db.query<{
    actor_id: number;
    name: string;
    level: string;
    lead: number;
    contributor: number;
    completed: number;
    overdue: number;
  }>(
    `SELECT ac.id AS actor_id, ac.name, ac.level,
            count(*) FILTER (WHERE aa.role = 'lead')::int AS lead,
            count(*) FILTER (WHERE aa.role = 'contributor')::int AS contributor,
            count(*) FILTER (WHERE a.status = 'completed')::int AS completed,
            count(*) FILTER (WHERE a.end_year < $2 AND a.status NOT IN ('completed', 'cancelled'))::int AS overdue
     FROM action_actor aa JOIN actor ac ON ac.id = aa.actor_id JOIN action a ON a.id = aa.action_id
     LEFT JOIN document d ON d.id = a.document_id
     WHERE ($1::text IS NULL OR d.country = $1)
     GROUP BY ac.id ORDER BY lead DESC, ac.name`,
    [opts.country ?? null, year],
  );
}

/** The passages that best evidence an objective: confirmed links first, then by score. */
export async function passagesFor(db: Queryable, objective: number, limit = 10) {
  return db.query<{ id: number; document_id: number; document: string; text: string; score: number }>(
    `SELECT p.id, p.document_id, d.title AS document, p.text, l.score FROM objective_link l
     JOIN passage p ON p.id = l.passage_id JOIN document d ON d.id = p.document_id
     WHERE l.objective = $1 AND ${COUNTED}
     ORDER BY (l.state = 'confirmed') DESC, l.score DESC LIMIT $2`,
    [objective, limit],
  );
}
