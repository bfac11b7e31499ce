import { Type, type Static } from '@sinclair/typebox';
import { WorkspaceInfo } from './first-day.ts';
export const RoleSchema = Type.Union([
  Type.Literal('rep'),
  Type.Literal('manager'),
  Type.Literal('director'),
  Type.Literal('admin'),
]);
export type Role = Static<typeof RoleSchema>;

export const Me = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  teamId: Type.Union([Type.String(), Type.Null()]),
  /** The teams whose calls you see: your own team, or the teams you lead. */
  teamIds: Type.Array(Type.String()),
});
export type Me = Static<typeof Me>;

export const SessionInfo = Type.Object({ user: Me, csrfToken: Type.String(), workspace: WorkspaceInfo });
export type SessionInfo = Static<typeof SessionInfo>;

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 320 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export const PasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 1024 }),
    newPassword: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
