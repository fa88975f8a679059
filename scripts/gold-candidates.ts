/**
 * Draws the passages for the gold set from ../shared/corpus (deterministic sample) and prints them
 * as JSON lines without labels; a person then labels each one following docs/ANNOTATION.md.
 * Usage: tsx scripts/gold-candidates.ts > eval/candidates.jsonl
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../src/ingest/parse.ts';

const corpus = join(import.meta.dirname, '../../shared/corpus');
const plan: [string, string, number][] = [
  ['unece-gcm-regional-review-2020.main.txt', 'unece', 95],
  ['be-gcm-action-plan-2022.txt', 'be-gcm', 30],
  ['be-thb-action-plan-2021-2025.part1.txt', 'thb', 55],
  ['emn-be-labour-market-integration-2018.txt', 'emn', 110],
];
const rank = (s: string) => createHash('sha256').update(s).digest('hex');
for (const [file, tag, n] of plan) {
  const doc = await parseDocument(readFileSync(join(corpus, file)), file);
  const pool = doc.passages.filter(
    (p) =>
      (p.kind === 'paragraph' || p.kind === 'list_item' || p.kind === 'table_row') &&
      p.text.length >= 80 &&
      p.language === 'en',
  );
  const chosen = pool
    .map((p) => ({ p, r: rank(`${tag}:${p.ordinal}`) }))
    .sort((a, b) => a.r.localeCompare(b.r))
    .slice(0, n)
    .map((x) => x.p)
    .sort((a, b) => a.ordinal - b.ordinal);
  for (const p of chosen) {
    console.log(
      JSON.stringify({
        id: `${tag}-${p.line}`,
        source: `${file}:${p.line}`,
        lang: p.language,
        section: p.sectionPath.at(-1) ?? '',
        text: p.text,
      }),
    );
  }
}
