import { readFileSync } from 'node:fs';
import { extractActions } from '../src/extract/extract.ts';
import { parseDocument } from '../src/ingest/parse.ts';

const doc = await parseDocument(readFileSync(process.argv[2] ?? ''), process.argv[2]);
for (const a of extractActions(doc)) {
  if (a.source === 'text' && process.argv[3] !== 'all') continue;
  console.log(
    `L${a.line} [${a.source} ${a.confidence}] ${a.title.slice(0, 90)}\n   who=${a.responsible} → ${a.actors.map((x) => `${x.role}:${x.name}${x.known ? '' : '?'}`).join(', ')}\n   when=${a.timing} → ${a.start}-${a.end}${a.recurring ? ' R' : ''} | ${a.section} | obj ${a.objectives
      .slice(0, 3)
      .map((o) => `${o.objective}:${o.score}`)
      .join(' ')}\n   text=${a.text.replace(/\n/g, ' ⏎ ').slice(0, 200)} ${a.notes.join('; ')}`,
  );
}
