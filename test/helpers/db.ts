import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { connect, type Database } from '../../src/db/connection.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';

/** The engine the suite runs on: PGlite unless TEST_DATABASE_URL points at a PostgreSQL server. */
export const testEngine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh, migrated database with the GCM framework loaded. On PGlite it is a clone of the
 * template made in global setup; on PostgreSQL it is a new schema, dropped again on close.
 */
export async function createTestDb(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
    return connect({ loadDataDir: blob });
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await connect({ databaseUrl: url });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  await admin.close();
  const db = await connect({ databaseUrl: url, pgOptions: { options: `-c search_path=${schema}`, max: 4 } });
  await prepareDatabase(db);
  const close = db.close.bind(db);
  return Object.assign(db, {
    close: async () => {
      await close();
      const cleanup = await connect({ databaseUrl: url });
      await cleanup.exec(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.close();
    },
  });
}
