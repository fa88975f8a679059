import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../framework/schema.ts';
import { NO_OBJECTIVE, type TrainingExample } from './model.ts';

/** A gold passage as stored in eval/gold.jsonl (see docs/ANNOTATION.md). */
export interface GoldPassage {
  id: string;
  lang: string;
  text: string;
  section: string;
  /** Where the text comes from: a corpus file and line, or the file of authored passages. */
  source: string;
  primary: number | null;
  acceptable: number[];
  split: 'dev' | 'test';
  frameworkRef?: string;
}

const GOLD_FILE = join(import.meta.dirname, '../../eval/gold.jsonl');

export function loadGold(): GoldPassage[] {
  const corpus = readFileSync(GOLD_FILE, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as GoldPassage);
  const authored = LANGUAGES.flatMap((lang) => [
    ...loadAuthored(`authored.${lang}.tsv`, lang, splitOf),
    ...loadAuthored(`authored-rounds.${lang}.tsv`, lang, () => 'dev'),
    ...loadAuthored(`authored-blind.${lang}.tsv`, lang, () => 'test'),
  ]);
  return [...corpus, ...authored];
}

/** About half of the items go to each split, by a hash of the id (also used by scripts/build-gold.ts). */
export const splitOf = (id: string): GoldPassage['split'] =>
  Number.parseInt(createHash('sha256').update(`split:${id}`).digest('hex').slice(0, 8), 16) % 2 === 0
    ? 'test'
    : 'dev';

/**
 * Passages the developers wrote in the style of government, NGO, news and review text, because the
 * corpus has no French or German text, its only Dutch text is the GCM itself and its review-style
 * English is one document (docs/ANNOTATION.md). One per line: `id<TAB>primary<TAB>acceptable<TAB>text`,
 * `-` for no objective. `authored.xx.tsv` is split by hash like the corpus gold; the passages of
 * `authored-rounds.xx.tsv` were each scored once, blind, and then used to mend the lexicons, so they
 * are development data only. `authored-blind.xx.tsv` was written last and is test data only: its
 * misses have never been looked at.
 */
function loadAuthored(
  file: string,
  lang: string,
  split: (id: string) => GoldPassage['split'],
): GoldPassage[] {
  return readLabelledTsv(join(import.meta.dirname, '../../eval', file)).map((p) => ({
    ...p,
    lang,
    source: `eval/${file}`,
    section: '',
    split: split(p.id),
  }));
}

/** One labelled passage per line: `id<TAB>primary<TAB>acceptable<TAB>text`, `-` for no objective. */
export function readLabelledTsv(path: string): Pick<GoldPassage, 'id' | 'primary' | 'acceptable' | 'text'>[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [id = '', primary = '', acceptable = '', text = ''] = line.split('\t');
      return {
        id,
        text,
        primary: primary === '-' ? null : Number(primary),
        acceptable: acceptable ? acceptable.split(',').map(Number) : [],
      };
    });
}

/**
 * Labelled corpus passages as training examples: the primary objective at full weight, acceptable
 * ones at half, passages about nothing in the GCM as NO_OBJECTIVE. Only the dev split is ever used
 * for training; the test split stays unseen.
 */
export function labelledExamples(passages: GoldPassage[]): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const p of passages) {
    if (p.split !== 'dev' || !(LANGUAGES as readonly string[]).includes(p.lang)) continue;
    const lang = p.lang as Language;
    if (p.primary === null) {
      out.push({ lang, objective: NO_OBJECTIVE, text: p.text });
      continue;
    }
    out.push({ lang, objective: p.primary, text: p.text });
    for (const o of p.acceptable) out.push({ lang, objective: o, text: p.text, weight: 0.5 });
  }
  return out;
}
