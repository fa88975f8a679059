import JSZip from 'jszip';

/**
 * Generators for binary test inputs, so that real PDFs and DOCX files (and hostile variants)
 * are made by the test instead of stored as opaque blobs.
 */

export interface PdfLine {
  /** One string, or several cells placed in columns. */
  cells: string[];
  bold?: boolean;
}

const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** A valid one-page PDF (Helvetica text, columns at fixed x positions). */
export function makePdf(lines: PdfLine[], opts: { encrypted?: boolean } = {}): Uint8Array {
  const columns = [72, 300, 460];
  let y = 760;
  const ops: string[] = [];
  for (const line of lines) {
    line.cells.forEach((cell, i) => {
      ops.push(
        `BT /${line.bold ? 'F2' : 'F1'} 10 Tf ${columns[i] ?? 72 + i * 150} ${y} Td (${esc(cell)}) Tj ET`,
      );
    });
    y -= 16;
  }
  const stream = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>',
  ];
  if (opts.encrypted) {
    const h = '0123456789abcdef'.repeat(4);
    objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${h}> /U <${h}> /P -4 >>`);
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  const encrypt = opts.encrypted
    ? ` /Encrypt ${objects.length} 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]`
    : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const xmlEsc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string, bold = false) =>
  `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xmlEsc(text)}</w:t></w:r>`;

export type DocxBlock = { heading: string } | { paragraph: string } | { table: string[][] };

/** A minimal valid DOCX: headings, paragraphs and tables (first row bold, as in real plans). */
export async function makeDocx(
  blocks: DocxBlock[],
  extra?: { name: string; data: Uint8Array },
): Promise<Uint8Array> {
  const body = blocks
    .map((b) => {
      if ('heading' in b) return `<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>${run(b.heading)}</w:p>`;
      if ('paragraph' in b) return `<w:p>${run(b.paragraph)}</w:p>`;
      const rows = b.table
        .map(
          (cells, i) =>
            `<w:tr>${cells.map((c) => `<w:tc><w:p>${run(c, i === 0)}</w:p></w:tc>`).join('')}</w:tr>`,
        )
        .join('');
      return `<w:tbl>${rows}</w:tbl>`;
    })
    .join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', document);
  if (extra) zip.file(extra.name, extra.data);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Deterministic pseudo-random bytes (a fixed seed keeps failures reproducible). */
export function randomBytes(n: number, seed = 42): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}
