/** Answers and inputs of the admin API (apps/api admin-schemas). */
export type Role = 'rep' | 'manager' | 'director' | 'admin';
export const ROLES: readonly Role[] = ['rep', 'manager', 'director', 'admin'];

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  managedTeamIds: string[];
  disabled: boolean;
  createdAt: string;
}
export interface AdminTeam {
  id: string;
  name: string;
  memberCount: number;
  managerIds: string[];
}
export type TokenScope = 'calls:upload' | 'calls:read';
export const TOKEN_SCOPES: readonly TokenScope[] = ['calls:upload', 'calls:read'];

export interface AdminToken {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  teamIds: string[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
export interface AuditEntry {
  id: string;
  at: string;
  actorUserId: string | null;
  actorEmail: string | null;
  actorTokenId: string | null;
  actorTokenName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
}
export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

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
