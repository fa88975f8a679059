/**
 * `npx tsx scripts/explain.ts <file.tsv> [id…]`: for labelled passages (the format of
 * eval/authored*.tsv), prints each layer's features and the lexicon evidence of the leading
 * objectives and of the gold one — what a lexicon maintainer needs to see why a passage ranks
 * as it does. Without ids it explains every passage the classifier gets wrong at top-1.
 */
import { defaultClassifier } from '../src/classify/classifier.ts';
import { readLabelledTsv } from '../src/classify/labelled.ts';
import { detectLanguage } from '../src/ingest/language.ts';

const [file, ...ids] = process.argv.slice(2);
if (!file) throw new Error('usage: explain <file.tsv> [id…]');
const classifier = defaultClassifier();
for (const { id, primary, text } of readLabelledTsv(file)) {
  const ranked = classifier.classify(text).objectives;
  if (ids.length ? !ids.includes(id) : ranked[0]?.objective === primary) continue;
  const detected = detectLanguage(text);
  const { features, hits } = classifier.layers(text, detected === 'und' ? 'en' : detected);
  console.log(`\n${id} gold ${primary}: ${text}`);
  const shown = [...new Set([...ranked.slice(0, 3).map((o) => o.objective), ...(primary ? [primary] : [])])];
  for (const objective of shown) {
    const f = features[objective - 1];
    const evidence = hits.find((h) => h.objective === objective)?.evidence ?? [];
    const score = ranked.find((o) => o.objective === objective)?.score;
    const fmt = f
      ? Object.entries(f)
          .map(([k, v]) => `${k} ${v.toFixed(2)}`)
          .join(', ')
      : '';
    console.log(`  ${objective}: ${score} | ${fmt} | ${evidence.join('; ')}`);
  }
}
