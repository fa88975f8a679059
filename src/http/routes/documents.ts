import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { DOCUMENT_TYPES } from '../../db/repositories/documents.ts';
import { AppError } from '../../errors.ts';
import { addAttachment } from '../../services/attachments.ts';
import { deleteDocument, getDocument, listDocuments } from '../../services/documents.ts';
import { ingestDocument } from '../../services/ingest.ts';
import type { JobQueue } from '../../services/jobs.ts';
import { auditActor, authorize } from '../auth.ts';
import { countryCode, idParams, pageQuery } from '../schemas.ts';
import { readDocumentUpload } from '../upload.ts';

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
        const { file, type, country, title } = await readDocumentUpload(req);
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
            type,
            ...(country ? { country } : {}),
            userId: user.id,
            label: user.email,
          });
          return reply.status(202).send({ jobId, status: `/api/v1/jobs/${jobId}` });
        }
        const result = await ingestDocument(db, {
          bytes: file.bytes,
          filename: file.name,
          type,
          ...(country ? { country } : {}),
          ...(title ? { title } : {}),
          by: auditActor(user),
        });
        return reply.status(result.created ? 201 : 200).send(result);
      },
    );
  };
}
