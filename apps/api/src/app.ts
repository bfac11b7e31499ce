import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '@onterms/config';
import type { Database } from '@onterms/db';
import type { Media } from '@onterms/media';
import type { CallQueue } from '@onterms/pipeline';
import type { BlobStore } from '@onterms/storage';
import type { Principal } from './access/principal.ts';
import { callRoutes } from './calls/call-routes.ts';
import { healthRoutes } from './health/health-routes.ts';
import { AppError } from './http/app-error.ts';
import { registerErrorHandler } from './http/error-handler.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for every authenticated /api request; routes marked `public` run without it. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export interface AppDeps {
  config: Pick<Config, 'upload'>;
  db: Kysely<Database>;
  databaseEmbedded: boolean;
  store: BlobStore;
  media: Media;
  queue: CallQueue;
  /** Resolves who makes the request (session cookie or API token); null for anonymous. */
  authenticate: (request: FastifyRequest) => Promise<Principal | null>;
}

/**
 * The HTTP API as a Fastify plugin: tests register it and call `inject`; `server.ts` adds the process
 * concerns (listening, static web UI, graceful shutdown).
 */
export const app: FastifyPluginAsync<AppDeps> = async (fastify, deps) => {
  const api = fastify.withTypeProvider<TypeBoxTypeProvider>();
  registerErrorHandler(fastify);

  await fastify.register(swagger, {
    openapi: {
      info: { title: 'OnTerms API', version: '0.1.0', description: 'Call review and coaching for B2B sales on credit terms.' },
    },
  });
  // Limits are set once here; the upload route also checks the stream's own `truncated` flag.
  await fastify.register(multipart, { limits: { fileSize: deps.config.upload.maxBytes, files: 2, fields: 20, parts: 24 } });

  fastify.decorateRequest('principal', null);
  fastify.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.routeOptions.config?.public) return;
    request.principal = await deps.authenticate(request);
    if (!request.principal) throw new AppError('unauthorized', 'Please sign in.');
  });

  await api.register(
    async (scope) => {
      await scope.register(healthRoutes, deps);
      await scope.register(callRoutes, deps);
      scope.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => fastify.swagger());
    },
    { prefix: '/api' },
  );
};

export type App = FastifyInstance;
