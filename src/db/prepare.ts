import { loadFramework } from '../framework/load.ts';
import type { Database } from './connection.ts';
import { migrate } from './migrate.ts';
import { syncFramework } from './repositories/framework.ts';

/** Brings a database up to date: pending migrations, then the shipped framework data. */
export async function prepareDatabase(db: Database): Promise<number[]> {
  const applied = await migrate(db);
  await syncFramework(db, loadFramework('gcm'));
  return applied;
}
