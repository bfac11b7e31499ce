import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { hasRecentAuditEntry, type AuditActor, type Database } from '@onterms/db';
import { storeAuditEvent, type Audit, type AuditEvent } from '@onterms/domain';
import type { Principal } from '../access/principal.ts';

/**
 * The audit log as the API writes it: an entry carries the request's principal and client IP. What
 * the entries are (`AuditEvent`) is the domain's: an action that changes something writes its own
 * entry through the `Audit` this binds to the request (`by`); the API records only what happens at
 * its edge — signing in and out, playing or downloading a recording.
 */
/** Range requests of one playback come in dozens: one entry per person, call and action in this window. */
export const PLAYBACK_DEDUPE_MS = 10 * 60 * 1000;

export interface AuditLog {
  /** Records an event by the request's principal (or the given actor), with the client IP. */
  record(request: FastifyRequest, event: AuditEvent, actor?: AuditActor): Promise<void>;
  /** `record` bound to this request, for the domain actions that audit what they change. */
  by(request: FastifyRequest): Audit;
  /** Records playing or downloading a recording, once per window and actor. */
  recordAudioAccess(request: FastifyRequest, callId: string, kind: 'play' | 'download'): Promise<void>;
  /** For events by a known actor outside a request (the demo coaching its calls): no IP. */
  recordSystem(actor: AuditActor, event: AuditEvent): Promise<void>;
}

export function actorOf(principal: Principal | null | undefined): AuditActor {
  if (!principal) return { userId: null, tokenId: null };
  return principal.kind === 'token'
    ? { userId: principal.userId, tokenId: principal.tokenId }
    : { userId: principal.userId, tokenId: null };
}

export function createAuditLog(db: Kysely<Database>, now: () => Date = () => new Date()): AuditLog {
  const write = (actor: AuditActor, event: AuditEvent, ip: string | null) =>
    storeAuditEvent(db, actor, event, { ip, at: now() });
  return {
    record: (request, event, actor = actorOf(request.principal)) => write(actor, event, request.ip),
    by: (request) => (event) => write(actorOf(request.principal), event, request.ip),
    recordAudioAccess: async (request, callId, kind) => {
      const action = kind === 'download' ? 'call.audio_downloaded' : 'call.audio_played';
      const actor = actorOf(request.principal);
      const since = new Date(now().getTime() - PLAYBACK_DEDUPE_MS);
      if (await hasRecentAuditEntry(db, actor, action, callId, since)) return;
      await write(actor, { action, objectType: 'call', objectId: callId }, request.ip);
    },
    recordSystem: (actor, event) => write(actor, event, null),
  };
}
