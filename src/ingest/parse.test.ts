import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDocx, makePdf, randomBytes } from '../../test/helpers/files.ts';
import { AppError } from '../errors.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { parseDocument } from './parse.ts';
import { sniffFormat } from './read.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/corpus', name));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('parsing the corpus excerpts', () => {
  it('joins the UNECE review’s hard-wrapped lines into paragraphs and separates its footnotes', async () => {
    const doc = await parseDocument(fixture('unece-review.excerpt.txt'), 'unece.txt');
    expect(doc.title).toBe('Regional Review of the Global Compact for Safe, Orderly and Regular Migration');
    const summary = doc.passages.find((p) => p.text.startsWith('The Regional Review of implementation'));
    expect(summary?.text).toMatch(
      /held virtually from 12-13 November 2020, with the participation of a range/,
    );
    expect(summary?.line).toBeLessThan(summary?.endLine ?? 0);
    const notes = doc.passages.filter((p) => p.kind === 'footnote').map((p) => p.text);
    expect(notes.some((n) => n.startsWith('1 Noting that the GCM is only concerned'))).toBe(true);
    expect(doc.language).toBe('en');
  });

  it('builds the section tree of the trafficking plan from numbered Markdown headings', async () => {
    const doc = await parseDocument(fixture('be-thb-action-plan.excerpt.txt'), 'thb.txt');
    const adapt = doc.passages.find((p) => p.text.startsWith('Adapt the sheet'));
    expect(adapt).toMatchObject({
      kind: 'table_row',
      cells: ['Adapt the sheet for duty magistrates', 'College PGs', '2021-2022'],
    });
    expect(adapt?.sectionPath.at(-1)).toBe('2.2 Continuation of the criminal policy');
    const footnote = doc.passages.find((p) => p.kind === 'footnote' && p.text.startsWith('6 '));
    expect(footnote?.text).toBe('6 CTIF, Annual Report 2018, pp. 13-14.');
    // No passage keeps converter markup.
    expect(doc.passages.filter((p) => /<\/?(?:b|p|li|ul|sup)\b|\*\*/.test(p.text))).toEqual([]);
  });

  it('removes PDF content-stream garbage and keeps the sentence before it', async () => {
    const doc = await parseDocument(fixture('be-gcm-action-plan.excerpt.txt'), 'gcm-plan.txt');
    const all = doc.passages.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/fTQq|\]Tnts|841\.41/);
    expect(all).toContain(
      'The Belgian Immigration Office is responsible for the return of migrants in an irregular situation.',
    );
    expect(all).toContain('as also reflected in the 6th');
  });

  it('reads Dutch objective headings into sections and detects Dutch', async () => {
    const doc = await parseDocument(fixture('gcm-nl.excerpt.txt'), 'gcm-nl.txt');
    const heading = doc.passages.find((p) => p.kind === 'heading' && p.text.startsWith('DOELSTELLING 8'));
    expect(heading).toBeDefined();
    const inside = doc.passages.find((p) => p.text.startsWith('24. Wij verbinden ons ertoe'));
    expect(inside?.sectionPath.at(-1)).toMatch(/^DOELSTELLING 8: Levens redden/);
    expect(inside?.language).toBe('nl');
    expect(doc.language).toBe('nl');
  });

  it('gives the EMN study numbered sections and keeps statistics rows as table rows', async () => {
    const doc = await parseDocument(fixture('emn-study.excerpt.txt'), 'emn.txt');
    const levels = doc.passages.filter((p) => p.kind === 'heading').map((p) => [p.text.slice(0, 6), p.level]);
    expect(levels).toContainEqual(['1.1. O', 2]);
    expect(levels).toContainEqual(['1.1.1.', 3]);
    expect(doc.passages.find((p) => p.text.startsWith('Morocco'))?.kind).toBe('table_row');
    expect(doc.passages.some((p) => p.kind === 'footnote' && p.text.startsWith('2 The year 2017'))).toBe(
      true,
    );
  });
});

