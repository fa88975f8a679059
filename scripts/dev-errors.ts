/**
 * Development aid: print the dev-split passages the classifier gets wrong at top-1 (never the test
 * split). The model here trains on the framework and lexicons only, so dev passages are unseen.
 */
import { buildClassifier } from '../src/classify/classifier.ts';
import { loadGold } from '../src/classify/labelled.ts';
import type { Language } from '../src/framework/schema.ts';

const only = process.argv[2];
const c = buildClassifier({ extraExamples: [] });
for (const g of loadGold()) {
  if (g.split !== 'dev' || (only && g.lang !== only)) continue;
  const r = c.classify(g.text, { lang: g.lang as Language }).objectives;
  const gold = new Set(g.primary === null ? [] : [g.primary, ...g.acceptable]);
  const best = r[0];
  const ok = g.primary === null ? (best?.score ?? 0) < 0.5 : best !== undefined && gold.has(best.objective);
  if (!ok) {
    const top = r.slice(0, 3).map((o) => `${o.objective}:${o.score}[${o.evidence.slice(0, 3).join(',')}]`);
    console.log(`${g.id} gold=${g.primary}/${g.acceptable} got ${top.join(' ')} | ${g.text.slice(0, 140)}`);
  }
}
