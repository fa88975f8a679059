import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/connection.ts';
import type { DocumentType } from '../db/repositories/documents.ts';
import { ingestDocument } from './ingest.ts';

const SAMPLE_DIR = join(import.meta.dirname, '../../sample');
const TYPES: Record<string, DocumentType> = { 'unece-review.excerpt.txt': 'review' };

/** Loads the sample documents when the database has no document yet. Returns how many were loaded. */
export async function loadSampleIfEmpty(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM document`);
  if ((row?.n ?? 0) > 0) return 0;
  let loaded = 0;
  for (const file of readdirSync(SAMPLE_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    await ingestDocument(db, {
      bytes: readFileSync(join(SAMPLE_DIR, file)),
      filename: file,
      type: TYPES[file] ?? 'action_plan',
      country: 'BE',
      sample: true,
      by: { userId: null, label: 'sample' },
    });
    loaded++;
  }
  return loaded;
}
