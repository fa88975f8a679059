import { stringify } from 'csv-stringify/sync';
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { Review } from '../reviews.ts';

/** The review's actions as flat rows: the common shape of the CSV and XLSX exports. */
function actionRows(review: Review) {
  return review.sections.flatMap((s) =>
    s.actions.map((a) => ({
      objective: s.objective,
      action: a.title,
      status: a.status,
      overdue: a.overdue ? 'yes' : 'no',
      responsible: a.responsible.join('; '),
      start: a.start ?? '',
      end: a.end ?? '',
    })),
  );
}

export function reviewToCsv(review: Review): string {
  return stringify(actionRows(review), { header: true });
}

export async function reviewToXlsx(review: Review): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'GCM Tracker';
  const sheet = book.addWorksheet('Actions');
  sheet.columns = ['objective', 'action', 'status', 'overdue', 'responsible', 'start', 'end'].map((key) => ({
    header: key,
    key,
    width: key === 'action' ? 60 : 15,
  }));
  for (const r of actionRows(review)) sheet.addRow(r);
  const summary = book.addWorksheet('Objectives');
  summary.columns = [
    { header: 'objective', key: 'objective', width: 10 },
    { header: 'title', key: 'title', width: 70 },
    { header: 'actions', key: 'actions', width: 10 },
    { header: 'gap', key: 'gap', width: 8 },
  ];
  for (const s of review.sections)
    summary.addRow({
      objective: s.objective,
      title: s.title,
      actions: s.actions.length,
      gap: s.gap ? 'yes' : 'no',
    });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

export async function reviewToDocx(review: Review): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: review.title, heading: HeadingLevel.TITLE }),
  ];
  for (const s of review.sections) {
    children.push(
      new Paragraph({ text: `Objective ${s.objective}: ${s.title}`, heading: HeadingLevel.HEADING_1 }),
    );
    children.push(new Paragraph({ children: [new TextRun({ text: s.commitment, italics: true })] }));
    if (s.narrative) children.push(new Paragraph(s.narrative));
    if (s.gap)
      children.push(
        new Paragraph({
          children: [new TextRun({ text: 'Gap: no action is linked to this objective yet.', bold: true })],
        }),
      );
    if (s.actions.length) {
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              children: ['Action', 'Status', 'Responsible', 'Timing'].map((h) => cell(h, true)),
            }),
            ...s.actions.map(
              (a) =>
                new TableRow({
                  children: [
                    cell(a.title),
                    cell(`${a.status}${a.overdue ? ' (overdue)' : ''}`),
                    cell(a.responsible.join(', ')),
                    cell(a.start || a.end ? `${a.start ?? ''}–${a.end ?? ''}` : ''),
                  ],
                }),
            ),
          ],
        }),
      );
    }
    for (const p of s.progress)
      children.push(
        new Paragraph({
          text: `${p.date} — ${p.action}: ${p.status}${p.note ? `. ${p.note}` : ''}`,
          bullet: { level: 0 },
        }),
      );
    for (const c of s.contributions)
      children.push(new Paragraph({ text: `${c.author ?? 'Anonymous'}: ${c.text}`, bullet: { level: 0 } }));
  }
  return Packer.toBuffer(
    new Document({ creator: 'GCM Tracker', title: review.title, sections: [{ children }] }),
  );
}
