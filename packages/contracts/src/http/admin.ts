import { Page, pageQuery } from './pages.ts';
import { Type, type Static } from '@sinclair/typebox';
import { RoleSchema, userIdentity } from './auth.ts';
import { Literals, Nullable, StrictObject } from '../schemas.ts';
export const IdParams = Type.Object({ id: Type.String() });

export const AdminUser = Type.Object({
  ...userIdentity,
  teamName: Nullable(Type.String()),
  managedTeamIds: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const CreateUserBody = StrictObject({
  email: Type.String({ minLength: 3, maxLength: 320 }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  role: RoleSchema,
  teamId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  managedTeamIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200 })),
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
});
export type AdminUser = Static<typeof AdminUser>;
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = StrictObject(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: Type.Optional(RoleSchema),
    teamId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    managedTeamIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200 })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = StrictObject({
  password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
});
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;

export const AdminTeam = Type.Object({
  id: Type.String(),
  name: Type.String(),
  memberCount: Type.Integer(),
  managerIds: Type.Array(Type.String()),
});
export const TeamBody = StrictObject({ name: Type.String({ minLength: 1, maxLength: 200 }) });
export type TeamBody = Static<typeof TeamBody>;
export type AdminTeam = Static<typeof AdminTeam>;

export const TokenScopeSchema = Literals('calls:upload', 'calls:read', 'receivables:import');
export type TokenScope = Static<typeof TokenScopeSchema>;
export const AdminToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(TokenScopeSchema),
  teamIds: Type.Array(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
});
export const CreateTokenBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  scopes: Type.Array(TokenScopeSchema, { minItems: 1, maxItems: 2 }),
  teamIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 200 }),
});
export type CreateTokenBody = Static<typeof CreateTokenBody>;
export type AdminToken = Static<typeof AdminToken>;

export const AuditQuery = Type.Object({
  actorId: Type.Optional(Type.String({ format: 'uuid' })),
  tokenId: Type.Optional(Type.String({ format: 'uuid' })),
  /** A full action (`user.role_changed`) or a prefix ending in a dot (`call.`). */
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  objectType: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  objectId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  ...pageQuery,
});
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actorUserId: Nullable(Type.String()),
  actorEmail: Nullable(Type.String()),
  actorTokenId: Nullable(Type.String()),
  actorTokenName: Nullable(Type.String()),
  action: Type.String(),
  objectType: Nullable(Type.String()),
  objectId: Nullable(Type.String()),
  details: Nullable(Type.Record(Type.String(), Type.Unknown())),
  ip: Nullable(Type.String()),
  /** The acting person's name (null for a token or the system). */
  actorName: Nullable(Type.String()),
  /**
   * What the ids in this entry (its object, and ids inside its details) stand for: a person's or
   * team's name, a token's, a call's client and recording time. Ids of things since deleted are absent.
   */
  names: Type.Record(
    Type.String(),
    Type.Object({
      kind: Literals('user', 'team', 'token', 'call', 'client'),
      name: Type.String(),
      at: Type.Optional(Type.String({ format: 'date-time' })),
    }),
  ),
});
export type AuditEntry = Static<typeof AuditEntry>;

/** `POST /api/admin/users`: the generated password is in this answer only. */
export const CreatedUser = Type.Object({
  user: AdminUser,
  generatedPassword: Nullable(Type.String()),
});
export type CreatedUser = Static<typeof CreatedUser>;

export const PasswordReset = Type.Object({ generatedPassword: Nullable(Type.String()) });
export type PasswordReset = Static<typeof PasswordReset>;

/** `POST /api/admin/tokens`: the secret is in this answer only — the API keeps just its hash. */
export const CreatedToken = Type.Object({ token: AdminToken, secret: Type.String() });
export type CreatedToken = Static<typeof CreatedToken>;

export const AuditPage = Page(AuditEntry);
export type AuditPage = Static<typeof AuditPage>;
