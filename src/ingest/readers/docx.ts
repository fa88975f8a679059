import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { AppError } from '../../errors.ts';
import { megabytes, type ReadLimits } from '../limits.ts';
import type { RawDocument } from '../types.ts';
import { htmlToLines } from './html.ts';

/**
 * Checks the zip's central directory before anything is inflated: declared sizes beyond the limit
 * or absurd compression ratios (zip bombs) are refused, and so is a package without a Word body.
 */
function inspectZip(bytes: Uint8Array, limits: ReadLimits): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) {
        reject(
          new AppError('corrupt_input', `not a readable DOCX (zip) file: ${err?.message ?? 'unknown error'}`),
        );
        return;
      }
      let total = 0;
      let hasBody = false;
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        if (entry.fileName === 'word/document.xml') hasBody = true;
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (total > limits.maxUnpackedBytes || (entry.uncompressedSize > 10 * 1024 * 1024 && ratio > 100)) {
          zip.close();
          reject(
            new AppError(
              'too_large',
              `DOCX unpacks to more than ${megabytes(limits.maxUnpackedBytes)} (zip bomb?)`,
              {
                hint: `entry ${entry.fileName} expands ${Math.round(ratio)}×`,
              },
            ),
          );
          return;
        }
        zip.readEntry();
      });
      zip.on('end', () =>
        hasBody
          ? resolve()
          : reject(new AppError('corrupt_input', 'zip file has no word/document.xml: not a DOCX')),
      );
      zip.on('error', (e: Error) => reject(new AppError('corrupt_input', `corrupt DOCX: ${e.message}`)));
      zip.readEntry();
    });
  });
}

/** DOCX → HTML (mammoth keeps headings, lists, tables and bold) → source lines. */
export async function readDocx(bytes: Uint8Array, limits: ReadLimits): Promise<RawDocument> {
  await inspectZip(bytes, limits);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (err) {
    throw new AppError('corrupt_input', `corrupt DOCX: ${(err as Error).message}`);
  }
  return { format: 'docx', ...htmlToLines(html) };
}
