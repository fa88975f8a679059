import { AppError } from '../errors.ts';

/** A page of a list: items and the cursor for the next page (absent on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface PageQuery {
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** Cursors are opaque to clients: the last id seen, base64url-encoded. */
export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{1,10}$/.test(decoded)) throw new AppError('bad_request', 'invalid cursor');
  return Number(decoded);
}

export function pageLimit(limit: number | undefined): number {
  return Math.min(200, Math.max(1, limit ?? 50));
}

/** Trims the one extra row fetched to know whether another page exists. */
export function toPage<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  return { items, nextCursor: Buffer.from(String(items.at(-1)?.id ?? 0)).toString('base64url') };
}
