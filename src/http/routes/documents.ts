import type {} from '@fastify/multipart'; // adds req.parts() / req.isMultipart() types
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../../db/repositories/documents.ts';
import { AppError } from '../../errors.ts';
import { addAttachment } from '../../services/attachments.ts';
import { deleteDocument, getDocument, listDocuments } from '../../services/documents.ts';
import { ingestDocument } from '../../services/ingest.ts';
import type { JobQueue } from '../../services/jobs.ts';
import { auditActor, authorize } from '../auth.ts';
import { countryCode, idParams, pageQuery } from '../schemas.ts';

export function documentRoutes(db: Database, jobs?: JobQueue): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/documents',
      {
        schema: {
          tags: ['documents'],
          querystring: pageQuery.extend({
            type: z.enum(DOCUMENT_TYPES).optional(),
            country: countryCode.optional(),
            language: z.string().max(3).optional(),
          }),
        },
      },
      async (req) => listDocuments(db, req.query),
    );
    app.get(
      '/api/v1/jobs/:id',
      { schema: { tags: ['documents'], params: z.object({ id: z.string().max(40) }) } },
      async (req) => {
        authorize(req, 'document.upload');
        if (!jobs) throw new AppError('not_found', 'background ingest is not enabled on this server');
        return jobs.status(req.params.id);
      },
    );
    app.get('/api/v1/documents/:id', { schema: { tags: ['documents'], params: idParams } }, async (req) =>
      getDocument(db, req.params.id),
    );
    app.delete(
      '/api/v1/documents/:id',
      { schema: { tags: ['documents'], params: idParams } },
      async (req, reply) => {
        const user = authorize(req, 'document.delete');
        await deleteDocument(db, req.params.id, user);
        return reply.status(204).send();
      },
    );
    // multipart/form-data: one file field plus optional type, country and title fields.
    app.post(
      '/api/v1/documents',
      {
        schema: {
          tags: ['documents'],
          consumes: ['multipart/form-data'],
          querystring: z.object({ async: z.enum(['true', 'false']).optional() }),
        },
      },
      async (req, reply) => {
        const user = authorize(req, 'document.upload');
        if (!req.isMultipart()) throw new AppError('bad_request', 'upload the file as multipart/form-data');
        const fields: Record<string, string> = {};
        let file: { name: string; bytes: Buffer } | undefined;
        for await (const part of req.parts()) {
          if (part.type === 'file') {
            if (file) throw new AppError('bad_request', 'upload one file per request');
            const bytes = await part.toBuffer(); // throws 413 beyond the limit, before ingesting anything
            file = { name: part.filename, bytes };
          } else if (typeof part.value === 'string') {
            fields[part.fieldname] = part.value;
          }
        }
        if (!file) throw new AppError('bad_request', 'no file in the upload');
        const type = fields.type ?? 'other';
        if (!(DOCUMENT_TYPES as readonly string[]).includes(type))
          throw new AppError('bad_request', `unknown document type ${type}`);
        const country = fields.country ? countryCode.parse(fields.country) : undefined;
        if (req.query.async === 'true') {
          if (!jobs) throw new AppError('bad_request', 'background ingest is not enabled on this server');
          // The file waits as an attachment; a worker on any instance ingests it.
          const stored = await addAttachment(
            db,
            { name: file.name, mediaType: 'application/octet-stream', bytes: file.bytes },
            user,
          );
          const jobId = await jobs.enqueueIngest({
            attachmentId: stored.id,
            filename: file.name,
            type: type as DocumentType,
            ...(country ? { country } : {}),
            userId: user.id,
            label: user.email,
          });
          return reply.status(202).send({ jobId, status: `/api/v1/jobs/${jobId}` });
        }
        const result = await ingestDocument(db, {
          bytes: file.bytes,
          filename: file.name,
          type: type as DocumentType,
          ...(country ? { country } : {}),
          ...(fields.title ? { title: fields.title.slice(0, 500) } : {}),
          by: auditActor(user),
        });
        return reply.status(result.created ? 201 : 200).send(result);
      },
    );
  };
}
