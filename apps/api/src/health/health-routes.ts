import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { pingDatabase } from '@onterms/db';
import type { AppDeps } from '../app.ts';
import { publicRoute } from '../access/route-options.ts';

const Component = Type.Object({ ok: Type.Boolean(), detail: Type.String() });
const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Component,
  queue: Component,
});

export const healthRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, deps) => {
  app.get(
    '/health',
    publicRoute({ summary: 'Database and queue state', response: { 200: Health, 503: Health } }),
    async (_request, reply) => {
      const [database, queue] = await Promise.all([
        pingDatabase(deps.db)
          .then(() => ({
            ok: true,
            detail: deps.databaseEmbedded ? 'embedded PostgreSQL (PGlite)' : 'PostgreSQL',
          }))
          .catch((error: Error) => ({ ok: false, detail: `unreachable: ${error.message}` })),
        deps.queue.health().catch((error: Error) => ({ ok: false, detail: `unreachable: ${error.message}` })),
      ]);
      const ok = database.ok && queue.ok;
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, queue });
    },
  );
};
