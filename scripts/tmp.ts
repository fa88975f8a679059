import { readFileSync } from 'node:fs';
import { buildClassifier } from '../src/classify/classifier.ts';
import type { Language } from '../src/framework/schema.ts';
const c = buildClassifier();
for (const l of readFileSync('eval/gold.jsonl', 'utf8').trim().split('\n')) {
  const g = JSON.parse(l);
  if (g.split !== 'dev') continue;
  const r = c.classify(g.text, { lang: g.lang as Language }).objectives;
  const gold = new Set(g.primary === null ? [] : [g.primary, ...g.acceptable]);
  const ok = g.primary === null ? r[0]!.score < 0.5 : gold.has(r[0]!.objective);
  if (!ok) console.log(`${g.id} gold=${g.primary}/${g.acceptable} got ${r.slice(0, 3).map((o) => `${o.objective}:${o.score}[${o.evidence.slice(0, 3).join(',')}]`).join(' ')} | ${g.text.slice(0, 140)}`);
}
