import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect, dumpPglite } from '../../src/db/connection.ts';
import { prepareDatabase } from '../../src/db/prepare.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * PGlite's first initdb takes seconds, so it runs once here: migrate, load the framework, dump the
 * data folder. Every test database is then a fast clone of this template.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const db = await connect();
  await prepareDatabase(db);
  const dump = await dumpPglite(db);
  await db.close();
  const file = join(tmpdir(), `gcmt-template-${process.pid}.tar.gz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rmSync(file, { force: true });
}
