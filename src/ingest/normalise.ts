import { cleanInline } from './inline.ts';
import type { SourceLine } from './types.ts';

/**
 * Repairs extraction damage while keeping a map back to source lines: joins hard-wrapped lines
 * into paragraphs (and end-of-line hyphenation), drops page numbers and repeated page furniture,
 * separates footnotes from body text, splits tables into cells and cleans every fragment.
 */

export type BlockType = 'text' | 'list_item' | 'table_row' | 'footnote' | 'md_heading' | 'separator';

export interface Block {
  type: BlockType;
  text: string;
  cells?: string[];
  /** Markdown heading depth (`##` → 2). */
  mdLevel?: number;
  line: number;
  endLine: number;
  page?: number;
  emphasised: boolean;
  footnoteRefs: string[];
}

const PAGE_NUMBER = /^(?:\d{1,4}|page \d{1,4}(?: (?:of|\/) \d{1,4})?|- ?\d{1,4} ?-|\d{1,4} ?\/ ?\d{1,4})$/i;
const SEPARATOR = /^(?:[-*_=]\s*){3,}$/;
const MD_HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*(?:[-–•▪◦*]\s+|[-–•▪◦]\t|\d{1,2}[.)]\s+|\(?[a-z]\)\s+|\([ivx]{1,4}\)\s+)(?=\S)/;
const TOC_LINE = /\.{4,}\s*\d*\s*$/;
const FOOTNOTE_HTML = /^\s*<sup>\s*(\d{1,3})\s*<\/sup>/i;
const FOOTNOTE_MD = /^\s*\[\^(\d{1,3})\]:/;
const FOOTNOTE_PLAIN = /^(\d{1,3})\s+(?=[\p{Lu}“"‘'(<[])/u;
const SUPERSCRIPT_START = /^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s/;

/**
 * Short lines that recur on many pages are running headers or footers. A line that repeats but
 * ends with ":" is an introduction ("Om deze verbintenis … acties:"), not page furniture.
 */
function furniture(lines: SourceLine[]): Set<string> {
  const counts = new Map<string, Set<number>>();
  lines.forEach((l, i) => {
    const t = l.text.trim();
    if (t.length < 3 || t.length > 80 || t.includes('\t') || /[:.]$/.test(t) || /^#|^[-*•]/.test(t)) return;
    const key = l.page ?? Math.floor(i / 50); // without pages, spread = distinct regions of the file
    const set = counts.get(t) ?? new Set<number>();
    set.add(key);
    counts.set(t, set);
  });
  const pages = new Set(lines.map((l, i) => l.page ?? Math.floor(i / 50))).size;
  const result = new Set<string>();
  for (const [t, where] of counts) {
    if (where.size >= 4 && where.size >= pages * 0.3) result.add(t);
  }
  return result;
}

function splitCells(raw: string): string[] | undefined {
  if (!raw.includes('\t')) return undefined;
  const cells = raw.replace(/\t+$/, '').split('\t');
  if (cells.filter((c) => c.trim() !== '').length < 2 && !(cells.length >= 3)) return undefined;
  if (cells.length < 2) return undefined;
  return cells;
}

/** Joins a wrapped line onto a paragraph, undoing end-of-line hyphenation ("infor-" + "mation"). */
function joinWrapped(prev: string, next: string): string {
  if (/\p{Ll}-$/u.test(prev) && /^\p{Ll}/u.test(next)) return prev.slice(0, -1) + next;
  return `${prev} ${next}`;
}

export function normalise(lines: SourceLine[]): Block[] {
  const blocks: Block[] = [];
  const skip = furniture(lines);
  let para: Block | undefined;
  let lastFootnote = 0;

  const flush = () => {
    if (para && para.text.trim() !== '') blocks.push(para);
    para = undefined;
  };
  const push = (b: Block) => {
    flush();
    if (b.text.trim() !== '' || b.type === 'separator') blocks.push(b);
  };
  const make = (type: BlockType, raw: string, src: SourceLine, extra: Partial<Block> = {}): Block => {
    const c = cleanInline(raw);
    return {
      type,
      text: c.text,
      line: src.line,
      endLine: src.line,
      ...(src.page !== undefined ? { page: src.page } : {}),
      emphasised: c.emphasised,
      footnoteRefs: c.footnoteRefs,
      ...extra,
    };
  };

  for (const src of lines) {
    const raw = src.text;
    const trimmed = raw.trim();
    if (trimmed === '') {
      flush();
      continue;
    }
    if (PAGE_NUMBER.test(trimmed) || skip.has(trimmed)) continue;

    const cells = splitCells(raw);
    if (cells?.every((c) => /^[-:=\s]*$/.test(c)) || SEPARATOR.test(trimmed)) {
      push({
        type: 'separator',
        text: '',
        line: src.line,
        endLine: src.line,
        emphasised: false,
        footnoteRefs: [],
      });
      continue;
    }
    const md = MD_HEADING.exec(trimmed);
    if (md) {
      push(make('md_heading', md[2] ?? '', src, { mdLevel: md[1]?.length ?? 1 }));
      continue;
    }
    const footHtml = FOOTNOTE_HTML.exec(raw) ?? FOOTNOTE_MD.exec(raw);
    if (footHtml) {
      lastFootnote = Number(footHtml[1]);
      push(make('footnote', `${footHtml[1]} ${raw.slice(footHtml[0].length)}`, src));
      continue;
    }
    const plain = FOOTNOTE_PLAIN.exec(trimmed);
    // A plain "12 Text" line is a footnote when it continues the footnote numbering and reads
    // like a note (long, or a source/URL), not a short numbered heading like "1 Introduction".
    if (
      (plain && Number(plain[1]) > lastFootnote && Number(plain[1]) <= lastFootnote + 3 && !para) ||
      SUPERSCRIPT_START.test(trimmed)
    ) {
      const looksLikeNote =
        trimmed.length > 70 || /https?:|www\.|\bp\.\s?\d|\d{4}[.,]|^\d+\s+(?:See|Ibid|Cf\.)/.test(trimmed);
      if (SUPERSCRIPT_START.test(trimmed) || looksLikeNote) {
        if (plain) lastFootnote = Number(plain[1]);
        push(make('footnote', trimmed, src));
        continue;
      }
    }
    if (cells && !BULLET.test(raw) && !TOC_LINE.test(trimmed)) {
      const clean = cells.map((c) => cleanInline(c));
      push({
        type: 'table_row',
        text: clean.map((c) => c.text.replace(/\n/g, '; ')).join(' | '),
        cells: clean.map((c) => c.text),
        line: src.line,
        endLine: src.line,
        ...(src.page !== undefined ? { page: src.page } : {}),
        emphasised: clean.some((c) => c.emphasised),
        footnoteRefs: clean.flatMap((c) => c.footnoteRefs),
      });
      continue;
    }
    const text = raw.replace(/\t+/g, ' ');
    if (BULLET.test(text)) {
      flush();
      para = make('list_item', text, src); // open: wrapped continuation lines join it
      continue;
    }
    const cleaned = cleanInline(text);
    if (
      para &&
      (para.type === 'text' || (para.type === 'list_item' && (/^\s/.test(raw) || /^\p{Ll}/u.test(trimmed))))
    ) {
      para.text = joinWrapped(para.text, cleaned.text);
      para.endLine = src.line;
      para.emphasised &&= cleaned.emphasised;
      para.footnoteRefs.push(...cleaned.footnoteRefs);
      continue;
    }
    flush();
    para = make('text', text, src);
  }
  flush();
  return blocks;
}
