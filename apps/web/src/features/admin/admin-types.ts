/** Answers of the admin API (apps/api admin-schemas). */
export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: string;
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
export interface AdminToken {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  teamIds: string[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
export interface AuditEntry {
  id: string;
  at: string;
  actorEmail: string | null;
  actorTokenName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  ip: string | null;
}
