import { AppError } from '../../errors.ts';
import type { RawDocument, SourceFormat } from '../types.ts';

/** True when the bytes look binary: NUL bytes or many control characters near the start. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return head.length > 0 && control / head.length > 0.05;
}

/** Decodes UTF-8 (with or without BOM), falling back to Windows-1252 for legacy exports. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Plain text and Markdown: each file line is a source line. */
export function readText(bytes: Uint8Array, format: SourceFormat = 'text'): RawDocument {
  if (looksBinary(bytes)) {
    throw new AppError('unsupported_format', 'the file is binary, not text', {
      hint: 'supported: PDF, DOCX, HTML, plain text and Markdown',
    });
  }
  const lines = decodeText(bytes)
    .split(/\r\n|\r|\n/)
    .map((text, i) => ({ text, line: i + 1 }));
  return { format, lines };
}
