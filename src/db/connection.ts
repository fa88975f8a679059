import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { AppError } from '../errors.ts';

/** Anything that runs SQL: the database itself or an open transaction. Parameters are always bound. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/**
 * The one row a statement must return (an INSERT … RETURNING): its absence is a bug in the statement,
 * not bad input, so it is an Error rather than an AppError.
 */
export async function queryOne<T>(db: Queryable, sql: string, params: unknown[], what: string): Promise<T> {
  const [row] = await db.query<T>(sql, params);
  if (!row) throw new Error(`${what} returned no row`);
  return row;
}

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** `postgres://...` selects the server; otherwise PGlite is used. */
  databaseUrl?: string | undefined;
  /** PGlite data folder; omit with `loadDataDir` for an in-memory database. */
  dataDir?: string | undefined;
  /** A PGlite data directory dump to start from (fast test databases). */
  loadDataDir?: Blob | undefined;
  /** Extra pg pool options (e.g. a search_path for an isolated test schema). */
  pgOptions?: pg.PoolConfig;
}

/** Where the embedded database lives unless told otherwise. */
export function defaultDataDir(): string {
  return resolve(process.env.GCMT_DATA_DIR ?? '.gcmt/data');
}

class PgliteDatabase implements Database {
  readonly engine = 'pglite';
  constructor(private readonly db: PGlite) {}

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.db.query<T>(sql, params)).rows;
  }

  async exec(sql: string): Promise<void> {
    await this.db.exec(sql);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      fn({
        query: async <R>(sql: string, params: unknown[] = []) => (await tx.query<R>(sql, params)).rows,
        exec: async (sql: string) => {
          await tx.exec(sql);
        },
      }),
    );
  }

  /** A gzip tarball of the data folder (used for test templates). */
  dump(): Promise<Blob> {
    return this.db.dumpDataDir('gzip');
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

// pg returns int8 and numeric as strings; the schema keeps ids as integer and we cast counts,
// so numbers arrive as numbers on both engines.
class PostgresDatabase implements Database {
  readonly engine = 'postgres';
  constructor(private readonly pool: pg.Pool) {}

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: async <R>(sql: string, params: unknown[] = []) =>
          (await client.query(sql, params)).rows as R[],
        exec: async (sql: string) => {
          await client.query(sql);
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** Opens PGlite (embedded, default) or a PostgreSQL pool when a `postgres://` URL is given. */
export async function connect(opts: ConnectOptions = {}): Promise<Database> {
  const url = opts.databaseUrl;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new AppError(
        'bad_request',
        `DATABASE_URL must start with postgres:// (got ${url.split(':')[0]}:)`,
      );
    }
    const pool = new pg.Pool({ connectionString: url, max: 10, ...opts.pgOptions });
    // An idle client losing its server must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    try {
      await pool.query('SELECT 1');
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw new AppError('database_unavailable', `cannot reach PostgreSQL: ${(err as Error).message}`, {
        hint: 'check DATABASE_URL and that the server is running',
      });
    }
    return new PostgresDatabase(pool);
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const db = new PGlite({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  await db.waitReady;
  return new PgliteDatabase(db);
}

/** Dumps a PGlite database's data folder; only the embedded engine supports it. */
export function dumpPglite(db: Database): Promise<Blob> {
  if (!(db instanceof PgliteDatabase)) throw new Error('dumpPglite needs a PGlite database');
  return db.dump();
}
