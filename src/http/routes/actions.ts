import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { AppError } from '../../errors.ts';
import {
  addProgress,
  createAction,
  getAction,
  listActions,
  STATUSES,
  updateAction,
} from '../../services/actions.ts';
import { authorize } from '../auth.ts';
import { idParams, pageQuery, queryBoolean } from '../schemas.ts';

const year = z.number().int().min(1950).max(2200);

/** The fields a person sets on an action: all of them when creating it, any of them when editing. */
const actionFields = z.object({
  title: z.string().min(1).max(500),
  text: z.string().max(20000).optional(),
  status: z.enum(STATUSES).optional(),
  startYear: year.nullable().optional(),
  endYear: year.nullable().optional(),
});
const etag = (version: number) => `W/"${version}"`;

/** The version a client read: from If-Match (an ETag we sent) or from the body. */
function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const fromHeader = ifMatch ? /^(?:W\/)?"(\d+)"$/.exec(ifMatch.trim())?.[1] : undefined;
  const version = fromHeader !== undefined ? Number(fromHeader) : bodyVersion;
  if (version === undefined) {
    throw new AppError('bad_request', 'say which version you are changing', {
      hint: 'send If-Match with the ETag, or "version" in the body',
    });
  }
  return version;
}

export function actionRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/actions',
      {
        schema: {
          tags: ['actions'],
          querystring: pageQuery.extend({
            document: z.coerce.number().int().positive().optional(),
            status: z.enum(STATUSES).optional(),
            actor: z.coerce.number().int().positive().optional(),
            objective: z.coerce.number().int().min(1).max(23).optional(),
            overdue: queryBoolean.optional(),
          }),
        },
      },
      async (req) =>
        listActions(db, {
          cursor: req.query.cursor,
          limit: req.query.limit,
          documentId: req.query.document,
          status: req.query.status,
          actorId: req.query.actor,
          objective: req.query.objective,
          overdue: req.query.overdue,
        }),
    );
    app.get(
      '/api/v1/actions/:id',
      { schema: { tags: ['actions'], params: idParams } },
      async (req, reply) => {
        const action = await getAction(db, req.params.id);
        reply.header('etag', etag(action.version));
        return action;
      },
    );
    app.post(
      '/api/v1/actions',
      {
        schema: {
          tags: ['actions'],
          body: actionFields.extend({
            planId: z.number().int().positive().optional(),
            actors: z
              .array(
                z.object({ actorId: z.number().int().positive(), role: z.enum(['lead', 'contributor']) }),
              )
              .max(50)
              .optional(),
          }),
        },
      },
      async (req, reply) => {
        const user = authorize(req, 'action.create');
        const id = await createAction(db, req.body, user);
        return reply.status(201).send(await getAction(db, id));
      },
    );
    app.patch(
      '/api/v1/actions/:id',
      {
        schema: {
          tags: ['actions'],
          params: idParams,
          body: actionFields.partial().extend({ version: z.number().int().positive().optional() }),
        },
      },
      async (req, reply) => {
        const user = authorize(req, 'action.update');
        const { version, ...patch } = req.body;
        const updated = await updateAction(
          db,
          req.params.id,
          expectedVersion(req.headers['if-match'], version),
          patch,
          user,
        );
        reply.header('etag', etag(updated.version));
        return updated;
      },
    );
    app.post(
      '/api/v1/actions/:id/progress',
      {
        schema: {
          tags: ['actions'],
          params: idParams,
          body: z.object({
            date: z.iso.date(),
            status: z.string().min(1).max(40),
            note: z.string().max(10000).optional(),
            evidence: z
              .array(
                z.object({
                  url: z
                    .url({ protocol: /^https?$/ })
                    .max(2000)
                    .optional(),
                  attachmentId: z.number().int().positive().optional(),
                  title: z.string().max(300).optional(),
                }),
              )
              .max(20)
              .optional(),
          }),
        },
      },
      async (req, reply) => {
        const user = authorize(req, 'progress.add');
        const result = await addProgress(db, req.params.id, req.body, user);
        reply.header('etag', etag(result.version));
        return reply.status(201).send(result);
      },
    );
  };
}
