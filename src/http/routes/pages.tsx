import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Framework } from '../../framework/schema.ts';
import { pickLanguage } from '../../web/i18n.ts';
import { renderPage } from '../../web/layout.tsx';
import { HomePage } from '../../web/pages/home.tsx';

const pageQuery = z.object({ lang: z.string().optional() });

/** Server-rendered portal pages. A `?lang=` choice is remembered in a cookie. */
export function pageRoutes(framework: Framework): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/', { schema: { querystring: pageQuery, hide: true } }, async (req, reply) => {
      const cookieLang = /(?:^|;\s*)lang=(\w\w)/.exec(req.headers.cookie ?? '')?.[1];
      const lang = pickLanguage(req.query.lang, cookieLang, req.headers['accept-language']);
      if (req.query.lang === lang) {
        reply.header('set-cookie', `lang=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`);
      }
      return reply
        .type('text/html; charset=utf-8')
        .send(renderPage(<HomePage lang={lang} framework={framework} />));
    });
  };
}
