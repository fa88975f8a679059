import type { Framework } from '../../framework/schema.ts';
import type { Database } from '../connection.ts';

/**
 * Writes the framework data files into the database so links and reports can reference objectives
 * with foreign keys. Idempotent: safe on every start.
 */
export async function syncFramework(db: Database, fw: Framework): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO framework (id, title, version) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, version = EXCLUDED.version, synced_at = now()`,
      [fw.id, fw.title, fw.version],
    );
    for (const o of fw.objectives) {
      await tx.query(
        `INSERT INTO objective (framework_id, number, title, commitment) VALUES ($1, $2, $3, $4)
         ON CONFLICT (framework_id, number) DO UPDATE SET title = EXCLUDED.title, commitment = EXCLUDED.commitment`,
        [fw.id, o.number, JSON.stringify(o.title), JSON.stringify(o.commitment)],
      );
      for (const a of o.actions) {
        await tx.query(
          `INSERT INTO framework_action (framework_id, objective, letter, text) VALUES ($1, $2, $3, $4)
           ON CONFLICT (framework_id, objective, letter) DO UPDATE SET text = EXCLUDED.text`,
          [fw.id, o.number, a.letter, JSON.stringify(a.text)],
        );
      }
    }
    for (const p of fw.principles) {
      await tx.query(
        `INSERT INTO guiding_principle (framework_id, key, title, summary) VALUES ($1, $2, $3, $4)
         ON CONFLICT (framework_id, key) DO UPDATE SET title = EXCLUDED.title, summary = EXCLUDED.summary`,
        [fw.id, p.key, JSON.stringify(p.title), p.summary],
      );
    }
  });
}

export interface ObjectiveCount {
  objectives: number;
  actions: number;
}

/** How many objectives and lettered actions of a framework the database holds. */
export async function countFramework(db: Database, frameworkId: string): Promise<ObjectiveCount> {
  const [row] = await db.query<ObjectiveCount>(
    `SELECT (SELECT count(*)::int FROM objective WHERE framework_id = $1) AS objectives,
            (SELECT count(*)::int FROM framework_action WHERE framework_id = $1) AS actions`,
    [frameworkId],
  );
  return row ?? { objectives: 0, actions: 0 };
}
