import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../errors.ts';
import { addAttachment, getAttachment } from '../../services/attachments.ts';
import { authorize } from '../auth.ts';
import { idParams } from '../schemas.ts';

/** Evidence files for progress updates and contributions. */
export function attachmentRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/attachments',
      { schema: { tags: ['attachments'], consumes: ['multipart/form-data'] } },
      async (req, reply) => {
        const user = authorize(req, 'attachment.add');
        if (!req.isMultipart()) throw new AppError('bad_request', 'upload the file as multipart/form-data');
        const part = await req.file();
        if (!part) throw new AppError('bad_request', 'no file in the upload');
        const bytes = await part.toBuffer();
        return reply
          .status(201)
          .send(await addAttachment(db, { name: part.filename, mediaType: part.mimetype, bytes }, user));
      },
    );
    app.get(
      '/api/v1/attachments/:id',
      { schema: { tags: ['attachments'], params: idParams } },
      async (req, reply) => {
        const file = await getAttachment(db, req.params.id);
        // Always a download, never rendered in our origin: an uploaded HTML file cannot run scripts here.
        reply.header('content-type', file.media_type);
        reply.header('content-disposition', `attachment; filename="${file.name.replace(/"/g, '')}"`);
        reply.header('x-content-type-options', 'nosniff');
        return reply.send(file.data);
      },
    );
  };
}
