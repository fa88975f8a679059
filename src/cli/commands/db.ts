import type { Command } from 'commander';
import { withDatabase } from '../../config.ts';
import { backup, restore } from '../../db/backup.ts';
import { currentVersion } from '../../db/migrate.ts';
import { prepareDatabase } from '../../db/prepare.ts';

/** `gcmt db migrate | backup <file> | restore <file>` */
export function registerDb(program: Command): void {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations and load the framework data')
    .action(async () => {
      await withDatabase(
        async (conn) => {
          const applied = await prepareDatabase(conn);
          console.log(
            applied.length ? `applied migrations ${applied.join(', ')}` : 'database already up to date',
            `(schema version ${await currentVersion(conn)}, ${conn.engine})`,
          );
        },
        { prepare: false },
      );
    });
  db.command('backup <file>')
    .description('write a logical backup (gzip JSON lines) of the whole database')
    .action(async (file: string) => {
      await withDatabase(async (conn) => {
        const counts = await backup(conn, file);
        console.log(`backup written to ${file}: ${summary(counts)}`);
      });
    });
  db.command('restore <file>')
    .description('replace the database content with a backup (all or nothing)')
    .action(async (file: string) => {
      await withDatabase(async (conn) => {
        const counts = await restore(conn, file);
        console.log(`restored from ${file}: ${summary(counts)}`);
      });
    });
}

function summary(counts: Record<string, number>): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const nonEmpty = Object.entries(counts).filter(([, n]) => n > 0);
  return `${total} rows in ${nonEmpty.length} tables (${nonEmpty.map(([t, n]) => `${t} ${n}`).join(', ')})`;
}
