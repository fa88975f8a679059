// Development aid: print the passages of a file. Usage: tsx scripts/dev-parse.ts <file> [from] [to]
import { readFileSync } from 'node:fs';
import { parseDocument } from '../src/ingest/parse.ts';

const [file, from = '0', to = '100000'] = process.argv.slice(2);
if (!file) throw new Error('usage: dev-parse <file> [from] [to]');
const doc = await parseDocument(readFileSync(file), file);
console.log(`# ${doc.title} [${doc.format}, ${doc.language}, ${doc.passages.length} passages]`);
for (const p of doc.passages.slice(Number(from), Number(to))) {
  console.log(
    `${p.ordinal} L${p.line}-${p.endLine} ${p.kind}${p.level ? p.level : ''} ${p.language}${p.emphasised ? ' B' : ''} [${p.sectionPath.at(-1)?.slice(0, 30) ?? ''}] ${p.text.slice(0, 110).replace(/\n/g, ' ⏎ ')}`,
  );
}
