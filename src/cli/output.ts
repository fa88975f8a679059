/** The one output formatter of the CLI: every command that prints records goes through it. */
export type OutputFormat = 'table' | 'json' | 'jsonl' | 'csv';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function csvField(value: unknown): string {
  const s = cell(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A plain text table: columns padded to their widest value (capped), long values cut with "…". */
function table(rows: Record<string, unknown>[], columns: string[], maxWidth: number): string {
  const shown = rows.map((r) => columns.map((c) => cell(r[c]).replace(/\s+/g, ' ')));
  const widths = columns.map((c, i) =>
    Math.min(maxWidth, Math.max(c.length, ...shown.map((r) => r[i]?.length ?? 0))),
  );
  const clip = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (cells: string[]) =>
    cells
      .map((s, i) => clip(s, widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...shown.map(line)].join('\n');
}

/** Formats records; `columns` picks and orders fields for table and csv. */
export function formatRecords(
  rows: Record<string, unknown>[],
  format: OutputFormat,
  columns: string[] = Object.keys(rows[0] ?? {}),
  maxWidth = 60,
): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows, null, 2);
    case 'jsonl':
      return rows.map((r) => JSON.stringify(r)).join('\n');
    case 'csv':
      return [columns.join(','), ...rows.map((r) => columns.map((c) => csvField(r[c])).join(','))].join('\n');
    case 'table':
      return table(rows, columns, maxWidth);
  }
}
