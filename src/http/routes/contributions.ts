import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { listContributions, moderateContribution, submitContribution } from '../../services/contributions.ts';
import { EXPORT_FORMATS, exportReview, MEDIA_TYPES } from '../../services/export/index.ts';
import { buildReview, buildSynthesis } from '../../services/reviews.ts';
import { authorize } from '../auth.ts';
import { countryCode, idParams, pageQuery } from '../schemas.ts';

/** Stakeholder contributions and the reports that include them. */
export function contributionRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/contributions',
      {
        schema: {
          tags: ['contributions'],
          querystring: pageQuery.extend({
            state: z.enum(['pending', 'approved', 'rejected']).optional(),
            objective: z.coerce.number().int().min(1).max(23).optional(),
          }),
        },
      },
      async (req) => {
        // Only moderators see what is not (yet) approved.
        if (req.query.state && req.query.state !== 'approved') authorize(req, 'contribution.moderate');
        return listContributions(db, req.query);
      },
    );
    app.post(
      '/api/v1/contributions',
      {
        schema: {
          tags: ['contributions'],
          body: z.object({
            text: z.string().min(20).max(20000),
            objectives: z.array(z.number().int().min(1).max(23)).min(1).max(23),
            country: countryCode.optional(),
          }),
        },
      },
      async (req, reply) => {
        const user = authorize(req, 'contribution.submit');
        return reply.status(201).send({ id: await submitContribution(db, req.body, user), state: 'pending' });
      },
    );
    app.post(
      '/api/v1/contributions/:id/moderation',
      {
        schema: {
          tags: ['contributions'],
          params: idParams,
          body: z.object({ decision: z.enum(['approved', 'rejected']) }),
        },
      },
      async (req) => {
        const user = authorize(req, 'contribution.moderate');
        await moderateContribution(db, req.params.id, req.body.decision, user);
        return { id: req.params.id, state: req.body.decision };
      },
    );
    app.get(
      '/api/v1/reviews/draft',
      {
        schema: {
          tags: ['reviews'],
          querystring: z.object({
            country: countryCode,
            since: z.iso.date().optional(),
            format: z.enum(EXPORT_FORMATS).default('json'),
            lang: z.enum(['en', 'nl', 'fr', 'de']).optional(),
          }),
        },
      },
      async (req, reply) => {
        const review = await buildReview(db, {
          country: req.query.country,
          since: req.query.since,
          lang: req.query.lang ?? 'en',
        });
        const body = await exportReview(review, req.query.format);
        reply.header('content-type', MEDIA_TYPES[req.query.format]);
        if (!['json', 'html'].includes(req.query.format)) {
          reply.header(
            'content-disposition',
            `attachment; filename="gcm-review-${req.query.country}.${req.query.format}"`,
          );
        }
        return reply.send(body);
      },
    );
    app.get(
      '/api/v1/reviews/synthesis',
      {
        schema: {
          tags: ['reviews'],
          querystring: z.object({ countries: z.string().regex(/^[A-Za-z]{2}(,[A-Za-z]{2})*$/) }),
        },
      },
      async (req) => ({ objectives: await buildSynthesis(db, req.query.countries.toUpperCase().split(',')) }),
    );
  };
}
