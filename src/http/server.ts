import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../db/connection.ts';
import type { Framework } from '../framework/schema.ts';
import { DEFAULT_LIMITS } from '../ingest/limits.ts';
import type { JobQueue } from '../services/jobs.ts';
import { registerAuth } from './auth.ts';
import { registerErrorHandler } from './errors.tsx';
import { actionRoutes } from './routes/actions.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { authRoutes } from './routes/auth.ts';
import { contributionRoutes } from './routes/contributions.ts';
import { documentRoutes } from './routes/documents.ts';
import { frameworkRoutes } from './routes/framework.ts';
import { healthRoutes } from './routes/health.ts';
import { pageRoutes } from './routes/pages.tsx';
import { reviewRoutes } from './routes/review.ts';
import { userRoutes } from './routes/users.ts';
import { workspaceRoutes } from './routes/workspace.tsx';

export interface ServerDeps {
  db: Database;
  framework: Framework;
  /** pino logger options; `false` silences request logs (tests). */
  logger?: boolean | { level: string };
  /** Largest upload in bytes (default: the ingest file limit). */
  maxUploadBytes?: number;
  /** The background job queue; without it, uploads are ingested within the request only. */
  jobs?: JobQueue;
}

/** Builds the HTTP app (API + pages) without listening, so tests can `inject` requests. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? { level: 'info' }, trustProxy: true, bodyLimit: 1024 * 1024 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  await app.register(rateLimit, { global: false });
  // Uploads beyond the limit are cut off while streaming, before anything is parsed or stored.
  await app.register(multipart, {
    limits: { fileSize: deps.maxUploadBytes ?? DEFAULT_LIMITS.maxBytes, files: 1, fields: 10 },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'GCM Tracker API', version: '1' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'gcmt_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/v1/docs' });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerAuth(app, deps.db);
  for (const routes of [
    healthRoutes(deps.db),
    frameworkRoutes(deps.framework),
    authRoutes(deps.db),
    userRoutes(deps.db),
    documentRoutes(deps.db, deps.jobs),
    actionRoutes(deps.db),
    attachmentRoutes(deps.db),
    reviewRoutes(deps.db),
    contributionRoutes(deps.db),
    pageRoutes(deps.db, deps.framework),
    workspaceRoutes(deps.db, deps.framework),
  ]) {
    await app.register(routes);
  }
  return app;
}
