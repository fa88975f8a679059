import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Language } from '../framework/schema.ts';
import { analyse, type Token } from './analyse.ts';

/**
 * Curated lexicons per objective and language (data files a domain expert can review with
 * `gcmt lexicon`). Terms are matched as stem sequences, so inflections match too.
 */

const entrySchema = z.object({
  strong: z.array(z.string()).default([]),
  medium: z.array(z.string()).default([]),
  weak: z.array(z.string()).default([]),
  context: z.array(z.string()).default([]),
  exclude: z.array(z.string()).default([]),
});
const lexiconSchema = z.object({
  language: z.enum(LANGUAGES),
  note: z.string().optional(),
  objectives: z.record(z.string().regex(/^\d+$/), entrySchema),
  /**
   * Objectives that run through all others (23, cooperation for implementing the GCM): without one
   * of their strong terms, they give way to an objective the passage names specifically.
   */
  crossCutting: z.array(z.number().int()).default([]),
  outOfScope: z.object({
    note: z.string().optional(),
    terms: z.array(z.string()),
    migrationTerms: z.array(z.string()),
  }),
});
export type LexiconFile = z.infer<typeof lexiconSchema>;
export type LexiconEntry = z.infer<typeof entrySchema>;

export const TIER_WEIGHT = { strong: 3, medium: 2, weak: 1, context: 1 } as const;
type Tier = keyof typeof TIER_WEIGHT;
/** The tiers that hold terms, strongest first (exclude phrases are not terms). */
export const TIERS = Object.keys(TIER_WEIGHT) as Tier[];

interface Term {
  objective: number;
  tier: Tier;
  stems: string[];
  text: string;
}

export interface LexiconHit {
  objective: number;
  /** Saturating 0-1 score from the weights of the distinct terms found. */
  score: number;
  /** Raw sum of weights. */
  weight: number;
  /** Matched phrases as they appear in the passage. */
  evidence: string[];
}

export interface CompiledLexicon {
  language: Language;
  file: LexiconFile;
  byFirstStem: Map<string, Term[]>;
  /** One-word terms that may match as part of a compound (Dutch and German only), by affix. */
  compoundParts: CompoundIndex;
  /** Every objective's exclude phrases, lower-cased. */
  excludes: { objective: number; phrase: string }[];
  /** Refugee-only phrases and migration phrases, as stem sequences. */
  outOfScope: string[][];
  migration: string[][];
}

/** Every term of an objective's entry, all tiers (exclude phrases are not terms). */
export function termsOf(entry: LexiconEntry): string[] {
  return TIERS.flatMap((tier) => entry[tier]);
}

export function loadLexiconFile(lang: Language): LexiconFile {
  return parseLexiconFile(readFileSync(join(import.meta.dirname, 'lexicon', `${lang}.json`), 'utf8'));
}

export function parseLexiconFile(json: string): LexiconFile {
  return lexiconSchema.parse(JSON.parse(json));
}

