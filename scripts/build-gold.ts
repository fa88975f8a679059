/**
 * Builds eval/gold.jsonl from the corpus and the hand-made labels (eval/labels.*.txt, one line per
 * passage: `id primary [acceptable,...]`, `-` for a passage about no GCM objective).
 *
 * English: passages drawn by scripts/gold-candidates.ts from four English documents.
 * Dutch: paragraphs of the Dutch GCM draft outside the objectives (labelled by hand), plus a
 * deterministic sample of its commitments and lettered actions, whose objective is known from the
 * text's structure. Evaluation excludes the Dutch framework text of those sampled items from the
 * classifier (see scripts/eval.ts), so they are unseen text.
 *
 * Each item goes to the `dev` split (for tuning and calibration) or the `test` split (reported,
 * never tuned on) by a hash of its id.
 * Usage: tsx scripts/build-gold.ts (needs ../shared/corpus)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitOf } from '../src/classify/labelled.ts';
import { loadFramework } from '../src/framework/load.ts';
import { parseDocument } from '../src/ingest/parse.ts';

const root = join(import.meta.dirname, '..');
const hash = (s: string) => createHash('sha256').update(s).digest('hex');

function readLabels(file: string): Map<string, { primary: number | null; acceptable: number[] }> {
  const out = new Map();
  for (const line of readFileSync(join(root, 'eval', file), 'utf8').split('\n')) {
    const [id, primary, acceptable] = line.trim().split(/\s+/);
    if (!id) continue;
    out.set(id, {
      primary: primary === '-' || primary === undefined ? null : Number(primary),
      acceptable: acceptable ? acceptable.split(',').map(Number) : [],
    });
  }
  return out;
}

const items: unknown[] = [];
const candidates = execFileSync('npx', ['tsx', join(root, 'scripts/gold-candidates.ts')], {
  encoding: 'utf8',
})
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; source: string; lang: string; section: string; text: string });
const en = readLabels('labels.en.txt');
for (const c of candidates) {
  const label = en.get(c.id);
  if (!label) throw new Error(`no label for ${c.id}`);
  items.push({ ...c, ...label, split: splitOf(c.id) });
}

const nlFile = 'gcm-final-draft-nl-2018.txt';
const nlDoc = await parseDocument(readFileSync(join(root, '../shared/corpus', nlFile)), nlFile);
for (const [id, label] of readLabels('labels.nl.txt')) {
  const line = Number(id.replace('nl-L', ''));
  const p = nlDoc.passages.find((x) => x.line === line);
  if (!p) throw new Error(`no passage at line ${line}`);
  items.push({
    id,
    source: `${nlFile}:${line}`,
    lang: 'nl',
    section: p.sectionPath.at(-1) ?? '',
    text: p.text,
    ...label,
    split: splitOf(id),
  });
}
const fw = loadFramework('gcm');
const nlItems = fw.objectives.flatMap((o) => [
  { ref: `${o.number}(commitment)`, objective: o.number, text: o.commitment.nl },
  ...o.actions.map((a) => ({ ref: a.ref, objective: o.number, text: a.text.nl })),
]);
const sample = nlItems
  .filter((x) => x.text)
  .sort((a, b) => hash(`nl:${a.ref}`).localeCompare(hash(`nl:${b.ref}`)))
  .slice(0, 90);
for (const x of sample) {
  const id = `nl-gcm-${x.ref}`;
  items.push({
    id,
    source: `${nlFile} (${x.ref})`,
    lang: 'nl',
    section: '',
    text: x.text,
    primary: x.objective,
    acceptable: [],
    frameworkRef: x.ref,
    split: splitOf(id),
  });
}
writeFileSync(join(root, 'eval/gold.jsonl'), `${items.map((i) => JSON.stringify(i)).join('\n')}\n`);
console.log(`wrote ${items.length} gold passages`);
