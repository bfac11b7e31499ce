import { Type } from '@sinclair/typebox';
import { WorkspaceInfo } from '@onterms/contracts';

export const ErrorBody = Type.Object({
  error: Type.String(),
  message: Type.String(),
  /** The request field at fault, when one is (validation): the UI names it in the user's language. */
  field: Type.Optional(Type.String()),
});
export const RoleSchema = Type.Union([
  Type.Literal('rep'),
  Type.Literal('manager'),
  Type.Literal('director'),
  Type.Literal('admin'),
]);

export const Me = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  teamId: Type.Union([Type.String(), Type.Null()]),
  /** The teams whose calls you see: your own team, or the teams you lead. */
  teamIds: Type.Array(Type.String()),
});

export const SessionInfo = Type.Object({ user: Me, csrfToken: Type.String(), workspace: WorkspaceInfo });

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
