import { connect, type Database, defaultDataDir } from './db/connection.ts';
import { prepareDatabase } from './db/prepare.ts';

/** Settings from the environment; documented in the README. */
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: defaultDataDir(),
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '0.0.0.0',
  };
}

/** Opens the configured database and brings it up to date (migrations + framework data). */
export async function openDatabase(config: Config, opts: { prepare?: boolean } = {}): Promise<Database> {
  const db = await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  if (opts.prepare !== false) await prepareDatabase(db);
  return db;
}

/** Opens the configured database for one CLI command and always closes it afterwards. */
export async function withDatabase<T>(
  fn: (db: Database) => Promise<T>,
  opts: { prepare?: boolean } = {},
): Promise<T> {
  const db = await openDatabase(readConfig(), opts);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
