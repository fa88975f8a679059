import type { Passage } from '../ingest/types.ts';
import { type ActorRegistry, lookupActor } from './actors.ts';
import { parseTiming } from './timing.ts';

/**
 * Finds action tables (`Project | Responsibility | Timing` and their variants in four languages)
 * and turns their rows into raw action rows, repairing the damage of PDF extraction:
 * a row continued below a page break or footnote, bold paragraphs and list items that are the
 * rest of a cell, an empty responsibility cell that continues the row above, and words that
 * bled from one cell into the next.
 */

type Role = 'what' | 'who' | 'when' | 'status';

const HEADER_PATTERNS: [Role, RegExp][] = [
  [
    'what',
    /^(?:projects?|actions?|measures?|activit(?:y|ies)|initiatives?|commitments?|projets?|mesures?|activités?|actie|acties|maatregel(?:en)?|projecten|maßnahmen?|massnahmen?|vorhaben|projekte?|aktivitäten)\b/i,
  ],
  [
    'who',
    /^(?:responsib\w*|lead\b|leads?|owners?|responsible|actors?|partners?|who\b|verantwoordelijk\w*|bevoegd\w*|trekker|responsabilit\w*|responsables?|pilote|porteur|acteurs?|zuständig\w*|verantwortlich\w*|federführ\w*|akteure?)/i,
  ],
  [
    'when',
    /^(?:timing|timeline|time ?frame|timetable|deadline|calendar|schedule|when\b|period|year|date|calendrier|échéance|echeance|délai|delai|période|termijn|tijdpad|planning|periode|zeitplan|frist|zeitraum|zeitrahmen|termin)/i,
  ],
  ['status', /^(?:status|state|progress|statut|état|etat|voortgang|stand|stadium)/i],
];

export interface TableRow {
  what: string;
  who: string;
  when: string;
  line: number;
  passages: number[];
  cells: string[];
  notes: string[];
  /** The responsibility came from the row above. */
  inherited: boolean;
}

/** Column roles of a header row, or undefined when the row is not an action-table header. */
export function headerRoles(cells: string[]): (Role | undefined)[] | undefined {
  const roles = cells.map((c) => HEADER_PATTERNS.find(([, re]) => re.test(c.trim()))?.[0]);
  const has = (r: Role) => roles.includes(r);
  if (!has('what') || !(has('who') || has('when'))) return undefined;
  if (cells.some((c) => c.trim().length > 40)) return undefined; // header cells are short labels
  return roles;
}

function cellFor(row: Passage, roles: (Role | undefined)[], role: Role): string {
  const i = roles.indexOf(role);
  return i >= 0 ? (row.cells?.[i] ?? '').trim() : '';
}

/**
 * A paragraph or list item right after a row continues its first cell when it was bold like the
 * row's title, or starts in lower case (a sentence cut by a page break).
 */
function continuesRow(p: Passage, row: TableRow, first: Passage): boolean {
  if (p.kind !== 'paragraph' && p.kind !== 'list_item') return false;
  if (p.emphasised && first.emphasised) return true;
  if (/^\p{Ll}/u.test(p.text)) return true;
  return p.kind === 'list_item' && /[:;]$/.test(row.what);
}

/**
 * "Criminal Department." | "Policy 2022": the timing cell starts with words that are not about
 * time. Put them back into the responsibility cell where the registry recognises the result.
 */
export function repairBleed(
  who: string,
  when: string,
  registry: ActorRegistry,
): { who: string; when: string } | undefined {
  const { leading } = parseTiming(when);
  if (!leading || !/\d/.test(when)) return undefined;
  const base = who.replace(/\.$/, '').trim();
  const words = base.split(/\s+/);
  const candidates = [
    `${words.slice(0, -1).join(' ')} ${leading} ${words.at(-1) ?? ''}`.trim(),
    `${base} ${leading}`.trim(),
    `${leading} ${base}`.trim(),
  ];
  const fixed =
    candidates.find((c) => lookupActor(c, registry)) ?? (who.endsWith('.') ? candidates[0] : undefined);
  if (!fixed) return undefined;
  return {
    who: fixed,
    when: when
      .replace(leading, '')
      .replace(/^\s*[-–,;]?\s*/, '')
      .trim(),
  };
}

/** All action-table rows of a document, in order. */
export function findTableRows(passages: Passage[], registry: ActorRegistry): TableRow[] {
  const rows: TableRow[] = [];
  let roles: (Role | undefined)[] | undefined;
  let first: Passage | undefined; // the passage that opened the current row
  let current: TableRow | undefined;

  for (const p of passages) {
    if (p.kind === 'table_row' && p.cells) {
      const header = headerRoles(p.cells);
      if (header) {
        roles = header;
        current = undefined;
        continue;
      }
      if (!roles) continue;
      const what = cellFor(p, roles, 'what');
      let who = cellFor(p, roles, 'who');
      let when = cellFor(p, roles, 'when');
      if (what === '' && who === '' && when === '') continue;
      if (current && what !== '' && who === '' && when === '' && /^\p{Ll}/u.test(what)) {
        current.what += ` ${what}`;
        current.passages.push(p.ordinal);
        current.notes.push('row continued after a page break');
        continue;
      }
      if (current && what === '') {
        // Cells that continue the row above (its responsibility or timing overflowed).
        current.who = [current.who, who].filter(Boolean).join(' ');
        current.when = [current.when, when].filter(Boolean).join(' ');
        current.passages.push(p.ordinal);
        continue;
      }
      const notes: string[] = [];
      const repaired = repairBleed(who, when, registry);
      if (repaired) {
        notes.push(`repaired text that bled across cells: "${who}" | "${when}"`);
        who = repaired.who;
        when = repaired.when;
      }
      let inherited = false;
      if (who === '' && current) {
        who = current.who;
        inherited = true;
        notes.push('responsibility cell empty: taken from the row above');
      }
      current = { what, who, when, line: p.line, passages: [p.ordinal], cells: p.cells, notes, inherited };
      first = p;
      rows.push(current);
      continue;
    }
    if (!roles) continue;
    if (p.kind === 'footnote') continue; // footnotes interrupt tables without ending them
    if (current && first && continuesRow(p, current, first)) {
      // A sentence cut mid-way continues on the same line; list items stay items.
      const sameSentence = p.kind === 'paragraph' && !/[.:;!?]$/.test(current.what);
      current.what += `${sameSentence ? ' ' : '\n'}${p.text}`;
      current.passages.push(p.ordinal);
      continue;
    }
    // Anything else (a heading, a plain paragraph) ends the table.
    roles = undefined;
    current = undefined;
  }
  return rows;
}
