import { Type, type Static } from '@sinclair/typebox';
import { WorkspaceInfo } from './first-day.ts';
import { Literals, Nullable, StrictObject } from '../schemas.ts';
export const RoleSchema = Literals('rep', 'manager', 'director', 'admin');
export type Role = Static<typeof RoleSchema>;

/** Who a user is, as both the signed-in user (`Me`) and the admin's user list show it. */
export const userIdentity = {
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  teamId: Nullable(Type.String()),
};

export const Me = Type.Object({
  ...userIdentity,
  /** The teams whose calls you see: your own team, or the teams you lead. */
  teamIds: Type.Array(Type.String()),
});
export type Me = Static<typeof Me>;

export const SessionInfo = Type.Object({ user: Me, csrfToken: Type.String(), workspace: WorkspaceInfo });
export type SessionInfo = Static<typeof SessionInfo>;

export const LoginBody = StrictObject({
  email: Type.String({ minLength: 1, maxLength: 320 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});

export const PasswordBody = StrictObject({
  currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
});