export function compileLexicon(file: LexiconFile): CompiledLexicon {
  const byFirstStem = new Map<string, Term[]>();
  for (const [num, entry] of Object.entries(file.objectives)) {
    for (const tier of TIERS) {
      for (const text of entry[tier]) {
        const stems = analyse(text, file.language).map((t) => t.stem);
        const first = stems[0];
        if (!first) continue;
        const list = byFirstStem.get(first) ?? [];
        list.push({ objective: Number(num), tier, stems, text });
        byFirstStem.set(first, list);
      }
    }
  }
  // Longest phrases first, so "victims of trafficking" is preferred over "victims".
  for (const list of byFirstStem.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  // Phrases, not bags of their words: "international protection" is refugee wording, "protection" is not.
  const phrases = (terms: string[]) => terms.map((t) => analyse(t, file.language).map((x) => x.stem));
  const compounding = file.language === 'nl' || file.language === 'de';
  const compoundParts = indexCompoundParts(
    compounding
      ? [...byFirstStem.values()].flat().filter((t) => t.stems.length === 1 && t.text.length >= MIN_PART)
      : [],
  );
  return {
    language: file.language,
    file,
    byFirstStem,
    compoundParts,
    excludes: Object.entries(file.objectives).flatMap(([num, entry]) =>
      entry.exclude.map((x) => ({ objective: Number(num), phrase: x.toLowerCase() })),
    ),
    outOfScope: phrases(file.outOfScope.terms),
    migration: phrases(file.outOfScope.migrationTerms),
  };
}

const compiled = new Map<Language, CompiledLexicon>();

export function lexiconFor(lang: Language): CompiledLexicon {
  let lex = compiled.get(lang);
  if (!lex) {
    lex = compileLexicon(loadLexiconFile(lang));
    compiled.set(lang, lex);
  }
  return lex;
}

const saturate = (w: number) => 1 - Math.exp(-w / 4);

const CROSS_CUTTING_DAMPING = 0.3;

/** Shortest term that counts inside a compound, and shortest compound that is searched. */
const MIN_PART = 5;
const MIN_COMPOUND = 9;

/**
 * Endings that derive a new word rather than start a compound's head: "gemeenschappelijk" (common)
 * is not a kind of "gemeenschap" (community), nor "gemeinschaftlich" of "Gemeinschaft", nor
 * "politieke" (political) of "politie" (police), nor "kostenlos" (free) of "Kosten" (costs).
 */
const DERIVATION = /^(?:[a-z]?e?lijk|ig|isch|lich|heid|heit|keit|ke$|e?[ns]?loo?s)/;

/** Length of the affix a compound part is looked up by (not longer than MIN_PART - 1, a stem may be shorter than its word). */
const AFFIX = 4;

/** Compound parts by their first and last letters (stem and written form), so a word meets only its few candidates. */
interface CompoundIndex {
  byStart: Map<string, Term[]>;
  byEnd: Map<string, Term[]>;
}

function indexCompoundParts(parts: Term[]): CompoundIndex {
  const byStart = new Map<string, Term[]>();
  const byEnd = new Map<string, Term[]>();
  const add = (map: Map<string, Term[]>, key: string, t: Term) => {
    const list = map.get(key) ?? [];
    if (!list.includes(t)) list.push(t);
    map.set(key, list);
  };
  for (const t of parts) {
    for (const form of [t.stems[0] ?? '', t.text.toLowerCase()]) {
      add(byStart, form.slice(0, AFFIX), t);
      add(byEnd, form.slice(-AFFIX), t);
    }
  }
  return { byStart, byEnd };
}

/**
 * Dutch and German glue words together ("Schleusungskriminalität", "geldovermakingen"): a one-word
 * term counts when it starts a longer word (the modifier) or ends it (the head), by stem or by its
 * written form, since stemming a compound only touches its last part.
 */
function compoundMatches(token: Token, index: CompoundIndex): Term[] {
  if (token.surface.length < MIN_COMPOUND) return [];
  const candidates = new Set<Term>();
  for (const form of [token.stem, token.surface]) {
    for (const t of index.byStart.get(form.slice(0, AFFIX)) ?? []) candidates.add(t);
    for (const t of index.byEnd.get(form.slice(-AFFIX)) ?? []) candidates.add(t);
  }
  return [...candidates].filter((t) => {
    const stem = t.stems[0] ?? '';
    const word = t.text.toLowerCase();
    if (stem === token.stem || word === token.surface) return false;
    const modifier =
      (token.stem.startsWith(stem) && !DERIVATION.test(token.surface.slice(stem.length))) ||
      (token.surface.startsWith(word) && !DERIVATION.test(token.surface.slice(word.length)));
    return modifier || (stem.length >= MIN_PART && token.stem.endsWith(stem)) || token.surface.endsWith(word);
  });
}

const LETTER = /\p{L}/u;

/**
 * Where each objective's exclude phrases occur in the text ("in return for" is no return): its
 * terms do not count inside them, while the rest of the passage still does.
 */
function excludedSpans(text: string, lex: CompiledLexicon): Map<number, [number, number][]> {
  const spans = new Map<number, [number, number][]>();
  if (lex.excludes.length === 0) return spans;
  const lower = text.toLowerCase();
  // Whole words only: "the train" excludes the railway, not "the training".
  const wordAt = (i: number) => LETTER.test(lower[i] ?? '');
  for (const { objective, phrase } of lex.excludes) {
    for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
      if (wordAt(at - 1) || wordAt(at + phrase.length)) continue;
      const list = spans.get(objective) ?? [];
      list.push([at, at + phrase.length]);
      spans.set(objective, list);
    }
  }
  return spans;
}

