import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../errors.ts';
import { login, logout } from '../../services/users.ts';
import { SESSION_COOKIE, setSessionCookie } from '../auth.ts';

const credentials = z.object({ email: z.string().email().max(254), password: z.string().min(1).max(1024) });
// Login is slowed per client address: brute force gets 10 tries a minute.
const loginRateLimit = { rateLimit: { max: 10, timeWindow: '1 minute' } };

export function authRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/v1/auth/login',
      { schema: { tags: ['auth'], body: credentials }, config: loginRateLimit },
      async (req, reply) => {
        const { token, session } = await login(db, req.body.email, req.body.password);
        setSessionCookie(req, reply, token, session.expiresAt);
        return {
          user: session.user,
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt.toISOString(),
        };
      },
    );
    // For API clients: the same login, answered with a bearer token instead of a cookie.
    app.post(
      '/api/v1/auth/token',
      { schema: { tags: ['auth'], body: credentials }, config: loginRateLimit },
      async (req) => {
        const { token, session } = await login(db, req.body.email, req.body.password);
        return { token, user: session.user, expiresAt: session.expiresAt.toISOString() };
      },
    );
    app.get('/api/v1/auth/session', { schema: { tags: ['auth'] } }, async (req) => {
      if (!req.session) throw new AppError('unauthorized', 'not signed in');
      return { user: req.session.user, csrfToken: req.session.csrfToken };
    });
    app.post('/api/v1/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
      const secret =
        req.cookies[SESSION_COOKIE] ?? /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (secret) await logout(db, secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });
  };
}
