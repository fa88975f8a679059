import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { accountability, coverage } from '../../services/coverage.ts';
import { confirmAbove, decide, listSuggestions } from '../../services/review-queue.ts';
import { search } from '../../services/search.ts';
import { authorize } from '../auth.ts';
import { countryCode, idParams, pageQuery } from '../schemas.ts';

const objective = z.coerce.number().int().min(1).max(23);

/** Review queue (writes), and the read views built on links: coverage, accountability, search. */
export function reviewRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/review-queue',
      {
        schema: {
          tags: ['review'],
          querystring: pageQuery.extend({
            minScore: z.coerce.number().min(0).max(1).optional(),
            objective: objective.optional(),
            document: z.coerce.number().int().positive().optional(),
          }),
        },
      },
      async (req) =>
        listSuggestions(db, {
          cursor: req.query.cursor,
          limit: req.query.limit,
          minScore: req.query.minScore,
          objective: req.query.objective,
          documentId: req.query.document,
        }),
    );
    app.post(
      '/api/v1/links/:id/decision',
      {
        schema: {
          tags: ['review'],
          params: idParams,
          body: z.discriminatedUnion('decision', [
            z.object({ decision: z.literal('confirm') }),
            z.object({ decision: z.literal('reject') }),
            z.object({
              decision: z.literal('reassign'),
              objective: z.number().int().min(1).max(23),
              frameworkAction: z
                .string()
                .regex(/^[a-z]$/)
                .optional(),
            }),
          ]),
        },
      },
      async (req) => {
        const user = authorize(req, 'link.decide');
        return decide(db, req.params.id, req.body, user);
      },
    );
    app.post(
      '/api/v1/review-queue/confirm-above',
      {
        schema: {
          tags: ['review'],
          body: z.object({
            minScore: z.number().min(0.5).max(1),
            document: z.number().int().positive().optional(),
          }),
        },
      },
      async (req) => {
        const user = authorize(req, 'link.decide');
        return { confirmed: await confirmAbove(db, req.body.minScore, req.body.document, user) };
      },
    );
    app.get(
      '/api/v1/coverage',
      { schema: { tags: ['views'], querystring: z.object({ country: countryCode.optional() }) } },
      async (req) => ({
        objectives: await coverage(db, { country: req.query.country }),
      }),
    );
    app.get(
      '/api/v1/accountability',
      { schema: { tags: ['views'], querystring: z.object({ country: countryCode.optional() }) } },
      async (req) => ({
        actors: await accountability(db, { country: req.query.country }),
      }),
    );
    app.get(
      '/api/v1/search',
      {
        schema: {
          tags: ['views'],
          querystring: z.object({
            q: z.string().min(1).max(500),
            lang: z.enum(['en', 'nl', 'fr', 'de']).optional(),
            objective: objective.optional(),
            type: z.string().max(40).optional(),
            country: countryCode.optional(),
            actor: z.coerce.number().int().positive().optional(),
            year: z.coerce.number().int().min(1950).max(2200).optional(),
            limit: z.coerce.number().int().min(1).max(100).optional(),
          }),
        },
      },
      async (req) => search(db, { ...req.query, actorId: req.query.actor }),
    );
  };
}
