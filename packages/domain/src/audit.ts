import { userInfo } from 'node:os';
import type { Kysely } from 'kysely';
import { insertAuditEntry, type AuditActor, type Database } from '@onterms/db';

/**
 * The audit trail's vocabulary: who played or downloaded which recording, who changed a flag or a
 * user's role, who created or revoked a token, who signed in. It lives here, beside the actions,
 * because an action that changes something writes its own entry: every shell that calls it (the
 * API today) gets the same entries without repeating them.
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

/**
 * Records an event for whoever acts. The shell binds the actor (the API: the request's principal and
 * IP), so an action only says what happened. Called after the change is stored.
 */
export type Audit = (event: AuditEvent) => Promise<void>;

/**
 * For callers where nobody acts through the product: the first admin from the environment, the
 * demo's people, calls and reports, test fixtures and benchmarks.
 */
export const notAudited: Audit = async () => {};

/** Where an entry was made, beyond its actor: the API's client IP, or the command line's marker. */
export interface AuditOrigin {
  ip?: string | null;
  /** Merged into the entry's details (the command line says `via` and the OS user). */
  details?: Record<string, unknown>;
  at?: Date;
}

/** Stores one event as an audit entry: the one mapping from the domain's events to the log's rows. */
export function storeAuditEvent(
  db: Kysely<Database>,
  actor: AuditActor,
  event: AuditEvent,
  origin: AuditOrigin = {},
): Promise<void> {
  const details = event.details || origin.details ? { ...event.details, ...origin.details } : null;
  return insertAuditEntry(db, {
    actor,
    action: event.action,
    objectType: event.objectType ?? null,
    objectId: event.objectId ?? null,
    details,
    ip: origin.ip ?? null,
    ...(origin.at && { at: origin.at }),
  });
}

/**
 * The command line's audit: whoever has the server's shell and database acts as nobody in the
 * product, so the entry has no actor and says it came from the command line, and which OS user ran it
 * — an admin reading the log must see that a role or a password was changed outside the web app.
 */
export function commandLineAudit(db: Kysely<Database>, osUser: string | null = currentOsUser()): Audit {
  const details = { via: COMMAND_LINE, ...(osUser && { osUser }) };
  return (event) => storeAuditEvent(db, { userId: null, tokenId: null }, event, { details });
}
export const COMMAND_LINE = 'command_line';

function currentOsUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null; // a container user with no passwd entry
  }
}
