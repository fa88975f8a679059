import type { Review } from '../reviews.ts';
import { reviewToHtml } from './html.tsx';
import { reviewToMarkdown } from './markdown.ts';

export const EXPORT_FORMATS = ['md', 'html', 'json', 'csv', 'xlsx', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** One review, any export format: the CLI and the API both call this. */
export async function exportReview(review: Review, format: ExportFormat): Promise<Buffer> {
  switch (format) {
    case 'md':
      return Buffer.from(reviewToMarkdown(review));
    case 'html':
      return Buffer.from(reviewToHtml(review));
    case 'json':
      return Buffer.from(JSON.stringify(review, null, 2));
    // Office and PDF libraries are large: loaded only when a format needs them.
    case 'csv':
      return Buffer.from((await import('./office.ts')).reviewToCsv(review));
    case 'xlsx':
      return (await import('./office.ts')).reviewToXlsx(review);
    case 'docx':
      return (await import('./office.ts')).reviewToDocx(review);
    case 'pdf':
      return (await import('./pdf.ts')).htmlToPdf(reviewToHtml(review));
  }
}
