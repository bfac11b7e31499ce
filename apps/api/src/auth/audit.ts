import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { hasRecentAuditEntry, insertAuditEntry, type AuditActor, type Database } from '@onterms/db';
import type { Principal } from '../access/principal.ts';

/**
 * The audit trail: who played or downloaded which recording, who changed a flag or a user's role,
 * who created or revoked a token, who signed in. Entries are written by the code that does the thing,
 * through this one service.
 */
export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'auth.logout'
  | 'auth.password_changed'
  | 'call.uploaded'
  | 'call.audio_played'
  | 'call.audio_downloaded'
  | 'call.flag_changed'
  | 'user.created'
  | 'user.updated'
  | 'user.role_changed'
  | 'user.disabled'
  | 'user.enabled'
  | 'user.password_reset'
  | 'team.created'
  | 'team.renamed'
  | 'token.created'
  | 'token.revoked'
  | 'tag.created'
  | 'tag.removed'
  | 'receivables.imported'
  | 'follow_up.snoozed';

export interface AuditEvent {
  action: AuditAction;
  objectType?: 'call' | 'user' | 'team' | 'token' | 'tag' | 'receivables_import' | 'follow_up';
  objectId?: string;
  details?: Record<string, unknown>;
}

/** Range requests of one playback come in dozens: one entry per person, call and action in this window. */
export const PLAYBACK_DEDUPE_MS = 10 * 60 * 1000;

export interface AuditLog {
  /** Records an event by the request's principal (or the given actor), with the client IP. */
  record(request: FastifyRequest, event: AuditEvent, actor?: AuditActor): Promise<void>;
  /** Records playing or downloading a recording, once per window and actor. */
  recordAudioAccess(request: FastifyRequest, callId: string, kind: 'play' | 'download'): Promise<void>;
  /** For events outside HTTP (the command line): no IP. */
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
    insertAuditEntry(db, {
      actor,
      action: event.action,
      objectType: event.objectType ?? null,
      objectId: event.objectId ?? null,
      details: event.details ?? null,
      ip,
      at: now(),
    });
  return {
    record: (request, event, actor = actorOf(request.principal)) => write(actor, event, request.ip),
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
