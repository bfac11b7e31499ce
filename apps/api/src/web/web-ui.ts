import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../../web/dist');

/**
 * Serves the built web UI beside the API on the same port. Client-side routes (`/calls/…`) get
 * index.html; unknown `/api` paths keep the API's JSON 404.
 */
export const webUi: FastifyPluginAsync<{ root: string }> = async (fastify, { root }) => {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`The web UI is not built (${root} has no index.html): run \`npm run build:web\`.`);
  }
  await fastify.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  fastify.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply
        .status(404)
        .send({ error: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` });
    }
    return reply.sendFile('index.html');
  });
};
