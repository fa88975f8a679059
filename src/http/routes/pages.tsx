import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { getObjective } from '../../framework/load.ts';
import type { Framework } from '../../framework/schema.ts';
import { getAction, listActions } from '../../services/actions.ts';
import { listContributions } from '../../services/contributions.ts';
import { coverage, passagesFor } from '../../services/coverage.ts';
import { getDocument, listDocuments } from '../../services/documents.ts';
import { allowed } from '../../services/permissions.ts';
import { search } from '../../services/search.ts';
import { pickLanguage } from '../../web/i18n.ts';
import { type PageContext, pageContext, renderPage } from '../../web/layout.tsx';
import {
  ActionPage,
  DocumentPage,
  DocumentsPage,
  ObjectivePage,
  OverviewPage,
  SearchPage,
} from '../../web/pages/portal.tsx';
import { ActionEditor } from '../../web/pages/workspace.tsx';
import { idParams } from '../schemas.ts';

const APP_JS = readFileSync(join(import.meta.dirname, '../../web/static/app.js'), 'utf8');

/** The page context of a request: UI language (remembered in a cookie), user, CSRF token. */
export function contextFor(req: FastifyRequest, reply: FastifyReply): PageContext {
  const query = (req.query ?? {}) as { lang?: string };
  const lang = pickLanguage(query.lang, req.cookies.lang, req.headers['accept-language']);
  if (query.lang === lang) reply.setCookie('lang', lang, { path: '/', maxAge: 31536000, sameSite: 'lax' });
  const path = req.url.replace(/([?&])lang=[^&]*&?/, '$1').replace(/[?&]$/, '');
  return pageContext(lang, path, req.session?.user, req.session?.csrfToken);
}

export function sendPage(reply: FastifyReply, node: preact.VNode, status = 200) {
  return reply.status(status).type('text/html; charset=utf-8').send(renderPage(node));
}

const langQuery = z.object({ lang: z.string().optional() }).passthrough();

/** The public portal: server-rendered pages on top of the same services as the API. */
export function pageRoutes(db: Database, framework: Framework): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/static/app.js', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(APP_JS),
    );
    app.get('/', { schema: { hide: true, querystring: langQuery } }, async (req, reply) => {
      const ctx = contextFor(req, reply);
      const [cov, overdue, sample] = await Promise.all([
        coverage(db),
        listActions(db, { overdue: true, limit: 20 }),
        db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM document WHERE provenance->>'sample' = 'true'`,
        ),
      ]);
      return sendPage(
        reply,
        <OverviewPage
          ctx={ctx}
          framework={framework}
          coverage={cov}
          overdue={overdue.items}
          sample={(sample[0]?.n ?? 0) > 0}
        />,
      );
    });
    app.get(
      '/objectives/:id',
      { schema: { hide: true, params: idParams, querystring: langQuery } },
      async (req, reply) => {
        const ctx = contextFor(req, reply);
        const objective = getObjective(framework, req.params.id);
        const actions = await listActions(db, { objective: objective.number, limit: 200 });
        const passages = await passagesFor(db, objective.number);
        const contributions = await listContributions(db, { objective: objective.number, limit: 20 });
        return sendPage(
          reply,
          <ObjectivePage
            ctx={ctx}
            objective={objective}
            actions={actions.items}
            passages={passages}
            contributions={contributions.items}
          />,
        );
      },
    );
    app.get(
      '/actions/:id',
      { schema: { hide: true, params: idParams, querystring: langQuery } },
      async (req, reply) => {
        const ctx = contextFor(req, reply);
        const action = await getAction(db, req.params.id);
        const user = ctx.user;
        const editor =
          user && allowed(user.role, 'action.update') ? <ActionEditor ctx={ctx} action={action} /> : null;
        return sendPage(reply, <ActionPage ctx={ctx} action={action} editor={editor} />);
      },
    );
    app.get('/documents', { schema: { hide: true, querystring: langQuery } }, async (req, reply) => {
      const ctx = contextFor(req, reply);
      return sendPage(
        reply,
        <DocumentsPage ctx={ctx} documents={(await listDocuments(db, { limit: 200 })).items} />,
      );
    });
    app.get(
      '/documents/:id',
      { schema: { hide: true, params: idParams, querystring: langQuery } },
      async (req, reply) => {
        const ctx = contextFor(req, reply);
        return sendPage(reply, <DocumentPage ctx={ctx} doc={await getDocument(db, req.params.id)} />);
      },
    );
    app.get(
      '/search',
      {
        schema: {
          hide: true,
          querystring: z.object({
            q: z.string().max(500).optional(),
            lang: z.string().optional(),
            type: z.string().max(40).optional(),
            objective: z.coerce.number().int().min(1).max(23).optional(),
          }),
        },
      },
      async (req, reply) => {
        const ctx = contextFor(req, reply);
        const q = req.query.q?.trim() ?? '';
        const queryLang =
          req.query.lang && ['en', 'nl', 'fr', 'de'].includes(req.query.lang)
            ? (req.query.lang as 'en')
            : undefined;
        const result = q
          ? await search(db, { q, lang: queryLang, type: req.query.type, objective: req.query.objective })
          : undefined;
        return sendPage(reply, <SearchPage ctx={ctx} q={q} result={result} />);
      },
    );
  };
}
