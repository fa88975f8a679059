import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testEngine } from '../../test/helpers/db.ts';
import { backup, restore } from './backup.ts';
import type { Database } from './connection.ts';
import { currentVersion, latestVersion, migrate } from './migrate.ts';
import { countFramework } from './repositories/framework.ts';

let db: Database;
beforeEach(async () => {
  db = await createTestDb();
});
afterEach(async () => {
  await db.close();
});

async function insertDocument(title: string, hash: string): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO document (title, type, source_hash) VALUES ($1, 'action_plan', $2) RETURNING id`,
    [title, hash],
  );
  if (!row) throw new Error('no id');
  return row.id;
}

describe(`database on ${testEngine}`, () => {
  it('is migrated to the latest version and migrating again applies nothing', async () => {
    expect(await currentVersion(db)).toBe(latestVersion());
    expect(await migrate(db)).toEqual([]);
  });

  it('holds the 23 GCM objectives and 187 lettered actions, in Dutch too', async () => {
    expect(await countFramework(db, 'gcm')).toEqual({ objectives: 23, actions: 187 });
    const [row] = await db.query<{ title: { nl: string } }>(
      `SELECT title FROM objective WHERE framework_id = 'gcm' AND number = 10`,
    );
    expect(row?.title.nl).toMatch(/mensenhandel/);
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO document (title, type, source_hash) VALUES ('a', 'study', 'h1')`);
        await tx.query(`INSERT INTO document (title, type, source_hash) VALUES ('b', 'not-a-type', 'h2')`);
      }),
    ).rejects.toThrow();
    expect(await db.query(`SELECT id FROM document`)).toEqual([]);
  });

  it('searches passages with the text-search configuration of their language', async () => {
    const doc = await insertDocument('Plan', 'h-search');
    const passages: [string, string][] = [
      ['en', 'Victims of trafficking are identified by the inspection services.'],
      ['nl', 'Slachtoffers van mensenhandel worden geïdentificeerd door de inspectiediensten.'],
      ['fr', 'Les victimes de la traite des êtres humains sont identifiées.'],
      ['de', 'Die Opfer des Menschenhandels werden identifiziert.'],
    ];
    for (const [i, [lang, text]] of passages.entries()) {
      await db.query(
        `INSERT INTO passage (document_id, ordinal, kind, text, language) VALUES ($1, $2, 'paragraph', $3, $4)`,
        [doc, i, text, lang],
      );
    }
    const find = async (config: string, q: string) =>
      (
        await db.query<{ language: string }>(
          `SELECT language FROM passage WHERE search @@ plainto_tsquery($1::regconfig, $2) ORDER BY ordinal`,
          [config, q],
        )
      ).map((r) => r.language);
    // Stemming: "inspecting" and "victim" reach "inspection"/"victims".
    expect(await find('english', 'victim inspecting')).toEqual(['en']);
    expect(await find('dutch', 'slachtoffer mensenhandel')).toEqual(['nl']);
    expect(await find('french', 'victime traite')).toEqual(['fr']);
    expect(await find('german', 'Menschenhandel Opfer')).toEqual(['de']);
  });

  it('keeps progress updates append-only', async () => {
    const [action] = await db.query<{ id: number }>(
      `INSERT INTO action (title, text) VALUES ('a', 'b') RETURNING id`,
    );
    await db.query(
      `INSERT INTO progress_update (action_id, date, status) VALUES ($1, '2024-01-01', 'planned')`,
      [action?.id],
    );
    await expect(db.query(`UPDATE progress_update SET note = 'changed'`)).rejects.toThrow(/append-only/);
  });

  it('round-trips a backup through restore into an emptied database', async () => {
    const docId = await insertDocument('Plan <b>2022</b> “quotes”', 'h-backup');
    await db.query(
      `INSERT INTO passage (document_id, ordinal, section_path, kind, text, language, location)
       VALUES ($1, 0, '{"2","2.1"}', 'table_row', 'Adapt the sheet for duty magistrates', 'en', '{"line": 224}')`,
      [docId],
    );
    const snapshot = async () => ({
      docs: await db.query(
        `SELECT id, title, type, source_hash, provenance, created_at FROM document ORDER BY id`,
      ),
      passages: await db.query(
        `SELECT id, section_path, text, location, search::text AS s FROM passage ORDER BY id`,
      ),
      objectives: await db.query(`SELECT framework_id, number, title FROM objective ORDER BY number`),
    });
    const before = await snapshot();
    const dir = mkdtempSync(join(tmpdir(), 'gcmt-backup-'));
    const file = join(dir, 'db.gcmt.gz');
    const counts = await backup(db, file);
    expect(counts.document).toBe(1);
    expect(counts.framework_action).toBe(187);

    await db.query(`DELETE FROM document`);
    await insertDocument('written after the backup', 'h-other');
    await restore(db, file);
    expect(await snapshot()).toEqual(before);
    // Identity continues after the restored ids instead of colliding with them.
    const next = await insertDocument('new', 'h-new');
    expect(next).toBeGreaterThan(docId);
  });

  it('refuses a corrupt backup and leaves the database as it was', async () => {
    await insertDocument('keep me', 'h-keep');
    const dir = mkdtempSync(join(tmpdir(), 'gcmt-backup-'));
    const bad = join(dir, 'bad.gz');
    writeFileSync(
      bad,
      gzipSync(
        '{"format":"gcmt-backup","formatVersion":1,"schemaVersion":1}\n{"table": "document", "rows": [{"id": "x"',
      ),
    );
    await expect(restore(db, bad)).rejects.toThrow();
    const notBackup = join(dir, 'plain.txt');
    writeFileSync(notBackup, gzipSync('hello\n'));
    await expect(restore(db, notBackup)).rejects.toThrow(/not a GCM Tracker backup|unreadable/);
    expect(await db.query(`SELECT title FROM document`)).toEqual([{ title: 'keep me' }]);
  });
});