describe('readers chosen by content', () => {
  it('sniffs formats from bytes, not from the file name', async () => {
    expect(sniffFormat(makePdf([{ cells: ['x'] }]), 'report.txt')).toBe('pdf');
    expect(sniffFormat(await makeDocx([{ paragraph: 'x' }]), 'plan.pdf')).toBe('docx');
    expect(sniffFormat(utf8('<!DOCTYPE html><p>x</p>'), 'a.txt')).toBe('html');
    expect(sniffFormat(utf8('# Title'), 'notes.md')).toBe('markdown');
  });

  it('reads a PDF: lines by position, table columns as cells', async () => {
    const pdf = makePdf([
      { cells: ['4.2 Reception of victims'], bold: true },
      { cells: ['Project', 'Responsibility', 'Timing'], bold: true },
      { cells: ['Evaluate the funding of reception centres', 'FPS Justice', '2023'] },
    ]);
    const doc = await parseDocument(pdf, 'plan.pdf');
    expect(doc.format).toBe('pdf');
    const row = doc.passages.find((p) => p.kind === 'table_row' && p.text.startsWith('Evaluate'));
    expect(row).toMatchObject({
      cells: ['Evaluate the funding of reception centres', 'FPS Justice', '2023'],
      page: 1,
    });
    expect(row?.sectionPath).toEqual(['4.2 Reception of victims']);
  });

  it('reads a DOCX: headings and tables survive', async () => {
    const docx = await makeDocx([
      { heading: 'Action plan 2024' },
      { paragraph: 'The government will act.' },
      {
        table: [
          ['Action', 'Lead', 'Deadline'],
          ['Train border guards on child protection', 'Federal Police', 'Q2 2025'],
        ],
      },
    ]);
    const doc = await parseDocument(docx, 'plan.docx');
    expect(doc.format).toBe('docx');
    expect(doc.passages[0]).toMatchObject({ kind: 'heading', text: 'Action plan 2024' });
    expect(doc.passages.find((p) => p.kind === 'table_row' && p.text.startsWith('Train'))?.cells).toEqual([
      'Train border guards on child protection',
      'Federal Police',
      'Q2 2025',
    ]);
  });

  it('reads HTML without running or keeping scripts', async () => {
    const html =
      '<html><head><title>Plan</title><script>alert(1)</script></head><body><h2>Scope</h2><p>Text <b>bold</b>.</p><ul><li>One</li></ul></body></html>';
    const doc = await parseDocument(utf8(html), 'x.html');
    expect(doc.title).toBe('Plan');
    expect(doc.passages.map((p) => [p.kind, p.text])).toEqual([
      ['heading', 'Scope'],
      ['paragraph', 'Text bold.'],
      ['list_item', 'One'],
    ]);
  });
});

describe('hostile and corrupt files are rejected whole with a clear error', () => {
  const expectError = async (bytes: Uint8Array, code: string, message: RegExp, limits = DEFAULT_LIMITS) => {
    const err = await parseDocument(bytes, 'f', limits).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    expect((err as AppError).message).toMatch(message);
  };

  it('random bytes', () => expectError(randomBytes(4096), 'unsupported_format', /binary, not text/));
  it('an empty file', () => expectError(new Uint8Array(), 'corrupt_input', /empty/));
  it('a truncated PDF', () => {
    const pdf = makePdf([{ cells: ['Some text on a page'] }]);
    return expectError(
      pdf.subarray(0, Math.floor(pdf.length / 2)),
      'corrupt_input',
      /corrupt or truncated PDF/,
    );
  });
  it('an encrypted PDF', () =>
    expectError(makePdf([{ cells: ['secret'] }], { encrypted: true }), 'unsupported_format', /encrypted/));
  it('a zip that is not a DOCX', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await new JSZip().file('hello.txt', 'hi').generateAsync({ type: 'uint8array' });
    await expectError(zip, 'corrupt_input', /not a DOCX/);
  });
  it('a DOCX zip bomb, refused before inflating', async () => {
    const bomb = await makeDocx([{ paragraph: 'x' }], {
      name: 'word/media/bomb.bin',
      data: new Uint8Array(64 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectError(bomb, 'too_large', /zip bomb/);
  });
  it('a file over the size limit', () =>
    expectError(utf8('x'.repeat(2048)), 'too_large', /limit is 0\.0 MB/, {
      ...DEFAULT_LIMITS,
      maxBytes: 1024,
    }));
  it('a legacy .doc file', () =>
    expectError(
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'unsupported_format',
      /legacy Word/,
    ));
});
