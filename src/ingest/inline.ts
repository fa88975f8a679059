/**
 * Cleans one line or table cell of extraction debris into plain text: HTML fragments left by
 * converters, Markdown emphasis and links, footnote markers, PDF content-stream garbage, odd Unicode.
 * Pure and linear-time (no nested quantifiers), because it runs on hostile input.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (m, code: string) => {
    if (code[0] === '#') {
      const n =
        code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
      return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[code.toLowerCase()] ?? m;
  });
}

/** Unicode clean-up: NFC, ligatures, non-breaking and zero-width spaces, soft hyphens, control characters. */
export function normaliseUnicode(s: string): string {
  return (
    s
      .normalize('NFC')
      .replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'))
      .replace(/[\u00A0\u2007\u202F]/g, ' ')
      .replace(/[\u200B-\u200D\uFEFF\u00AD]/g, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
  );
}

// Tokens of a PDF content stream that leaked into text: `14(ce`, `30(a)12(re)7(1)-7a`, `841.41.92`,
// `fTQq0.000008871`, `(ee(the)]Tnts)-5(f)`. Words never look like this.
const GARBAGE_TOKEN =
  /^(?:\S*\d\((?:\S*)|\S*\)-?\d\S*|\d+\.\d+\.\d+\S*|\S*(?:TQq|\]T[JNn]|Tf|Tm|BT|ET)\S*\d\S*|\S*\d[a-zA-Z]+\d\S*|-?\d+\.\d+|\d+)$/;

/** Removes a run of PDF content-stream garbage (from its first token to the end of the line). */
export function stripPdfGarbage(line: string): string {
  const tokens = line.split(/(\s+)/);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] ?? '';
    const at = tok.search(/\d+\(\S|\)-?\d+\(|\d\(\d/);
    if (at < 0 && !/TQq|\]T/.test(tok)) continue;
    const rest = tokens.slice(i + 1).filter((t) => t.trim() !== '');
    const garbageAfter = rest.filter((t) => GARBAGE_TOKEN.test(t)).length;
    // The garbage run must dominate what follows, so "Article 10(2) of the Directive" survives.
    if (rest.length === 0 ? /\d\(\d|\)-?\d+\(|TQq|\]T/.test(tok) : garbageAfter / rest.length >= 0.5) {
      const keep = `${tokens.slice(0, i).join('')}${at > 0 ? tok.slice(0, at).replace(/\d+$/, '') : ''}`;
      return keep.trimEnd();
    }
  }
  return line;
}

export interface CleanResult {
  text: string;
  /** The cleaned text was entirely bold in the source (`**…**`, `<b>…</b>`). */
  emphasised: boolean;
  footnoteRefs: string[];
}

const BLOCK_TAGS = /<\s*(?:br|\/p|\/li|\/div|\/tr)\s*\/?>|<\s*li\b[^>]*>/gi;
const KNOWN_TAGS =
  /<\/?\s*(?:b|i|u|em|strong|p|ul|ol|li|span|div|sup|sub|a|font|table|tbody|thead|tr|td|th|h[1-6]|br|hr|small|big|center)\b[^<>]*>/gi;

function isWhollyEmphasised(s: string): boolean {
  const t = s.trim();
  if (t === '') return false;
  const withoutTags = t.replace(/<\/?(?:ul|ol|li|p|span|div)\b[^<>]*>/gi, '').replace(/^[\s\-•]+/, '');
  const bold = /^(?:\s*(?:<(b|strong)>[^<]*<\/\1>|\*\*[^*]+\*\*)[\s\-•.;:,]*)+$/i;
  return bold.test(withoutTags) || bold.test(withoutTags.replace(/(?:^|\s)-\s+/g, ' '));
}

/**
 * Turns a fragment into plain text. List items and paragraphs inside it become separate lines
 * (`\n`); everything else is collapsed to single spaces.
 */
export function cleanInline(raw: string): CleanResult {
  const footnoteRefs: string[] = [];
  let s = normaliseUnicode(raw);
  const emphasised = isWhollyEmphasised(s);
  s = s.replace(/<sup>\s*(\d{1,3})\s*<\/sup>/gi, (_m, n: string) => {
    footnoteRefs.push(n);
    return '';
  });
  s = s.replace(/⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾/g, (_m, n: string) => {
    footnoteRefs.push([...n].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)).join(''));
    return '';
  });
  s = s.replace(/\^\{(\w{1,4})\}/g, '$1'); // 6^{th} → 6th
  s = s.replace(BLOCK_TAGS, '\n').replace(KNOWN_TAGS, '');
  s = decodeEntities(s);
  s = s
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1') // [text](url), images
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1') // <https://...> autolinks
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/(^|[\s(])\*([^*\s][^*\n]*?)\*(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/(^|[\s(])_([^_\s][^_\n]*?)_(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/\*\*/g, '')
    .replace(/\\([()[\]*_#.\\-])/g, '$1');
  const lines = s
    .split('\n')
    .map((l) => stripPdfGarbage(l.replace(/[ \t]+/g, ' ').trim()))
    .map((l) => l.replace(/^(?:[-–•▪◦*]|\d+\.)\s+(?=\S)/, (m) => (/^\d/.test(m) ? m : '')).trim())
    .filter((l) => l !== '' && !/^[-–•*]$/.test(l));
  return { text: lines.join('\n'), emphasised, footnoteRefs };
}
