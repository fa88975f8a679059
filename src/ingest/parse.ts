import { dominantLanguage } from './language.ts';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.ts';
import { normalise } from './normalise.ts';
import { readDocument } from './read.ts';
import { structure } from './structure.ts';
import type { ParsedDocument, RawDocument } from './types.ts';

/** Source lines → passages with sections and languages. Pure. */
export function parseRaw(raw: RawDocument, filename = ''): ParsedDocument {
  const passages = structure(normalise(raw.lines));
  const firstHeading = passages.find((p) => p.kind === 'heading' && p.text.length > 3);
  const title =
    raw.title || firstHeading?.text || filename.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'Untitled';
  return { format: raw.format, title, language: dominantLanguage(passages), passages };
}

/** Bytes of any supported file → the document model. */
export async function parseDocument(
  bytes: Uint8Array,
  filename = '',
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<ParsedDocument> {
  return parseRaw(await readDocument(bytes, filename, limits), filename);
}
