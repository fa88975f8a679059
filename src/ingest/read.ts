import { AppError } from '../errors.ts';
import { DEFAULT_LIMITS, megabytes, type ReadLimits, withTimeout } from './limits.ts';
import { readText } from './readers/text.ts';
import type { RawDocument, SourceFormat } from './types.ts';

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** Decides the format from the bytes themselves; the file name only separates Markdown from text. */
export function sniffFormat(bytes: Uint8Array, filename = ''): SourceFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'docx'; // zip; verified by the reader
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError('unsupported_format', 'legacy Word/Office (.doc) files are not supported', {
      hint: 'save as DOCX or PDF',
    });
  }
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).trimStart().toLowerCase();
  if (/^(?:<!doctype html|<html[\s>])/.test(head) || /^<(?:head|body|meta|title)[\s>]/.test(head))
    return 'html';
  return /\.(?:md|markdown)$/i.test(filename) ? 'markdown' : 'text';
}

/** Reads any supported file into source lines, within the size and time limits. */
export async function readDocument(
  bytes: Uint8Array,
  filename = '',
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<RawDocument> {
  if (bytes.length === 0) throw new AppError('corrupt_input', 'the file is empty');
  if (bytes.length > limits.maxBytes) {
    throw new AppError(
      'too_large',
      `the file is ${megabytes(bytes.length)}, the limit is ${megabytes(limits.maxBytes)}`,
      {
        hint: 'set GCMT_MAX_FILE_MB to raise it',
      },
    );
  }
  const format = sniffFormat(bytes, filename);
  switch (format) {
    // Readers of binary formats load their libraries on first use: most documents are text.
    case 'pdf':
      return (await import('./readers/pdf.ts')).readPdf(bytes, limits);
    case 'docx': {
      const { readDocx } = await import('./readers/docx.ts');
      return withTimeout(readDocx(bytes, limits), limits.timeoutMs, 'reading the DOCX');
    }
    case 'html':
      return (await import('./readers/html.ts')).readHtml(bytes);
    case 'text':
    case 'markdown':
      return readText(bytes, format);
  }
}
