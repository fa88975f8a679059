import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { AppError } from '../errors.ts';
import type { Database, Queryable } from './connection.ts';
import { currentVersion } from './migrate.ts';

/**
 * Engine-neutral logical backup: gzip'd JSON Lines, one header line then `{table, rows}` chunks.
 * Rows go through `row_to_json` / `json_populate_recordset`, so PostgreSQL itself converts every
 * type on both engines, and a backup from PGlite restores into a server and back.
 */

const FORMAT = 'gcmt-backup';
const CHUNK = 500;

interface Header {
  format: typeof FORMAT;
  formatVersion: 1;
  schemaVersion: number;
  createdAt: string;
  tables: string[];
}

/** User tables in foreign-key order (parents first), excluding the migration ledger. */
async function tablesInDependencyOrder(db: Queryable): Promise<string[]> {
  const tables = (
    await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migration'
       ORDER BY table_name`,
    )
  ).map((r) => r.name);
  const deps = await db.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
     FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = current_schema()`,
  );
  const ordered: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (ordered.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t) visit(d.parent, seen);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function writableColumns(db: Queryable, table: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
     ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.name);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes a backup of every table to `file`. Returns the row count per table. */
export async function backup(db: Database, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file));
  const write = async (obj: unknown) => {
    if (!gzip.write(`${JSON.stringify(obj)}\n`)) await once(gzip, 'drain');
  };
  const schemaVersion = await currentVersion(db);
  // One transaction so the snapshot is consistent while others keep writing.
  await db.transaction(async (tx) => {
    if (db.engine === 'postgres') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    const tables = await tablesInDependencyOrder(tx);
    const header: Header = {
      format: FORMAT,
      formatVersion: 1,
      schemaVersion,
      createdAt: new Date().toISOString(),
      tables,
    };
    await write(header);
    for (const table of tables) {
      const cols = (await writableColumns(tx, table)).map(ident).join(', ');
      const rows = await tx.query<{ r: unknown }>(
        `SELECT row_to_json(t) AS r FROM (SELECT ${cols} FROM ${ident(table)}) t`,
      );
      counts[table] = rows.length;
      for (let i = 0; i < rows.length; i += CHUNK) {
        await write({ table, rows: rows.slice(i, i + CHUNK).map((x) => x.r) });
      }
    }
  });
  gzip.end();
  await once(out, 'finish');
  return counts;
}

async function* readLines(file: string): AsyncGenerator<unknown> {
  const source = createReadStream(file);
  const input = createGunzip();
  // pipe() does not forward errors: a missing or unreadable file must fail the reader too.
  source.on('error', (err) => input.destroy(err));
  source.pipe(input);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      yield JSON.parse(line);
    }
  } catch (err) {
    throw new AppError(
      'corrupt_input',
      `backup file ${file} is unreadable at line ${n + 1}: ${(err as Error).message}`,
    );
  }
}

/**
 * Replaces the whole database content with a backup, in one transaction: if anything fails
 * (wrong schema version, corrupt file, constraint error) nothing changes.
 */
export async function restore(db: Database, file: string): Promise<Record<string, number>> {
  if (!existsSync(file)) throw new AppError('not_found', `backup file ${file} not found`);
  const counts: Record<string, number> = {};
  const version = await currentVersion(db);
  await db.transaction(async (tx) => {
    const lines = readLines(file);
    const first = await lines.next();
    const header = first.value as Partial<Header> | undefined;
    if (first.done || header?.format !== FORMAT) {
      throw new AppError('corrupt_input', `${file} is not a GCM Tracker backup`);
    }
    if (header.schemaVersion !== version) {
      throw new AppError(
        'conflict',
        `backup is at schema version ${header.schemaVersion}, database at ${version}`,
        {
          hint: 'restore into a database migrated to the same version',
        },
      );
    }
    const tables = await tablesInDependencyOrder(tx);
    await tx.exec(`TRUNCATE ${tables.map(ident).join(', ')} RESTART IDENTITY CASCADE`);
    const columns = new Map<string, string>();
    for await (const chunk of lines) {
      const { table, rows } = chunk as { table: string; rows: unknown[] };
      if (!tables.includes(table)) throw new AppError('corrupt_input', `backup names unknown table ${table}`);
      let cols = columns.get(table);
      if (!cols) {
        cols = (await writableColumns(tx, table)).map(ident).join(', ');
        columns.set(table, cols);
      }
      await tx.query(
        `INSERT INTO ${ident(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(null::${ident(table)}, $1::json)`,
        [JSON.stringify(rows)],
      );
      counts[table] = (counts[table] ?? 0) + rows.length;
    }
    // Identity columns must continue after the restored ids.
    const identities = await tx.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'`,
    );
    for (const { name } of identities) {
      await tx.query(
        `SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT max(id) FROM ${ident(name)}), 0) + 1, false)`,
        [ident(name)],
      );
    }
  });
  return counts;
}
