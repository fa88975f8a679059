/**
 * Regenerates src/framework/data/gcm/text.nl.json from the Dutch GCM draft in ../shared/corpus
 * and prints how many actions were recovered per objective against the English counts.
 * Usage: npm run framework:import-nl [-- path/to/gcm-final-draft-nl-2018.txt]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDutchGcm } from '../src/framework/import-nl.ts';
import { frameworkTextSchema } from '../src/framework/schema.ts';

const dataDir = join(import.meta.dirname, '../src/framework/data/gcm');
const sourcePath =
  process.argv[2] ?? join(import.meta.dirname, '../../shared/corpus/gcm-final-draft-nl-2018.txt');
const english = frameworkTextSchema.parse(JSON.parse(readFileSync(join(dataDir, 'text.en.json'), 'utf8')));
const expected = new Map(english.objectives.map((o) => [o.number, (o.actions ?? []).map((a) => a.letter)]));
const dutch = importDutchGcm(readFileSync(sourcePath, 'utf8'), expected);
writeFileSync(join(dataDir, 'text.nl.json'), `${JSON.stringify(dutch, null, 2)}\n`);

let total = 0;
let recovered = 0;
for (const o of english.objectives) {
  const nl = dutch.objectives.find((x) => x.number === o.number);
  const got = nl?.actions?.length ?? 0;
  total += o.actions?.length ?? 0;
  recovered += got;
  console.log(`objective ${String(o.number).padStart(2)}: ${got}/${o.actions?.length ?? 0}`);
}
console.log(`total: ${recovered}/${total} Dutch actions recovered`);
for (const note of dutch.notes ?? []) console.log(`note: ${note}`);