/** At most this many dropped words (stop words) may sit between two words of a phrase. */
const MAX_GAP = 2;

/**
 * Whether token `j` may continue a phrase begun at the token before it: stop words between them
 * are skipped ("victims of trafficking"), but not more than MAX_GAP of them and not a sentence
 * break, so "family and was not allowed" is no "family allowance". Asked only once the stems
 * match, which is rare, so it costs next to nothing.
 */
function joins(text: string, tokens: Token[], j: number): boolean {
  const gap = text.slice(tokens[j - 1]?.end ?? 0, tokens[j]?.start ?? 0);
  return !/[.;:!?]/.test(gap) && (gap.match(/\p{L}+/gu)?.length ?? 0) <= MAX_GAP;
}

/** Scores every objective whose lexicon terms occur in `text`. */
export function matchLexicon(text: string, lex: CompiledLexicon, analysed?: Token[]): LexiconHit[] {
  const tokens = analysed ?? analyse(text, lex.language);
  const found = new Map<number, Map<string, { tier: Tier; surface: string }>>();
  const excluded = excludedSpans(text, lex);
  /** Whether a phrase's stems occur at token `at`, its words close enough to make one phrase. */
  const phraseAt = (stems: string[], at: number) =>
    stems.every((s, k) => tokens[at + k]?.stem === s && (k === 0 || joins(text, tokens, at + k)));
  let i = 0;
  while (i < tokens.length) {
    const candidates = lex.byFirstStem.get(tokens[i]?.stem ?? '') ?? [];
    const exact = candidates.filter((term) => phraseAt(term.stems, i));
    const token = tokens[i];
    const matched = exact.length || !token ? exact : compoundMatches(token, lex.compoundParts);
    // Only the longest phrases at a position count: "victims of violence" is not also "victims".
    const longest = matched[0]?.stems.length ?? 0;
    const start = token?.start ?? 0;
    const surface = text.slice(start, tokens[i + longest - 1]?.end ?? 0);
    for (const term of matched) {
      if (term.stems.length < longest) break;
      if (excluded.get(term.objective)?.some(([from, to]) => start >= from && start < to)) continue;
      const perObjective = found.get(term.objective) ?? new Map();
      // Keyed by stems: "deportation" and "deportations" are one term, counted once.
      const key = term.stems.join(' ');
      if (!perObjective.has(key)) perObjective.set(key, { tier: term.tier, surface });
      found.set(term.objective, perObjective);
    }
    i += Math.max(1, longest);
  }
  const occurs = (phrase: string[]) => phrase.length > 0 && tokens.some((_, at) => phraseAt(phrase, at));
  const refugeeOnly = lex.outOfScope.some(occurs) && !lex.migration.some(occurs);
  const specific = new Set(
    [...found]
      .filter(([, terms]) => [...terms.values()].some((t) => t.tier === 'strong' || t.tier === 'medium'))
      .map(([objective]) => objective),
  );
  const hits: LexiconHit[] = [];
  for (const [objective, terms] of found) {
    const anchored = specific.has(objective);
    let weight = 0;
    const evidence: string[] = [];
    for (const t of terms.values()) {
      if (t.tier === 'context' && !anchored) continue;
      weight += TIER_WEIGHT[t.tier];
      if (!evidence.includes(t.surface)) evidence.push(t.surface);
    }
    if (weight === 0) continue;
    if (refugeeOnly) weight *= 0.4;
    const yields =
      lex.file.crossCutting.includes(objective) &&
      ![...terms.values()].some((t) => t.tier === 'strong') &&
      [...specific].some((o) => o !== objective && !lex.file.crossCutting.includes(o));
    if (yields) weight *= CROSS_CUTTING_DAMPING;
    hits.push({ objective, weight, score: saturate(weight), evidence });
  }
  return hits.sort((a, b) => b.weight - a.weight);
}
