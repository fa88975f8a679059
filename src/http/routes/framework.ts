import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getObjective } from '../../framework/load.ts';
import type { Framework } from '../../framework/schema.ts';

const objectiveParams = z.object({ n: z.coerce.number().int().min(1) });

/** Read-only framework endpoints: public, no login. */
export function frameworkRoutes(framework: Framework): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/framework', { schema: { tags: ['framework'] } }, async () => framework);

    app.get(
      '/api/v1/framework/objectives/:n',
      { schema: { tags: ['framework'], params: objectiveParams } },
      async (req) => getObjective(framework, req.params.n),
    );
  };
}
