import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError } from '../errors.ts';
import { pickLanguage } from '../web/i18n.ts';
import { pageContext, renderPage } from '../web/layout.tsx';
import { ErrorPage } from '../web/pages/error.tsx';

/** Connection-level database failures (refused, reset, server shutting down): a 503, not a 500. */
function isDatabaseDown(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'EPIPE',
      'ETIMEDOUT',
      '57P01',
      '57P02',
      '57P03',
      '08000',
      '08001',
      '08003',
      '08006',
    ].includes(e.code ?? '') ||
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
      e.message ?? '',
    )
  );
}

/** Browsers asking for a page get the error as a page; API clients get the JSON shape. */
function send(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  error: { code: string; message: string; details?: unknown },
) {
  if (!req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html')) {
    const lang = pickLanguage(undefined, req.cookies?.lang, req.headers['accept-language']);
    const ctx = pageContext(lang, req.url.split('?')[0] ?? '/', req.session?.user, req.session?.csrfToken);
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(renderPage(<ErrorPage ctx={ctx} status={status} message={error.message} />));
  }
  return reply.status(status).send({ error });
}

/** The one error shape of the API: `{ error: { code, message, details? } }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      return send(req, reply, 400, {
        code: 'bad_request',
        message: 'request does not match the schema',
        details: err.validation,
      });
    }
    if (isAppError(err)) {
      return send(req, reply, err.httpStatus, {
        code: err.code,
        message: err.message,
        ...(err.hint ? { details: { hint: err.hint } } : {}),
      });
    }
    if (isDatabaseDown(err)) {
      req.log.warn({ err }, 'database unavailable');
      return send(req, reply, 503, {
        code: 'database_unavailable',
        message: 'the database is unavailable; try again shortly',
      });
    }
    if (err.statusCode && err.statusCode < 500) {
      return reply
        .status(err.statusCode)
        .send({ error: { code: err.code ?? 'bad_request', message: err.message } });
    }
    req.log.error({ err }, 'unhandled error');
    return send(req, reply, 500, { code: 'internal', message: 'internal error' });
  });
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `no route for ${req.method} ${req.url}` } }),
  );
}
