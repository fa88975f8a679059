/**
 * `npx tsx scripts/stem-collisions.ts [min-count]`: one-word lexicon terms whose stem also catches
 * other words of the labelled passages (eval/authored*.tsv). Snowball stems Dutch "steeds" (ever)
 * like "steden" (cities) and French "payés" (paid) like "paiements" (remittances), so such a term
 * quietly counts in passages that have nothing to do with it. Lists each word that shares a term's
 * stem but not its spelling, with how often it occurs and the term's objective and tier (a context
 * term counts only next to its objective's own terms), for a lexicon maintainer to judge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../src/classify/analyse.ts';
import { loadLexiconFile, TIERS } from '../src/classify/lexicon.ts';
import { LANGUAGES } from '../src/framework/schema.ts';

const minCount = Number(process.argv[2] ?? 2);
const evalDir = join(import.meta.dirname, '..', 'eval');
/** Written forms close enough to be the same word ("asylum seekers" and "asylum-seeker"). */
const sameWord = (a: string, b: string) =>
  a.slice(0, 4) === b.slice(0, 4) && Math.abs(a.length - b.length) <= 3;

for (const lang of LANGUAGES) {
  const termsByStem = new Map<string, string[]>();
  for (const [objective, entry] of Object.entries(loadLexiconFile(lang).objectives)) {
    for (const tier of TIERS) {
      for (const term of entry[tier]) {
        const tokens = analyse(term, lang);
        if (tokens.length !== 1) continue;
        const stem = tokens[0]?.stem ?? '';
        termsByStem.set(stem, [...(termsByStem.get(stem) ?? []), `${objective} ${tier}:${term}`]);
      }
    }
  }
  const counts = new Map<string, { stem: string; n: number }>();
  for (const file of ['authored', 'authored-rounds', 'authored-blind']) {
    for (const t of analyse(readFileSync(join(evalDir, `${file}.${lang}.tsv`), 'utf8'), lang)) {
      counts.set(t.surface, { stem: t.stem, n: (counts.get(t.surface)?.n ?? 0) + 1 });
    }
  }
  for (const [word, { stem, n }] of [...counts].sort((a, b) => b[1].n - a[1].n)) {
    if (n < minCount) break;
    const terms = termsByStem.get(stem);
    if (!terms || terms.some((t) => sameWord(t.slice(t.indexOf(':') + 1).toLowerCase(), word))) continue;
    console.log(`${lang}\t${word}\t${n}\t${terms.join(' | ')}`);
  }
}
