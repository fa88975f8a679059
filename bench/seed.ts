import type { Database } from '../src/db/connection.ts';
import { ingestDocument } from '../src/services/ingest.ts';
import { corpus } from './lib.ts';

/**
 * Fills a database for load figures: the corpus ingested once, then its passages copied until the
 * table holds `passages` rows and its actions until it holds `actions` rows. Copies keep their real
 * text (plus a copy number), so word frequencies stay those of real documents.
 */
export async function seed(
  db: Database,
  target: { passages: number; actions: number },
): Promise<{ passages: number; actions: number }> {
  for (const f of corpus()) {
    await ingestDocument(db, {
      bytes: f.bytes,
      filename: f.name,
      type: 'action_plan',
      country: 'BE',
      by: { userId: null, label: 'bench' },
    });
  }
  const [base] = await db.query<{ p: number; a: number }>(
    `SELECT (SELECT count(*)::int FROM passage) AS p, (SELECT count(*)::int FROM action) AS a`,
  );
  const p0 = base?.p ?? 1;
  const a0 = base?.a ?? 1;
  const copies = Math.ceil(target.passages / p0) - 1;
  for (let c = 1; c <= copies; c++) {
    const [doc] = await db.query<{ id: number }>(
      `INSERT INTO document (title, type, country, language, source_hash) VALUES ($1, 'study', 'BE', 'en', $2) RETURNING id`,
      [`Copy ${c}`, `bench-copy-${c}`],
    );
    await db.query(
      `INSERT INTO passage (document_id, ordinal, section_path, kind, text, language, location)
       SELECT $1, ordinal + 100000 * document_id, section_path, kind, text || ' (copy ' || $2 || ')', language, location
       FROM passage WHERE document_id IN (SELECT id FROM document WHERE source_hash NOT LIKE 'bench-copy-%')`,
      [doc?.id, c],
    );
  }
  const actionCopies = Math.ceil(target.actions / a0) - 1;
  for (let c = 1; c <= actionCopies; c++) {
    await db.query(
      `WITH src AS (SELECT * FROM action WHERE id <= $2), ins AS (
         INSERT INTO action (plan_id, document_id, title, text, language, responsible_raw, timing_raw, start_year, end_year, status, confidence)
         SELECT plan_id, document_id, title || ' #' || $1, text, language, responsible_raw, timing_raw, start_year, end_year,
                (ARRAY['planned','in_progress','completed','delayed'])[1 + (id % 4)], confidence FROM src RETURNING id)
       SELECT count(*) FROM ins`,
      [c, a0],
    );
  }
  // Spread actors and links over the copies so filters and joins have realistic work to do.
  await db.query(
    `INSERT INTO action_actor (action_id, actor_id, role)
     SELECT a.id, (SELECT id FROM actor ORDER BY id OFFSET (a.id % (SELECT count(*) FROM actor)) LIMIT 1), 'lead'
     FROM action a WHERE NOT EXISTS (SELECT 1 FROM action_actor x WHERE x.action_id = a.id)`,
  );
  await db.query(`ANALYZE`);
  const [n] = await db.query<{ p: number; a: number }>(
    `SELECT (SELECT count(*)::int FROM passage) AS p, (SELECT count(*)::int FROM action) AS a`,
  );
  return { passages: n?.p ?? 0, actions: n?.a ?? 0 };
}
