import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError } from '../errors.ts';

/** The one error shape of the API: `{ error: { code, message, details? } }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.status(400).send({
        error: { code: 'bad_request', message: 'request does not match the schema', details: err.validation },
      });
    }
    if (isAppError(err)) {
      return reply.status(err.httpStatus).send({
        error: { code: err.code, message: err.message, ...(err.hint ? { details: { hint: err.hint } } : {}) },
      });
    }
    if (err.statusCode && err.statusCode < 500) {
      return reply
        .status(err.statusCode)
        .send({ error: { code: err.code ?? 'bad_request', message: err.message } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'internal error' } });
  });
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `no route for ${req.method} ${req.url}` } }),
  );
}
