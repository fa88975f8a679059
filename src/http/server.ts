import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../db/connection.ts';
import type { Framework } from '../framework/schema.ts';
import { registerErrorHandler } from './errors.ts';
import { frameworkRoutes } from './routes/framework.ts';
import { healthRoutes } from './routes/health.ts';
import { pageRoutes } from './routes/pages.tsx';

export interface ServerDeps {
  db: Database;
  framework: Framework;
  /** pino logger options; `false` silences request logs (tests). */
  logger?: boolean | { level: string };
}

/** Builds the HTTP app (API + pages) without listening, so tests can `inject` requests. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? { level: 'info' }, trustProxy: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(healthRoutes(deps.db));
  await app.register(frameworkRoutes(deps.framework));
  await app.register(pageRoutes(deps.framework));
  return app;
}
