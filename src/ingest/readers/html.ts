import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { RawDocument, SourceFormat, SourceLine } from '../types.ts';
import { decodeText } from './text.ts';

const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'blockquote',
  'pre',
  'address',
  'figcaption',
  'dd',
  'dt',
]);

/**
 * HTML (and DOCX via mammoth's HTML) to source lines: headings become Markdown headings, list
 * items bullets, table rows tab-separated cells whose inner markup (bold, lists) is kept for the
 * inline cleaner. Scripts and styles are dropped unread.
 */
export function htmlToLines(html: string): { lines: SourceLine[]; title?: string } {
  const $ = cheerio.load(html);
  $('script, style, noscript, template, iframe, object, embed, svg').remove();
  const out: string[] = [];
  const inner = (el: Element) => ($(el).html() ?? '').replace(/\s+/g, ' ').trim();
  const walk = (nodes: AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const t = $(node).text().replace(/\s+/g, ' ').trim();
        if (t) out.push(t);
        continue;
      }
      if (node.type !== 'tag') continue;
      const el = node as Element;
      const tag = el.tagName.toLowerCase();
      if (/^h[1-6]$/.test(tag)) {
        out.push('', `${'#'.repeat(Number(tag[1]))} ${$(el).text().replace(/\s+/g, ' ').trim()}`, '');
      } else if (tag === 'table') {
        out.push('');
        $(el)
          .find('tr')
          .each((_, tr) => {
            const cells = $(tr)
              .children('td, th')
              .toArray()
              .map((c) => inner(c).replace(/\t/g, ' '));
            if (cells.length) out.push(cells.join('\t'));
          });
        out.push('');
      } else if (tag === 'li') {
        out.push(`- ${inner(el)}`);
      } else if (tag === 'br') {
        out.push('');
      } else if (
        BLOCKS.has(tag) &&
        $(el).children('p, div, table, ul, ol, h1, h2, h3, h4, h5, h6').length === 0
      ) {
        out.push('', inner(el), '');
      } else {
        walk(el.children);
      }
    }
  };
  const body = $('body').get(0);
  walk(body ? body.children : $.root().children().toArray());
  const title = $('title').first().text().trim();
  return { lines: out.map((text, i) => ({ text, line: i + 1 })), ...(title ? { title } : {}) };
}

export function readHtml(bytes: Uint8Array, format: SourceFormat = 'html'): RawDocument {
  return { format, ...htmlToLines(decodeText(bytes)) };
}
