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
 * For callers where nobody acts through the product, which have never written audit entries: the
 * first admin from the environment, the demo's people, calls and reports, test fixtures, benchmarks,
 * and the command line (run by whoever has the server's shell and database).
 */
export const notAudited: Audit = async () => {};
