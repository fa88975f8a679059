import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { ROLES } from '../../services/permissions.ts';
import { createUser, listUsers } from '../../services/users.ts';
import { auditActor, authorize } from '../auth.ts';

export function userRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/users', { schema: { tags: ['users'] } }, async (req) => {
      authorize(req, 'user.manage');
      return { items: await listUsers(db) };
    });
    app.post(
      '/api/v1/users',
      {
        schema: {
          tags: ['users'],
          body: z.object({
            email: z.string().email().max(254),
            password: z.string().min(12).max(1024),
            role: z.enum(ROLES),
            displayName: z.string().max(200).optional(),
            actorIds: z.array(z.number().int().positive()).max(50).optional(),
          }),
        },
      },
      async (req, reply) => {
        const admin = authorize(req, 'user.manage');
        const { displayName, actorIds, ...rest } = req.body;
        const user = await createUser(
          db,
          { ...rest, ...(displayName ? { displayName } : {}), ...(actorIds ? { actorIds } : {}) },
          auditActor(admin),
        );
        return reply.status(201).send(user);
      },
    );
    app.get(
      '/api/v1/audit',
      {
        schema: {
          tags: ['users'],
          querystring: z.object({
            entity: z.string().max(40).optional(),
            limit: z.coerce.number().int().min(1).max(500).optional(),
          }),
        },
      },
      async (req) => {
        authorize(req, 'audit.read');
        const items = await db.query(
          `SELECT id, at, actor_label, action, entity, entity_id, before, after FROM audit_event
         WHERE ($1::text IS NULL OR entity = $1) ORDER BY id DESC LIMIT $2`,
          [req.query.entity ?? null, req.query.limit ?? 100],
        );
        return { items };
      },
    );
  };
}
