/** Answers and inputs of the admin API: the types come from the contract (`@onterms/contracts`). */
import type { Role, TokenScope } from '@onterms/contracts';

export type {
  AdminTeam,
  AdminToken,
  AdminUser,
  AuditEntry,
  AuditPage,
  Role,
  TokenScope,
} from '@onterms/contracts';

export const ROLES = ['rep', 'manager', 'director', 'admin'] as const satisfies readonly Role[];
export const TOKEN_SCOPES = ['calls:upload', 'calls:read'] as const satisfies readonly TokenScope[];

/** Every action the API records (apps/api/src/auth/audit.ts), for the filter and the translated names. */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.password_changed',
  'call.audio_played',
  'call.audio_downloaded',
  'call.flag_changed',
  'user.created',
  'user.updated',
  'user.role_changed',
  'user.disabled',
  'user.enabled',
  'user.password_reset',
  'team.created',
  'team.renamed',
  'token.created',
  'token.revoked',
] as const;
/** Prefix filters the API accepts: every action of one kind. */
export const AUDIT_ACTION_GROUPS = ['auth.', 'call.', 'user.', 'team.', 'token.'] as const;
