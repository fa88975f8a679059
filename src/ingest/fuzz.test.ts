import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../../test/helpers/files.ts';
import { isAppError } from '../errors.ts';
import { extractActions } from '../extract/extract.ts';
import { parseDocument } from './parse.ts';

/**
 * Property: whatever the bytes, reading and extracting either succeeds or fails with an AppError
 * (a clear message) — never a crash, never a hang (vitest's timeout bounds each run).
 */
async function survives(bytes: Uint8Array): Promise<void> {
  try {
    extractActions(await parseDocument(bytes, 'fuzz'));
  } catch (err) {
    if (!isAppError(err)) throw err;
  }
}

// Text built from the pieces real documents are made of, so the generator reaches the tricky paths.
const piece = fc.constantFrom(
  'Project\tResponsibility\tTiming\n',
  '<b>Adapt the sheet</b>\tCollege PGs\t2021-2022\n',
  '**bold continuation**\n',
  '- list item\n',
  '<sup>4</sup> footnote\n',
  '### 2.1 Heading\n',
  'DOELSTELLING 3: titel\n',
  '\t\t2022\n',
  '---\t--\t---\n',
  '14(ce 30(a)12(re)7(1)-7a 5.32\n',
  'The group will act in 2022.\n',
  '\n',
  '<ul><li>- <b>x</b></li></ul>\t\t\n',
);

describe('fuzzing readers and extractor', () => {
  it('survives structured random documents', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(piece, fc.string({ maxLength: 40 })), { maxLength: 60 }),
        async (parts) => {
          await survives(new TextEncoder().encode(parts.join('')));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('survives arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => survives(bytes)),
      { numRuns: 300, seed: 11 },
    );
  });

  it('survives mutated PDFs', async () => {
    const pdf = makePdf([
      { cells: ['Project', 'Responsibility', 'Timing'] },
      { cells: ['Do it', 'FPS Justice', '2023'] },
    ]);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(pdf.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async (edits) => {
          const copy = pdf.slice();
          for (const [at, value] of edits) copy[at] = value;
          await survives(copy);
        },
      ),
      { numRuns: 100, seed: 3 },
    );
  });

  it('keeps extraction linear on long hostile lines', async () => {
    const line = `${'a('.repeat(20000)}\t${'/ '.repeat(20000)}\t${'2021 '.repeat(5000)}\n`;
    const doc = await parseDocument(
      new TextEncoder().encode(`Project\tResponsibility\tTiming\n${line}`),
      'x',
    );
    expect(doc.passages.length).toBeGreaterThan(0);
    expect(() => extractActions(doc)).not.toThrow();
  });
});
