import { dominantLanguage } from './language.ts';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.ts';
import { normalise } from './normalise.ts';
import { readDocument } from './read.ts';
import { structure } from './structure.ts';
import type { ParsedDocument, Passage, RawDocument } from './types.ts';

/** The first short, title-like passage near the top (a cover page). */
function coverTitle(passages: Passage[]): string | undefined {
  return passages
    .slice(0, 10)
    .find(
      (p) =>
        (p.kind === 'heading' || p.kind === 'paragraph') &&
        p.text.length >= 10 &&
        p.text.length <= 200 &&
        !/[.:;]$/.test(p.text) &&
        !p.text.includes('\n'),
    )?.text;
}

/** Source lines → passages with sections and languages. Pure. */
export function parseRaw(raw: RawDocument, filename = ''): ParsedDocument {
  const passages = structure(normalise(raw.lines));
  const fromName = filename.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const title = raw.title || coverTitle(passages) || fromName || 'Untitled';
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
