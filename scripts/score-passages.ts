/**
 * `npx tsx scripts/score-passages.ts <file.tsv>`: scores labelled passages
 * (`id<TAB>primary<TAB>acceptable<TAB>text`, as in eval/authored*.tsv) with the current classifier
 * and prints the misses and top-1/top-3. This is how each batch of eval/authored-rounds.*.tsv was
 * measured once, blind, before its misses were used to mend the lexicons (docs/CLASSIFICATION.md).
 */
import { defaultClassifier } from '../src/classify/classifier.ts';
import { readLabelledTsv } from '../src/classify/labelled.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: score-passages <file.tsv>');
const classifier = defaultClassifier();
let labelled = 0;
let top1 = 0;
let top3 = 0;
for (const { id, primary, acceptable, text } of readLabelledTsv(file)) {
  if (primary === null) continue;
  labelled++;
  const gold = new Set([primary, ...acceptable]);
  const ranked = classifier.classify(text).objectives;
  if (gold.has(ranked[0]?.objective ?? 0)) top1++;
  else
    console.log(
      `${id} gold ${primary} got ${ranked
        .slice(0, 3)
        .map((o) => `${o.objective}:${o.score}`)
        .join(' ')}`,
    );
  if (ranked.slice(0, 3).some((o) => o.objective === primary)) top3++;
}
const pct = (n: number) => ((100 * n) / labelled).toFixed(1);
console.log(`${labelled} passages: top-1 ${top1} (${pct(top1)} %), top-3 ${top3} (${pct(top3)} %)`);
