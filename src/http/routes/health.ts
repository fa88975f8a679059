import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/connection.ts';

/** Liveness and database reachability, for load balancers and `npm start` checks. */
export function healthRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/health', async (_req, reply) => {
      try {
        await db.query('SELECT 1');
        return { status: 'ok', database: db.engine };
      } catch {
        return reply
          .status(503)
          .send({ error: { code: 'database_unavailable', message: 'database unreachable' } });
      }
    });
  };
}
