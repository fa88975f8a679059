import { createHash } from 'node:crypto';
import { type Database, type Queryable, queryOne } from '../db/connection.ts';
import { audit, auditActor } from '../db/repositories/audit.ts';
import { AppError } from '../errors.ts';
import type { User } from './users.ts';

/** Media types served as themselves; anything else is served as an opaque download. */
const SAFE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'text/csv']);

export interface AttachmentMeta {
  id: number;
  name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
}

export async function addAttachment(
  db: Database,
  file: { name: string; mediaType: string; bytes: Buffer },
  user: User,
): Promise<AttachmentMeta> {
  if (file.bytes.length === 0) throw new AppError('bad_request', 'the file is empty');
  const meta = {
    name: file.name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200) || 'file',
    media_type: SAFE_TYPES.has(file.mediaType) ? file.mediaType : 'application/octet-stream',
    size_bytes: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
  };
  return db.transaction(async (tx) => {
    const row = await queryOne<{ id: number }>(
      tx,
      `INSERT INTO attachment (name, media_type, size_bytes, sha256, data, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [meta.name, meta.media_type, meta.size_bytes, meta.sha256, file.bytes, user.id],
      'attachment insert',
    );
    await audit(tx, auditActor(user), {
      action: 'attachment.add',
      entity: 'attachment',
      entityId: row.id,
      after: meta,
    });
    return { id: row.id, ...meta };
  });
}

export async function getAttachment(db: Queryable, id: number): Promise<AttachmentMeta & { data: Buffer }> {
  const [row] = await db.query<AttachmentMeta & { data: Uint8Array }>(
    `SELECT id, name, media_type, size_bytes, sha256, data FROM attachment WHERE id = $1`,
    [id],
  );
  if (!row) throw new AppError('not_found', `attachment ${id} does not exist`);
  return { ...row, data: Buffer.from(row.data) };
}

/** Checks that attachment ids named as evidence exist. */
export async function assertAttachmentsExist(db: Queryable, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db.query<{ id: number }>(`SELECT id FROM attachment WHERE id = ANY($1::int[])`, [ids]);
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new AppError('bad_request', `unknown attachment ${missing.join(', ')}`);
}
