import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './connection.ts';

const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migration files, ordered by their numeric prefix (`001_core.sql`). */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_[\w-]+\.sql$/.test(f))
    .map((f) => ({
      version: Number.parseInt(f, 10),
      name: f.replace(/^\d+_|\.sql$/g, ''),
      sql: readFileSync(join(dir, f), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
}

/** The newest schema version this build knows. */
export function latestVersion(): number {
  return listMigrations().at(-1)?.version ?? 0;
}

/**
 * Applies pending migrations, each in its own transaction. An advisory lock makes it safe for
 * several app instances to start at once against one PostgreSQL server.
 * Returns the versions applied now.
 */
export async function migrate(db: Database): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  for (const m of listMigrations()) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(4242)');
      const rows = await tx.query('SELECT 1 FROM schema_migration WHERE version = $1', [m.version]);
      if (rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

/** The schema version a database is at (0 when never migrated). */
export async function currentVersion(db: Database): Promise<number> {
  const rows = await db
    .query<{ v: number | null }>(`SELECT max(version)::int AS v FROM schema_migration`)
    .catch(() => [{ v: 0 }]);
  return rows[0]?.v ?? 0;
}
