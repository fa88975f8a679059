import { detectLanguage, dominantLanguage } from './language.ts';
import type { Block } from './normalise.ts';
import type { Passage, PassageKind } from './types.ts';

/**
 * Builds the section tree and the passages: recognises headings (Markdown, numbered `4.2`,
 * `A.`, Roman `II.`, all-caps, `Objective 10:` / `DOELSTELLING 10:` / `Objectif 10` / `Ziel 10`),
 * gives every passage its section path, and detects each passage's language.
 */

const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\S.*)$/;
const ROMAN = /^([IVX]{1,5})\.\s+(\S.*)$/;
const LETTERED = /^([A-H])\.\s+(\p{Lu}.*)$/u;
const OBJECTIVE = /^(?:objective|doelstelling|objectif|ziel)\s+(\d{1,2})\b\s*[:.–-]?/i;

interface HeadingInfo {
  level: number;
  /** Objective headings sit one level below an enclosing all-caps part heading. */
  objective?: boolean;
}

function isTitleLike(text: string, max = 160): boolean {
  return (
    text.length <= max &&
    !text.includes('\n') &&
    !/[.;,:]$/.test(text) &&
    !/\.{4,}/.test(text) &&
    /^[\p{Lu}\d“"‘'(]/u.test(text)
  );
}

function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 6 || text.length > 120 || text.split(/\s+/).length < 2) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.9 && !/\.$/.test(text);
}

/** Decides whether a block is a heading and at which depth. */
export function headingInfo(block: Block): HeadingInfo | undefined {
  const text = block.text.trim();
  if (block.type === 'md_heading') {
    const num = NUMBERED.exec(text);
    if (OBJECTIVE.test(text)) return { level: 2, objective: true };
    return { level: num?.[1] ? num[1].split('.').length : (block.mdLevel ?? 1) };
  }
  if (block.type !== 'text' && block.type !== 'list_item') return undefined;
  if (OBJECTIVE.test(text) && text.length <= 250 && !text.includes('\n'))
    return { level: 2, objective: true };
  if (block.type === 'text' && isAllCaps(text)) return { level: 1 };
  if (!isTitleLike(text)) return undefined;
  const num = NUMBERED.exec(text);
  if (num?.[1] && num[2] && /^[\p{Lu}“"‘'(]/u.test(num[2]) && Number(num[1].split('.')[0]) <= 30) {
    // "2021 Annual report" is not section 2021: numbers were capped above.
    return { level: num[1].split('.').length };
  }
  const roman = ROMAN.exec(text);
  if (roman && block.type === 'text') return { level: 1 };
  const lettered = LETTERED.exec(text);
  if (lettered && block.type === 'text' && text.length <= 100) return { level: 1 };
  return undefined;
}

const KIND: Record<Block['type'], PassageKind> = {
  text: 'paragraph',
  list_item: 'list_item',
  table_row: 'table_row',
  footnote: 'footnote',
  md_heading: 'heading',
  separator: 'paragraph',
};

export function structure(blocks: Block[]): Passage[] {
  const stack: { level: number; text: string; objective: boolean }[] = [];
  const passages: Passage[] = [];
  for (const block of blocks) {
    if (block.type === 'separator') continue;
    const heading = headingInfo(block);
    let kind = KIND[block.type];
    let level: number | undefined;
    if (heading) {
      kind = 'heading';
      level = heading.level;
      // An objective heading under a part heading ("DOELSTELLINGEN EN VERPLICHTINGEN") nests in it;
      // without one it is top level.
      if (heading.objective && !stack.some((s) => s.level === 1 && !s.objective)) level = 1;
      while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
      stack.push({ level, text: block.text.trim(), objective: heading.objective ?? false });
    }
    passages.push({
      ordinal: passages.length,
      kind,
      text: block.text,
      ...(block.cells ? { cells: block.cells } : {}),
      sectionPath: stack.map((s) => s.text),
      language: detectLanguage(block.text),
      line: block.line,
      endLine: block.endLine,
      ...(block.page !== undefined ? { page: block.page } : {}),
      ...(level !== undefined ? { level } : {}),
      ...(block.emphasised ? { emphasised: true } : {}),
      ...(block.footnoteRefs.length ? { footnoteRefs: block.footnoteRefs } : {}),
    });
  }
  // Passages too short to identify (names, figures, headers) take their document's language.
  const docLanguage = dominantLanguage(passages);
  for (const p of passages) if (p.language === 'und' && p.text.length < 40) p.language = docLanguage;
  return passages;
}
