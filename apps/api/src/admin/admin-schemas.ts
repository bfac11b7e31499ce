import { Type, type Static } from '@sinclair/typebox';
import { ErrorBody, RoleSchema } from '../auth/auth-schemas.ts';

export { ErrorBody };
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

export const ResetPasswordBody = Type.Object(
  { password: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })) },
  { additionalProperties: false },
);

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

export const TokenScopeSchema = Type.Union([
  Type.Literal('calls:upload'),
  Type.Literal('calls:read'),
  Type.Literal('receivables:import'),
]);
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

export const AuditQuery = Type.Object({
  actorId: Type.Optional(Type.String({ format: 'uuid' })),
  tokenId: Type.Optional(Type.String({ format: 'uuid' })),
  /** A full action (`user.role_changed`) or a prefix ending in a dot (`call.`). */
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  objectType: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  objectId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

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
});
