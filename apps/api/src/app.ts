import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '@onterms/config';
import type { Database } from '@onterms/db';
import type { CreditPolicyLookup } from '@onterms/domain';
import type { Media } from '@onterms/media';
import type { CallQueue } from '@onterms/pipeline';
import type { BlobStore } from '@onterms/storage';
import { registerAccessControl } from './access/access-control.ts';
import { withPolicy } from './access/route-options.ts';
import { adminRoutes } from './admin/admin-routes.ts';
import { authRoutes } from './auth/auth-routes.ts';
import type { Authenticator } from './auth/authenticator.ts';
import { callRoutes } from './calls/call-routes.ts';
import { coachingRoutes } from './coaching/coaching-routes.ts';
import { creditPolicyRoutes } from './credit-policy/credit-policy-routes.ts';
import { healthRoutes } from './health/health-routes.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { registerMultipart } from './http/upload-limits.ts';
import { clientRoutes } from './receivables/client-routes.ts';
import { followUpRoutes } from './receivables/follow-up-routes.ts';
import { outcomeRoutes } from './receivables/outcome-routes.ts';
import { receivablesRoutes } from './receivables/receivables-routes.ts';
import { registerTextInputCheck } from './http/text-input.ts';
import { statsRoutes } from './stats/stats-routes.ts';

export interface AppDeps {
  /** `company` (the stats' time zone) defaults to Europe/Moscow. */
  config: Pick<Config, 'upload'> & Partial<Pick<Config, 'company' | 'stt'>>;
  db: Kysely<Database>;
  databaseEmbedded: boolean;
  store: BlobStore;
  media: Media;
  queue: CallQueue;
  /** Sessions, API tokens, login, audit log: `createAuthenticator(db, config.auth)`. */
  auth: Authenticator;
  /** The credit policy as receivables read it (segments, credit limits); default: the one published in `db`. */
  creditPolicy?: CreditPolicyLookup;
}

/**
 * The HTTP API as a Fastify plugin: tests register it and call `inject`; `server.ts` adds the process
 * concerns (listening, static web UI, graceful shutdown).
 */
export const app: FastifyPluginAsync<AppDeps> = async (fastify, deps) => {
  const api = fastify.withTypeProvider<TypeBoxTypeProvider>();
  registerErrorHandler(fastify);
  // Control characters in any text field are a 400 naming the field, before any schema or SQL sees them.
  registerTextInputCheck(fastify);

  await fastify.register(swagger, {
    openapi: {
      info: {
        title: 'OnTerms API',
        version: '0.1.0',
        description: 'Call review and coaching for B2B sales on credit terms.',
      },
    },
  });
  // Upload limits: all of them live in http/upload-limits.ts.
  await registerMultipart(fastify, deps.config.upload.maxBytes);

  // Authentication, CSRF and the route policies; refuses at boot any /api route without a policy.
  await registerAccessControl(fastify, deps);

  await api.register(
    async (scope) => {
      await scope.register(healthRoutes, deps);
      await scope.register(callRoutes, deps);
      await scope.register(coachingRoutes, deps);
      await scope.register(authRoutes, deps);
      await scope.register(adminRoutes, deps);
      await scope.register(statsRoutes, deps);
      await scope.register(creditPolicyRoutes, deps);
      await scope.register(receivablesRoutes, deps);
      await scope.register(clientRoutes, deps);
      await scope.register(followUpRoutes, deps);
      await scope.register(outcomeRoutes, deps);
      // Only login and health answer anonymous requests; the API's description is for signed-in clients.
      scope.get('/openapi.json', withPolicy('api.describe', { hide: true }), async () => fastify.swagger());
    },
    { prefix: '/api' },
  );
};

export type App = FastifyInstance;
