import { AppError } from '../../errors.ts';
import { type ReadLimits, withTimeout } from '../limits.ts';
import type { RawDocument, SourceLine } from '../types.ts';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/**
 * Rebuilds lines from positioned text items: items on one baseline form a line, and a wide
 * horizontal gap between items becomes a tab, so table columns survive as cells.
 */
function pageLines(items: TextItem[], page: number, firstLine: number): SourceLine[] {
  const rows: { y: number; items: TextItem[] }[] = [];
  for (const item of items) {
    if (!item.str) continue;
    const y = item.transform[5] ?? 0;
    const tolerance = Math.max(2, (item.height || 10) * 0.4);
    const row = rows.find((r) => Math.abs(r.y - y) <= tolerance);
    if (row) row.items.push(item);
    else rows.push({ y, items: [item] });
  }
  rows.sort((a, b) => b.y - a.y); // PDF y grows upwards
  return rows.map((row, i) => {
    row.items.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    let columnGap = false;
    for (const item of row.items) {
      const x = item.transform[4] ?? 0;
      const fontSize = Math.abs(item.transform[0] ?? 0) || item.height || 10;
      const wide = Math.max(12, fontSize * 2.5);
      if (item.str.trim() === '') {
        // pdf.js reports the space between columns as one wide blank item.
        if (item.width > wide) columnGap = true;
        continue;
      }
      const gap = x - end;
      if (text !== '')
        text += columnGap || gap > wide ? '\t' : gap > fontSize * 0.15 && !/\s$/.test(text) ? ' ' : '';
      text += item.str;
      end = x + item.width;
      columnGap = false;
    }
    return { text, line: firstLine + i, page };
  });
}

/** PDF text with pdf.js (legacy build for Node 20). Encrypted, truncated or corrupt files are refused. */
export async function readPdf(bytes: Uint8Array, limits: ReadLimits): Promise<RawDocument> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  });
  try {
    const doc = await withTimeout(task.promise, limits.timeoutMs, 'opening the PDF');
    if (doc.numPages > limits.maxPages) {
      throw new AppError('too_large', `PDF has ${doc.numPages} pages, limit ${limits.maxPages}`);
    }
    const lines: SourceLine[] = [];
    const deadline = Date.now() + limits.timeoutMs;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await withTimeout(doc.getPage(p), Math.max(1, deadline - Date.now()), 'reading the PDF');
      const content = await withTimeout(
        page.getTextContent(),
        Math.max(1, deadline - Date.now()),
        'reading the PDF',
      );
      lines.push(...pageLines(content.items as TextItem[], p, lines.length + 1));
      lines.push({ text: '', line: lines.length + 1, page: p });
      page.cleanup();
    }
    const meta = await doc.getMetadata().catch(() => undefined);
    const title = (meta?.info as { Title?: string } | undefined)?.Title?.trim();
    return { format: 'pdf', lines, ...(title ? { title } : {}) };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const name = (err as Error).name;
    if (name === 'PasswordException') {
      throw new AppError('unsupported_format', 'the PDF is encrypted (password protected)', {
        hint: 'export an unprotected copy',
      });
    }
    throw new AppError('corrupt_input', `corrupt or truncated PDF: ${(err as Error).message}`);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
