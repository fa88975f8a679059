import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../src/db/connection.ts';
import { ingestDocument } from '../../src/services/ingest.ts';
import { createTestDb, testEngine } from '../helpers/db.ts';
import { randomBytes } from '../helpers/files.ts';

const thb = readFileSync(join(import.meta.dirname, '../fixtures/corpus/be-thb-action-plan.excerpt.txt'));
const by = { userId: null, label: 'test' };

let db: Database;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await db.close();
});

const count = async (table: string) =>
  (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n ?? -1;

describe(`ingest on ${testEngine}`, () => {
  it('stores the document, passages, plan, actions with actors, suggestions and an audit event', async () => {
    const r = await ingestDocument(db, {
      bytes: thb,
      filename: 'thb.txt',
      type: 'action_plan',
      country: 'BE',
      by,
    });
    expect(r).toMatchObject({ created: true, language: 'en' });
    expect(await count('passage')).toBe(r.passages);
    expect(await count('action')).toBe(r.actions);
    expect(await count('plan')).toBe(1);
    const rows = await db.query<{ title: string; start_year: number; end_year: number; actors: string[] }>(
      `SELECT a.title, a.start_year, a.end_year,
              array_agg(ac.name ORDER BY ac.name) FILTER (WHERE ac.name IS NOT NULL) AS actors
       FROM action a LEFT JOIN action_actor aa ON aa.action_id = a.id LEFT JOIN actor ac ON ac.id = aa.actor_id
       WHERE a.source->>'kind' = 'table' GROUP BY a.id ORDER BY a.id`,
    );
    expect(rows).toHaveLength(10);
    expect(rows[2]).toEqual({
      title: 'Adapt the sheet for duty magistrates',
      start_year: 2021,
      end_year: 2022,
      actors: ['College of Public Prosecutors'],
    });
    const unknown = await db.query(`SELECT name FROM actor WHERE needs_review`);
    expect(unknown).toContainEqual({ name: 'ad-hoc working group' });
    expect(await count('objective_link')).toBe(r.suggestions);
    const [event] = await db.query<{ action: string; actor_label: string }>(
      `SELECT action, actor_label FROM audit_event`,
    );
    expect(event).toEqual({ action: 'document.import', actor_label: 'test' });
    // Passages are searchable in their own language right away.
    const hits = await db.query(
      `SELECT id FROM passage WHERE search @@ plainto_tsquery('english', 'magistrate')`,
    );
    expect(hits.length).toBeGreaterThan(0);
  });

  it('is idempotent by content hash', async () => {
    const first = await ingestDocument(db, { bytes: thb, filename: 'a.txt', by });
    const second = await ingestDocument(db, { bytes: thb, filename: 'copy.txt', by });
    expect(second).toMatchObject({ created: false, documentId: first.documentId });
    expect(await count('document')).toBe(1);
    expect(await count('passage')).toBe(first.passages);
  });

  it('writes nothing when a corrupt file is refused', async () => {
    await expect(ingestDocument(db, { bytes: randomBytes(2048), filename: 'x.pdf', by })).rejects.toThrow(
      /binary/,
    );
    for (const t of ['document', 'passage', 'action', 'objective_link', 'audit_event'])
      expect(await count(t)).toBe(0);
  });

  it('leaves no half-written rows when the database fails mid-import', async () => {
    // A database whose transactions fail on the first objective-link insert, after the document,
    // passages and actions were written inside the same transaction.
    const failing: Database = Object.assign(Object.create(Object.getPrototypeOf(db)), db, {
      transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
        db.transaction((tx) =>
          fn({
            exec: (sql: string) => tx.exec(sql),
            query: <R>(sql: string, params?: unknown[]) =>
              sql.includes('INSERT INTO objective_link')
                ? Promise.reject(new Error('disk full'))
                : tx.query<R>(sql, params),
          }),
        ),
    });
    await expect(
      ingestDocument(failing, { bytes: thb, filename: 'thb.txt', type: 'action_plan', by }),
    ).rejects.toThrow('disk full');
    for (const t of [
      'document',
      'passage',
      'plan',
      'action',
      'action_actor',
      'objective_link',
      'audit_event',
    ]) {
      expect(await count(t)).toBe(0);
    }
  });
});
