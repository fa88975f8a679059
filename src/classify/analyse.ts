import { stemmer as stemNl } from '@orama/stemmers/dutch';
import { stemmer as stemEn } from '@orama/stemmers/english';
import { stemmer as stemFr } from '@orama/stemmers/french';
import { stemmer as stemDe } from '@orama/stemmers/german';
import type { Language } from '../framework/schema.ts';

/**
 * Analysers per language: tokenise, drop stop words, Snowball-stem (the same algorithms as
 * PostgreSQL's text-search configurations, so search and classification agree on word forms).
 */

const STEMMERS: Record<Language, (w: string) => string> = { en: stemEn, nl: stemNl, fr: stemFr, de: stemDe };

/**
 * Stemming is most of the cost of analysis and the same words come back all the time (training the
 * model, compiling lexicons, classifying a document), so stems are remembered per language; the
 * memory is bounded by starting afresh when it gets large.
 */
const STEM_CACHE_LIMIT = 200_000;
const stemCache = new Map<Language, Map<string, string>>();

function stemOf(word: string, lang: Language): string {
  let cache = stemCache.get(lang);
  if (!cache || cache.size > STEM_CACHE_LIMIT) {
    cache = new Map();
    stemCache.set(lang, cache);
  }
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = STEMMERS[lang](lang === 'de' ? masculineForm(word) : word);
    cache.set(word, stem);
  }
  return stem;
}

/**
 * German names people in the feminine with -in / -innen ("Migrantinnen", "Ärztin", "Pflegerinnen"),
 * which Snowball stems apart from the masculine ("migrantinn" against "migrant"), so a lexicon
 * term or model feature learnt on one form missed the other. The feminine suffix is dropped before
 * stemming: "-innen" after anything but the verbs that end so (beginnen, gewinnen, ...), the
 * singular "-in" only after the endings of person nouns (Lehrerin, Migrantin, Juristin, Ärztin,
 * Psychologin), so "Termin", "Medizin" and "Berlin" keep theirs.
 */
const NOT_FEMININE = new Set([
  '',
  'b',
  'beg',
  'gew',
  'wiedergew',
  'zurückgew',
  'bes',
  'sp',
  's',
  'r',
  'entr',
  'zerr',
]);
const FEMININE_SINGULAR = /^(.{3,}(?:er|ant|ent|ist|ärzt|log|än))in$/;

function masculineForm(word: string): string {
  if (word.endsWith('innen')) {
    const base = word.slice(0, -5);
    return NOT_FEMININE.has(base) ? word : base;
  }
  return FEMININE_SINGULAR.exec(word)?.[1] ?? word;
}

const STOP: Record<Language, Set<string>> = {
  en: new Set(
    'a an and are as at be been being by for from has have had in into is it its of on or that the their them they this those to was were which will with within would shall should can could may also other such these all any not no more most than so its our we us including include includes through between among per via'.split(
      ' ',
    ),
  ),
  nl: new Set(
    'de het een en van in op te voor met door aan bij als dat die dit deze er is zijn wordt worden werd of om tot uit over naar ook niet meer hun zij wij ons onze zal zullen kan kunnen moet moeten heeft hebben waar wat wie alle andere zo nog dan'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le la les un une des du de d l et ou à au aux en dans pour par sur avec que qui dont ce cet cette ces son sa ses leur leurs est sont être été a ont avoir il elle ils elles nous vous se ne pas plus ainsi afin tous toutes tout toute autres'.split(
      ' ',
    ),
  ),
  de: new Set(
    'der die das den dem des ein eine einer eines einem einen und oder in im zu zur zum von vom für mit auf an am bei aus als ist sind wird werden wurde sein hat haben nicht auch sich es sie wir uns unser dass durch über nach so wie alle andere sowie innen'.split(
      ' ',
    ),
  ),
};

// Hyphens split words: "diaspora-led" and "migrant-inclusive" meet "diaspora" and "migrant".
const WORD = /[\p{L}][\p{L}\p{N}'’]*/gu;

export interface Token {
  /** The word as it appears, lower-cased. */
  surface: string;
  stem: string;
  /** Offsets in the analysed text, so evidence can quote the passage exactly. */
  start: number;
  end: number;
}

/** Word tokens with their stems, stop words removed. */
export function analyse(text: string, lang: Language): Token[] {
  const stop = STOP[lang];
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const surface = m[0]
      .toLowerCase()
      .replace(/['’]s$/, '')
      .replace(/^(?:l|d|qu|j|n|s|c)['’]/, '');
    if (surface.length < 2 || stop.has(surface)) continue;
    const start = m.index ?? 0;
    out.push({ surface, stem: stemOf(surface, lang), start, end: start + m[0].length });
  }
  return out;
}

/**
 * Character n-grams of long words: Dutch and German glue words into compounds
 * ("arbeidsmarktintegratie"), so parts of a compound still meet their separate forms.
 */
export function compoundGrams(tokens: Token[], n = 5, minLength = 9): string[][] {
  const out: string[][] = [];
  for (const t of tokens) {
    if (t.surface.length < minLength) continue;
    const grams: string[] = [];
    for (let i = 0; i + n <= t.surface.length; i++) grams.push(`#${t.surface.slice(i, i + n)}`);
    out.push(grams);
  }
  return out;
}
