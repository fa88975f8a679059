import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { isAppError } from '../../errors.ts';
import type { Framework } from '../../framework/schema.ts';
import { addProgress, getAction, STATUSES, updateAction } from '../../services/actions.ts';
import { listContributions, moderateContribution } from '../../services/contributions.ts';
import { ingestDocument } from '../../services/ingest.ts';
import { allowed, ROLES } from '../../services/permissions.ts';
import { confirmAbove, decide, listSuggestions } from '../../services/review-queue.ts';
import { getNarratives, saveNarratives } from '../../services/reviews.ts';
import { createUser, listUsers, login, logout } from '../../services/users.ts';
import { ActionPage } from '../../web/pages/portal.tsx';
import {
  ActionEditor,
  LoginPage,
  ReviewBuilderPage,
  UsersPage,
  WorkspacePage,
} from '../../web/pages/workspace.tsx';
import { auditActor, authorize, SESSION_COOKIE, setSessionCookie } from '../auth.ts';
import { countryCode, idParams } from '../schemas.ts';
import { readDocumentUpload } from '../upload.ts';
import { contextFor, sendPage } from './pages.tsx';

/** Only same-site paths are valid redirect targets after login. */
const safeNext = (next: string | undefined) =>
  next && /^\/(?!\/)[\w\-/?=&.%]*$/.test(next) ? next : '/workspace';

function requireSession(req: FastifyRequest, reply: FastifyReply): boolean {
  if (req.session) return true;
  void reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
  return false;
}

