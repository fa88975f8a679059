import type {} from '@fastify/cookie'; // adds req.cookies / reply.setCookie types
import type {} from '@fastify/multipart'; // adds req.isMultipart()
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/connection.ts';
import { AppError } from '../errors.ts';
import { allowed, type Permission } from '../services/permissions.ts';
import { csrfMatches, type Session, sessionFor, type User } from '../services/users.ts';

export const SESSION_COOKIE = 'gcmt_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    session?: Session;
    /** How the session arrived: a browser cookie (needs CSRF protection) or a bearer token. */
    sessionVia?: 'cookie' | 'bearer';
  }
}

/**
 * Sessions live in the database (servers stay stateless). A browser sends the httpOnly cookie and,
 * on every unsafe request, the session's CSRF token in `x-csrf-token`; API clients send
 * `Authorization: Bearer <token>` instead, which a foreign site cannot make a browser send.
 */
export function registerAuth(app: FastifyInstance, db: Database): void {
  app.addHook('onRequest', async (req) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const cookie = req.cookies[SESSION_COOKIE];
    const secret = bearer ?? cookie;
    if (!secret) return;
    const session = await sessionFor(db, secret);
    if (!session) return;
    req.session = session;
    req.sessionVia = bearer ? 'bearer' : 'cookie';
  });
  app.addHook('preHandler', async (req) => {
    if (SAFE_METHODS.has(req.method) || req.sessionVia !== 'cookie' || !req.session) return;
    const submitted = req.headers['x-csrf-token'];
    const body = req.body as { _csrf?: unknown } | undefined;
    // Multipart bodies are streamed after this hook, so a no-script upload form names its token in the URL.
    const query = req.isMultipart() ? (req.query as { _csrf?: unknown }) : undefined;
    const token = [submitted, body?._csrf, query?._csrf].find((x): x is string => typeof x === 'string');
    if (!csrfMatches(req.session, token)) {
      throw new AppError('forbidden', 'missing or wrong CSRF token', {
        hint: 'send the token from GET /api/v1/auth/session in x-csrf-token',
      });
    }
  });
}

/** The signed-in user allowed to do `permission`, or a 401/403 error. */
export function authorize(req: FastifyRequest, permission: Permission): User {
  const user = req.session?.user;
  if (!user) throw new AppError('unauthorized', 'sign in first');
  if (!allowed(user.role, permission))
    throw new AppError('forbidden', `the ${user.role} role may not ${permission.replace('.', ' ')}`);
  return user;
}

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure when the request came over TLS. */
export function setSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expires: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    expires,
  });
}

export { auditActor } from '../db/repositories/audit.ts';
