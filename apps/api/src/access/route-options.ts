import type { FastifySchema } from 'fastify';
import type { PolicyAction } from './policy.ts';

/**
 * A route's options in one call: who may call it (the policy action it performs, enforced by
 * access-control.ts) and what it looks like (its schema, which also types the handler and feeds
 * OpenAPI). `extra` holds the few other route options, e.g. a body limit of its own.
 */
export function withPolicy<S extends FastifySchema, E extends object = object>(
  policy: PolicyAction,
  schema: S,
  extra?: E,
) {
  return { ...(extra as E), config: { policy }, schema };
}

/** The options of a route anyone may call, signed in or not (login, health). */
export function publicRoute<S extends FastifySchema>(schema: S) {
  return { config: { public: true }, schema };
}
