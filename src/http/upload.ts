import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DOCUMENT_TYPES, type DocumentType } from '../db/repositories/documents.ts';
import { AppError } from '../errors.ts';
import { countryCode } from './schemas.ts';

export interface DocumentUpload {
  file: { name: string; bytes: Buffer };
  type: DocumentType;
  country?: string;
  title?: string;
}

/**
 * Reads a multipart document upload: exactly one file plus optional `type`, `country` and `title`
 * fields. The file is cut off at the configured size limit while streaming (413), before anything
 * is parsed or stored.
 */
export async function readDocumentUpload(req: FastifyRequest): Promise<DocumentUpload> {
  if (!req.isMultipart()) throw new AppError('bad_request', 'upload the file as multipart/form-data');
  const fields: Record<string, string> = {};
  let file: DocumentUpload['file'] | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (file) throw new AppError('bad_request', 'upload one file per request');
      file = { name: part.filename, bytes: await part.toBuffer() };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) throw new AppError('bad_request', 'no file in the upload');
  const type = fields.type ?? 'other';
  if (!(DOCUMENT_TYPES as readonly string[]).includes(type))
    throw new AppError('bad_request', `unknown document type ${type}`);
  return {
    file,
    type: type as DocumentType,
    ...(fields.country ? { country: countryCode.parse(fields.country) } : {}),
    ...(fields.title ? { title: fields.title.slice(0, 500) } : {}),
  };
}