/** The signed-in workspace: HTML forms (working without scripts) on top of the same services. */
export function workspaceRoutes(db: Database, framework: Framework): FastifyPluginAsyncZod {
  /** The review builder with the stored narratives; after a lost race, with the conflict message. */
  const reviewBuilder = async (
    req: FastifyRequest,
    reply: FastifyReply,
    country: string,
    conflict = false,
  ) => {
    const stored = await getNarratives(db, country);
    const page = (
      <ReviewBuilderPage
        ctx={contextFor(req, reply)}
        framework={framework}
        country={country}
        narratives={stored.narratives}
        version={stored.version}
        conflict={conflict}
      />
    );
    return sendPage(reply, page, conflict ? 409 : 200);
  };

  return async (app) => {
    app.get(
      '/login',
      {
        schema: {
          hide: true,
          querystring: z.object({ next: z.string().max(500).optional(), lang: z.string().optional() }),
        },
      },
      async (req, reply) =>
        sendPage(reply, <LoginPage ctx={contextFor(req, reply)} next={safeNext(req.query.next)} />),
    );
    app.post(
      '/login',
      {
        schema: {
          hide: true,
          body: z.object({
            email: z.string().max(254),
            password: z.string().max(1024),
            next: z.string().max(500).optional(),
          }),
        },
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        try {
          const { token, session } = await login(db, req.body.email, req.body.password);
          setSessionCookie(req, reply, token, session.expiresAt);
          return reply.redirect(safeNext(req.body.next), 303);
        } catch (err) {
          if (!isAppError(err) || err.code !== 'unauthorized') throw err;
          return sendPage(
            reply,
            <LoginPage ctx={contextFor(req, reply)} error next={safeNext(req.body.next)} />,
            401,
          );
        }
      },
    );
    app.post('/logout', { schema: { hide: true } }, async (req, reply) => {
      const secret = req.cookies[SESSION_COOKIE];
      if (secret) await logout(db, secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/', 303);
    });
    app.get('/workspace', { schema: { hide: true } }, async (req, reply) => {
      if (!requireSession(req, reply)) return reply;
      const ctx = contextFor(req, reply);
      const role = req.session?.user.role ?? 'reader';
      const queue = allowed(role, 'link.decide')
        ? (await listSuggestions(db, { limit: 25, minScore: 0.3 })).items
        : [];
      const pending = allowed(role, 'contribution.moderate')
        ? (await listContributions(db, { state: 'pending', limit: 50 })).items
        : [];
      return sendPage(
        reply,
        <WorkspacePage ctx={ctx} framework={framework} queue={queue} pending={pending} />,
      );
    });
    app.post('/workspace/upload', { schema: { hide: true } }, async (req, reply) => {
      const user = authorize(req, 'document.upload');
      const { file, type, country } = await readDocumentUpload(req);
      const r = await ingestDocument(db, {
        bytes: file.bytes,
        filename: file.name,
        type,
        ...(country ? { country } : {}),
        by: auditActor(user),
      });
      return reply.redirect(`/documents/${r.documentId}`, 303);
    });
    app.post(
      '/workspace/links/:id',
      {
        schema: {
          hide: true,
          params: idParams,
          body: z
            .object({ decision: z.enum(['confirm', 'reject', 'reassign']), objective: z.string().optional() })
            .passthrough(),
        },
      },
      async (req, reply) => {
        const user = authorize(req, 'link.decide');
        const { decision } = req.body;
        if (decision === 'reassign') {
          const objective = z.coerce.number().int().min(1).max(23).parse(req.body.objective);
          await decide(db, req.params.id, { decision, objective }, user);
        } else {
          await decide(db, req.params.id, { decision }, user);
        }
        return reply.redirect('/workspace#queue-h', 303);
      },
    );
    app.post(
      '/workspace/confirm-above',
      {
        schema: { hide: true, body: z.object({ minScore: z.coerce.number().min(0.5).max(1) }).passthrough() },
      },
      async (req, reply) => {
        const user = authorize(req, 'link.decide');
        await confirmAbove(db, req.body.minScore, undefined, user);
        return reply.redirect('/workspace#queue-h', 303);
      },
    );
    app.post(
      '/workspace/contributions/:id',
      {
        schema: {
          hide: true,
          params: idParams,
          body: z.object({ decision: z.enum(['approved', 'rejected']) }).passthrough(),
        },
      },
      async (req, reply) => {
        const user = authorize(req, 'contribution.moderate');
        await moderateContribution(db, req.params.id, req.body.decision, user);
        return reply.redirect('/workspace#mod-h', 303);
      },
    );
    app.post(
      '/actions/:id/edit',
      {
        schema: {
          hide: true,
          params: idParams,
          body: z
            .object({
              version: z.coerce.number().int().positive(),
              title: z.string().min(1).max(500),
              status: z.enum(STATUSES),
            })
            .passthrough(),
        },
      },
      async (req, reply) => {
        const user = authorize(req, 'action.update');
        const ctx = contextFor(req, reply);
        try {
          await updateAction(
            db,
            req.params.id,
            req.body.version,
            { title: req.body.title, status: req.body.status },
            user,
          );
        } catch (err) {
          if (!isAppError(err) || err.code !== 'conflict') throw err;
          // Show the other person's version with the message; nothing of theirs is overwritten.
          const current = await getAction(db, req.params.id);
          return sendPage(
            reply,
            <ActionPage
              ctx={ctx}
              action={current}
              editor={<ActionEditor ctx={ctx} action={current} message="conflict" />}
            />,
            409,
          );
        }
        const saved = await getAction(db, req.params.id);
        return sendPage(
          reply,
          <ActionPage
            ctx={ctx}
            action={saved}
            editor={<ActionEditor ctx={ctx} action={saved} message="saved" />}
          />,
        );
      },
    );
    app.post(
      '/actions/:id/progress',
      {
        schema: {
          hide: true,
          params: idParams,
          body: z
            .object({
              date: z.iso.date(),
              status: z.enum(STATUSES),
              note: z.string().max(10000).optional(),
              url: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).optional(),
            })
            .passthrough(),
        },
      },
      async (req, reply) => {
        const user = authorize(req, 'progress.add');
        const { date, status, note, url } = req.body;
        await addProgress(
          db,
          req.params.id,
          { date, status, ...(note ? { note } : {}), evidence: url ? [{ url }] : [] },
          user,
        );
        return reply.redirect(`/actions/${req.params.id}`, 303);
      },
    );
    app.get(
      '/workspace/review',
      {
        schema: {
          hide: true,
          querystring: z.object({ country: countryCode.default('BE'), lang: z.string().optional() }),
        },
      },
      async (req, reply) => {
        if (!requireSession(req, reply)) return reply;
        return reviewBuilder(req, reply, req.query.country);
      },
    );
    app.post(
      '/workspace/review',
      {
        schema: {
          hide: true,
          querystring: z.object({ country: countryCode.default('BE') }),
          body: z.record(z.string(), z.string().max(20000)),
        },
      },
      async (req, reply) => {
        const user = authorize(req, 'review.write');
        const narratives: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.body)) {
          const m = /^n(\d{1,2})$/.exec(k);
          if (m && v.trim()) narratives[m[1] as string] = v.trim();
        }
        try {
          await saveNarratives(db, req.query.country, narratives, Number(req.body.version ?? 0), user);
        } catch (err) {
          if (!isAppError(err) || err.code !== 'conflict') throw err;
          return reviewBuilder(req, reply, req.query.country, true);
        }
        return reply.redirect(`/workspace/review?country=${req.query.country}`, 303);
      },
    );
    app.get('/workspace/users', { schema: { hide: true } }, async (req, reply) => {
      if (!requireSession(req, reply)) return reply;
      authorize(req, 'user.manage');
      return sendPage(reply, <UsersPage ctx={contextFor(req, reply)} users={await listUsers(db)} />);
    });
    app.post(
      '/workspace/users',
      {
        schema: {
          hide: true,
          body: z
            .object({
              email: z.string().email().max(254),
              password: z.string().max(1024),
              role: z.enum(ROLES),
            })
            .passthrough(),
        },
      },
      async (req, reply) => {
        const admin = authorize(req, 'user.manage');
        try {
          await createUser(
            db,
            { email: req.body.email, password: req.body.password, role: req.body.role },
            auditActor(admin),
          );
        } catch (err) {
          if (!isAppError(err) || !['bad_request', 'conflict'].includes(err.code)) throw err;
          return sendPage(
            reply,
            <UsersPage ctx={contextFor(req, reply)} users={await listUsers(db)} error={err.message} />,
            400,
          );
        }
        return reply.redirect('/workspace/users', 303);
      },
    );
  };
}
