import { readFileSync } from 'node:fs';
import { defaultClassifier } from '../src/classify/classifier.ts';

const c = defaultClassifier();
let n = 0,
  t1 = 0,
  t3 = 0;
for (const line of readFileSync(process.argv[2] as string, 'utf8')
  .trim()
  .split('\n')) {
  const [id, p, acc, text] = line.split('\t');
  if (p === '-') continue;
  n++;
  const gold = new Set([Number(p), ...(acc ? acc.split(',').map(Number) : [])]);
  const r = c.classify(text as string).objectives;
  if (gold.has(r[0]?.objective ?? 0)) t1++;
  else
    console.log(
      id,
      p,
      acc,
      '->',
      r
        .slice(0, 3)
        .map((o) => `${o.objective}:${o.score}`)
        .join(' '),
    );
  if (r.slice(0, 3).some((o) => o.objective === Number(p))) t3++;
}
console.log({ n, top1: ((100 * t1) / n).toFixed(1), top3: ((100 * t3) / n).toFixed(1) });
