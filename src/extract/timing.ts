/**
 * Parses a timing cell or phrase: `2021`, `2021-2022`, `2022 - 2023`, `2022/2023`, `2021 – 2022`,
 * `-2022/2023`, `2022 - to be repeated in subsequent years`, `To be carried out at least once
 * between 2021 and 2025`, `Q3 2022`, `end of 2023`, `juni 2022`, `T2 2024`, `2. Quartal 2023`, …
 * Words before the first date that are not timing vocabulary are returned as `leading`, because
 * in damaged tables they usually belong to the neighbouring cell (`Policy 2022`).
 */

export interface Timing {
  start: number | null;
  end: number | null;
  recurring: boolean;
  /** Month precision where the text gives it: `2022-06`. */
  startMonth?: string;
  endMonth?: string;
  /** Non-timing words before the first date, e.g. "Policy" in "Policy 2022". */
  leading: string;
}

const MONTHS: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [1, ['january', 'jan', 'januari', 'janvier', 'janv', 'januar', 'jänner']],
  [2, ['february', 'feb', 'februari', 'février', 'fevrier', 'févr', 'februar']],
  [3, ['march', 'mar', 'maart', 'mars', 'märz', 'maerz']],
  [4, ['april', 'apr', 'avril']],
  [5, ['may', 'mei', 'mai']],
  [6, ['june', 'jun', 'juni', 'juin']],
  [7, ['july', 'jul', 'juli', 'juillet']],
  [8, ['august', 'aug', 'augustus', 'août', 'aout']],
  [9, ['september', 'sep', 'sept', 'septembre']],
  [10, ['october', 'oct', 'oktober', 'octobre', 'okt']],
  [11, ['november', 'nov', 'novembre']],
  [12, ['december', 'dec', 'décembre', 'decembre', 'dezember', 'dez']],
];
for (const [n, names] of monthNames) for (const name of names) MONTHS[name] = n;

const YEAR = /\b(19[5-9]\d|20\d\d|21\d\d)\b/g;
const RECURRING =
  /\b(?:to be repeated|repeated|recurr\w*|each year|every year|annual(?:ly)?|yearly|ongoing|on-going|continuous(?:ly)?|permanent(?:ly)?|structural|in subsequent years|jaarlijks|elk jaar|ieder jaar|doorlopend|permanent|continu|chaque année|annuel(?:le)?(?:ment)?|en continu|jährlich|laufend|fortlaufend|ständig|dauerhaft)\b/i;
const TIME_WORDS =
  /^(?:from|to|until|till|by|in|on|the|end|start|beginning|begin|mid|middle|of|between|and|at|least|once|be|carried|out|to be|repeated|in|subsequent|years?|q[1-4]|quarter|first|second|third|fourth|half|semester|h[12]|s[12]|t[1-4]|trimestre|kwartaal|quartal|vanaf|tot|tegen|einde|eind|begin|midden|van|tussen|en|de|du|le|la|à|a|partir|d'ici|fin|début|debut|mi|et|entre|ab|bis|ende|anfang|mitte|zwischen|und|im|jahr|jaar|année|annee|latest|uiterlijk|au|plus|tard|spätestens|continuous|ongoing|permanent|st|nd|rd|th|e|er|ème|\d{1,2}\.?)$/i;

function monthOf(word: string): number | undefined {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')];
}

/** Month (1-12) nearest before a year mention, from names, quarters or numeric dates. */
function monthBefore(text: string, yearIndex: number, isEnd: boolean): number | undefined {
  const before = text.slice(Math.max(0, yearIndex - 30), yearIndex).toLowerCase();
  const numeric =
    /(\d{1,2})[/.-](\d{1,2})[/.-]?\s*$/.exec(before) ?? /(?:^|\D)(\d{1,2})[/.-]\s*$/.exec(before);
  if (numeric) {
    const m = Number(numeric[2] ?? numeric[1]);
    if (m >= 1 && m <= 12) return m;
  }
  const quarter =
    /(?:\bq|\bt|\bk)([1-4])\s*$|\b([1-4])(?:st|nd|rd|th|e|er|ème|\.)?\s*(?:quarter|kwartaal|trimestre|quartal)(?:\s+of)?\s*$/.exec(
      before,
    );
  if (quarter) {
    const q = Number(quarter[1] ?? quarter[2]);
    return isEnd ? q * 3 : q * 3 - 2;
  }
  const name = /([a-zäéû]{3,9})\.?\s*$/.exec(before);
  if (name?.[1]) {
    const m = monthOf(name[1]);
    if (m) return m;
    if (/^(?:end|eind|einde|fin|ende)$/.test(name[1])) return 12;
    if (/^(?:mid|midden|mitte)$/.test(name[1])) return 6;
    if (/^(?:start|beginning|begin|début|debut|anfang)$/.test(name[1])) return 1;
  }
  const endOf = /\b(?:end|eind|einde|fin|ende)\s+(?:of\s+|van\s+|de\s+)?\s*$/.exec(before);
  if (endOf) return 12;
  return undefined;
}

const pad = (m: number) => String(m).padStart(2, '0');

export function parseTiming(raw: string): Timing {
  const text = raw.replace(/\s+/g, ' ').trim();
  const years = [...text.matchAll(YEAR)].map((m) => ({ year: Number(m[1]), index: m.index ?? 0 }));
  const recurring = RECURRING.test(text);
  const firstAt = years[0]?.index ?? text.length;
  const leadingWords = text
    .slice(0, firstAt)
    .split(/[\s,;:()–-]+/)
    .filter((w) => w !== '' && !TIME_WORDS.test(w) && monthOf(w) === undefined && !RECURRING.test(w));
  const leading = leadingWords.join(' ');
  if (years.length === 0) return { start: null, end: null, recurring, leading };
  const first = years[0];
  const last = years.reduce((a, b) => (b.year > a.year ? b : a));
  const earliest = years.reduce((a, b) => (b.year < a.year ? b : a));
  // "2022 - to be repeated in subsequent years": open-ended from the start year.
  const openEnded =
    years.length === 1 &&
    recurring &&
    /\b(?:subsequent|following|thereafter|onwards|volgende|suivantes|folgenden)\b/i.test(text);
  const byDeadline =
    years.length === 1 &&
    /\b(?:by|before|until|till|tegen|uiterlijk|tot|avant|d'ici|bis|spätestens)\b/i.test(
      text.slice(0, first?.index ?? 0),
    );
  const timing: Timing = {
    start: byDeadline ? null : earliest.year,
    end: openEnded ? null : last.year,
    recurring,
    leading,
  };
  const startMonth = byDeadline ? undefined : monthBefore(text, earliest.index, false);
  const endMonth = openEnded ? undefined : monthBefore(text, last.index, true);
  if (startMonth && timing.start) timing.startMonth = `${timing.start}-${pad(startMonth)}`;
  if (endMonth && timing.end) timing.endMonth = `${timing.end}-${pad(endMonth)}`;
  return timing;
}
