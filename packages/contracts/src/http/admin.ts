import { Page, pageQuery } from './pages.ts';
import { Type, type Static } from '@sinclair/typebox';
import { RoleSchema } from './auth.ts';
export const IdParams = Type.Object({ id: Type.String() });

export const AdminUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  teamId: Type.Union([Type.String(), Type.Null()]),
  teamName: Type.Union([Type.String(), Type.Null()]),
  managedTeamIds: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});

export const CreateUserBody = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 320 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: RoleSchema,
    teamId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    managedTeamIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200 })),
    password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
  },
  { additionalProperties: false },
);
export type AdminUser = Static<typeof AdminUser>;
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: Type.Optional(RoleSchema),
    teamId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    managedTeamIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 200 })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = Type.Object(
  { password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })) },
  { additionalProperties: false },
);
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;

export const AdminTeam = Type.Object({
  id: Type.String(),
  name: Type.String(),
  memberCount: Type.Integer(),
  managerIds: Type.Array(Type.String()),
});
export const TeamBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type TeamBody = Static<typeof TeamBody>;
export type AdminTeam = Static<typeof AdminTeam>;

export const TokenScopeSchema = Type.Union([
  Type.Literal('calls:upload'),
  Type.Literal('calls:read'),
  Type.Literal('receivables:import'),
]);
export type TokenScope = Static<typeof TokenScopeSchema>;
export const AdminToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(TokenScopeSchema),
  teamIds: Type.Array(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    scopes: Type.Array(TokenScopeSchema, { minItems: 1, maxItems: 2 }),
    teamIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 200 }),
  },
  { additionalProperties: false },
);
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
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorEmail: Type.Union([Type.String(), Type.Null()]),
  actorTokenId: Type.Union([Type.String(), Type.Null()]),
  actorTokenName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  /** The acting person's name (null for a token or the system). */
  actorName: Type.Union([Type.String(), Type.Null()]),
  /**
   * What the ids in this entry (its object, and ids inside its details) stand for: a person's or
   * team's name, a token's, a call's client and recording time. Ids of things since deleted are absent.
   */
  names: Type.Record(
    Type.String(),
    Type.Object({
      kind: Type.Union([
        Type.Literal('user'),
        Type.Literal('team'),
        Type.Literal('token'),
        Type.Literal('call'),
        Type.Literal('client'),
      ]),
      name: Type.String(),
      at: Type.Optional(Type.String({ format: 'date-time' })),
    }),
  ),
});
export type AuditEntry = Static<typeof AuditEntry>;

/** `POST /api/admin/users`: the generated password is in this answer only. */
export const CreatedUser = Type.Object({
  user: AdminUser,
  generatedPassword: Type.Union([Type.String(), Type.Null()]),
});
export type CreatedUser = Static<typeof CreatedUser>;

export const PasswordReset = Type.Object({ generatedPassword: Type.Union([Type.String(), Type.Null()]) });
export type PasswordReset = Static<typeof PasswordReset>;

/** `POST /api/admin/tokens`: the secret is in this answer only — the API keeps just its hash. */
export const CreatedToken = Type.Object({ token: AdminToken, secret: Type.String() });
export type CreatedToken = Static<typeof CreatedToken>;

export const AuditPage = Page(AuditEntry);
export type AuditPage = Static<typeof AuditPage>;
