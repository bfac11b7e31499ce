import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { Call, Database } from '@onterms/db';
import type { Authenticator } from '../auth/authenticator.ts';
import { constantTimeEqual } from '../auth/secrets.ts';
import { AppError } from '@onterms/domain';
import type { AnnotationRef } from '@onterms/db';
import { loadAnnotation, loadCall } from './call-policy.ts';
import { allows, definitionOf, isPolicyAction, POLICY_ACTIONS, type PolicyAction } from './policy.ts';
import type { Principal } from './principal.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for every authenticated /api request; routes marked `public` run without it. */
    principal: Principal | null;
    /** The object the route's policy names, loaded and checked before the handler runs. */
    subject: { call?: Call; annotation?: AnnotationRef } | null;
  }
  interface FastifyContextConfig {
    /** Anyone may call the route, signed in or not (login, health). */
    public?: boolean;
    /** The action the route performs; see policy.ts. Every other route must declare one. */
    policy?: PolicyAction;
  }
}

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class RoutePolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RoutePolicyError';
  }
}

/**
 * The one access-control mechanism for every route, registered before any route:
 *  - at boot, refuses a route that declares neither `config.policy` nor `config.public` (onRoute);
 *  - per request: authenticates (bearer token or session cookie; 401 when anonymous), checks the CSRF
 *    header on cookie-authenticated unsafe methods, then enforces the route's policy — for actions on
 *    one object, loads it (404 when out of scope, 403 when visible but not allowed) into `request.subject`.
 */
export async function registerAccessControl(
  fastify: FastifyInstance,
  deps: { db: Kysely<Database>; auth: Authenticator },
): Promise<void> {
  await fastify.register(cookie);
  fastify.decorateRequest('principal', null);
  fastify.decorateRequest('subject', null);

  // Every route, whatever its path, declares who may call it: the web UI's catch-all is `public`,
  // every API route names its policy. Nothing is exempted by the shape of its URL.
  fastify.addHook('onRoute', (route: RouteOptions) => {
    const config = (route.config ?? {}) as { public?: boolean; policy?: unknown };
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const where = `${methods.join(',')} ${route.url}`;
    if (config.public && config.policy !== undefined) {
      throw new RoutePolicyError(`Route ${where} is both public and has a policy; choose one.`);
    }
    if (!config.public) {
      if (config.policy === undefined) {
        throw new RoutePolicyError(
          `Route ${where} declares no access policy: add config.policy (one of ${POLICY_ACTIONS.join(', ')}) or config.public.`,
        );
      }
      if (!isPolicyAction(config.policy))
        throw new RoutePolicyError(`Route ${where}: unknown policy "${String(config.policy)}".`);
      const object = definitionOf(config.policy).object;
      if (object && !route.url.includes(`:${object.param}`)) {
        throw new RoutePolicyError(
          `Route ${where}: policy ${config.policy} needs the route parameter :${object.param}.`,
        );
      }
    }
  });

  // Decided on the route the router matched (it has already decoded and normalised the path), never on
  // the raw URL: `/%61pi/admin/users` matches the admin route and gets the admin route's policy.
  fastify.addHook('onRequest', async (request) => {
    // No route matched: the not-found handler answers 404 and no handler runs.
    if (request.is404) return;
    const config = request.routeOptions.config ?? {};
    if (config.public) return;
    if (!config.policy) {
      // onRoute refuses such routes at boot; this is the last line should one ever slip through.
      throw new AppError('forbidden', 'This route declares no access policy.');
    }
    const principal = await deps.auth.authenticate(request);
    if (!principal) throw new AppError('unauthorized', 'Please sign in.');
    request.principal = principal;
    if (principal.kind === 'user' && principal.session && !SAFE_METHODS.has(request.method))
      checkCsrf(request, principal.session.csrfToken);
    await authorize(deps.db, request, principal, config.policy);
  });
}

function checkCsrf(request: FastifyRequest, expected: string): void {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !constantTimeEqual(sent, expected)) {
    throw new AppError(
      'csrf_failed',
      'This request is missing its security token (X-CSRF-Token). Reload the page and try again.',
    );
  }
}

async function authorize(
  db: Kysely<Database>,
  request: FastifyRequest,
  principal: Principal,
  action: PolicyAction,
) {
  const object = definitionOf(action).object;
  if (!object) {
    if (!allows(principal, action)) throw new AppError('forbidden', 'Your role does not allow this.');
    return;
  }
  const id = (request.params as Record<string, string | undefined>)[object.param] ?? '';
  if (object.type === 'call') {
    request.subject = { call: await loadCall(db, principal, id, action) };
  } else {
    request.subject = await loadAnnotation(db, principal, id, action);
  }
}

/** The call the route's policy loaded (for routes whose policy names a call or an annotation). */
export function subjectCall(request: FastifyRequest): Call {
  const call = request.subject?.call;
  if (!call) throw new Error(`Route ${request.routeOptions.url} reads a call but its policy loads none.`);
  return call;
}

export function subjectAnnotation(request: FastifyRequest): AnnotationRef {
  const annotation = request.subject?.annotation;
  if (!annotation)
    throw new Error(`Route ${request.routeOptions.url} reads an annotation but its policy loads none.`);
  return annotation;
}

/** The signed-in person (routes with the `account.self` policy). */
export function userPrincipal(request: FastifyRequest) {
  const p = request.principal;
  if (!p || p.kind !== 'user') throw new AppError('forbidden', 'Only a signed-in person can do this.');
  return p;
}
