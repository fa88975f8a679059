import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES, type Language } from '../framework/schema.ts';
import type { TrainingExample } from './model.ts';

/** A gold passage as stored in eval/gold.jsonl (see docs/ANNOTATION.md). */
export interface GoldPassage {
  id: string;
  lang: string;
  text: string;
  section: string;
  primary: number | null;
  acceptable: number[];
  split: 'dev' | 'test';
  frameworkRef?: string;
}

const GOLD_FILE = join(import.meta.dirname, '../../eval/gold.jsonl');

export function loadGold(): GoldPassage[] {
  return readFileSync(GOLD_FILE, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as GoldPassage);
}

/**
 * Labelled corpus passages as training examples: the primary objective at full weight, acceptable
 * ones at half. Only the dev split is ever used for training; the test split stays unseen.
 */
export function labelledExamples(passages: GoldPassage[]): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (const p of passages) {
    if (p.split !== 'dev' || p.primary === null || !(LANGUAGES as readonly string[]).includes(p.lang))
      continue;
    const lang = p.lang as Language;
    out.push({ lang, objective: p.primary, text: p.text });
    for (const o of p.acceptable) out.push({ lang, objective: o, text: p.text, weight: 0.5 });
  }
  return out;
}
