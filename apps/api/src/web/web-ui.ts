import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../../web/dist');

/**
 * Serves the built web UI beside the API on the same port: the files of the build as they are, and
 * index.html for client-side routes (`/calls/…`). One public catch-all route, so the route table holds
 * nothing without a declared policy. The path it sees is the router's decoded one: `/%61pi/…` is
 * `api/…` here and keeps the API's JSON 404.
 */
export const webUi: FastifyPluginAsync<{ root: string }> = async (fastify, { root }) => {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`The web UI is not built (${root} has no index.html): run \`npm run build:web\`.`);
  }
  const files = new Set(listFiles(root));
  await fastify.register(fastifyStatic, { root, serve: false });
  fastify.get('/*', { config: { public: true }, schema: { hide: true } }, (request, reply) => {
    const wanted = (request.params as { '*': string })['*'];
    if (wanted === 'api' || wanted.startsWith('api/')) {
      return reply
        .status(404)
        .send({ error: 'not_found', message: `No route ${request.method} /${wanted}.` });
    }
    return reply.sendFile(files.has(wanted) ? wanted : 'index.html');
  });
};

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}
