import { Type, type Static } from '@sinclair/typebox';
import { CreditPolicy, FindingKind, PolicyFinding } from '../credit-policy.ts';
import { PaymentForm, SanctionKind } from '../analysis.ts';

/** HTTP shapes of the credit-policy routes (apps/api/src/credit-policy). */

export const PolicyVersionView = Type.Object({
  version: Type.Integer(),
  policyId: Type.String(),
  document: CreditPolicy,
  publishedAt: Type.String({ format: 'date-time' }),
  publishedBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
});
export type PolicyVersionView = Static<typeof PolicyVersionView>;

/** A re-check run's progress, whatever it re-checks (a policy version, a checklist version). */
const recheckRun = {
  total: Type.Integer(),
  done: Type.Integer(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('superseded')]),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
};
export const RecheckView = Type.Object({ id: Type.String(), policyVersion: Type.Integer(), ...recheckRun });
export type RecheckView = Static<typeof RecheckView>;

/** GET /api/credit-policy: the version calls are checked against now (null before the first publish). */
export const CurrentPolicyResponse = Type.Object({
  current: Type.Union([PolicyVersionView, Type.Null()]),
  recheck: Type.Union([RecheckView, Type.Null()]),
});
export type CurrentPolicyResponse = Static<typeof CurrentPolicyResponse>;

export const PolicyVersionsResponse = Type.Object({ items: Type.Array(PolicyVersionView) });
export type PolicyVersionsResponse = Static<typeof PolicyVersionsResponse>;

/** The document is checked by the route (errors name the JSON path), so any JSON is accepted here. */
export const ValidatePolicyRequest = Type.Object(
  { document: Type.Unknown() },
  { additionalProperties: false },
);
export const ValidatePolicyResponse = Type.Object({ valid: Type.Literal(true), document: CreditPolicy });

export const PublishPolicyRequest = Type.Object(
  {
    document: Type.Unknown(),
    /** The version the editor started from; null when none was published. Another publish since → 409. */
    baseVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type PublishPolicyRequest = Static<typeof PublishPolicyRequest>;
export const PublishPolicyResponse = Type.Object({ version: PolicyVersionView, recheck: RecheckView });
export type PublishPolicyResponse = Static<typeof PublishPolicyResponse>;

export const ClientView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  segment: Type.Union([Type.String(), Type.Null()]),
});
export type ClientView = Static<typeof ClientView>;
export const ClientsResponse = Type.Object({ items: Type.Array(ClientView) });
export type ClientsResponse = Static<typeof ClientsResponse>;
export const ClientsQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export const SetClientSegmentRequest = Type.Object(
  { segment: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]) },
  { additionalProperties: false },
);

/** GET /api/calls/:id/policy: the call's check (null when no policy was published when it was analysed). */
export const CallPolicyResponse = Type.Object({
  check: Type.Union([
    Type.Object({
      id: Type.String(),
      version: Type.Integer(),
      segment: Type.String(),
      segmentName: Type.Union([Type.String(), Type.Null()]),
      defaultSegmentUsed: Type.Boolean(),
      checkedAt: Type.String({ format: 'date-time' }),
      /** The version calls are checked against now is newer: a re-check is due or running. */
      outdated: Type.Boolean(),
      findings: Type.Array(PolicyFinding),
    }),
    Type.Null(),
  ]),
});
export type CallPolicyResponse = Static<typeof CallPolicyResponse>;

/** One segment of the rep's card: the terms to state, the sanctions to state, sample wording. */
export const CardSegment = Type.Object({
  id: Type.String(),
  name: Type.String(),
  isDefault: Type.Boolean(),
  paymentForms: Type.Array(PaymentForm),
  maxDeferralDays: Type.Union([Type.Integer(), Type.Null()]),
  minPrepaymentPercent: Type.Union([Type.Number(), Type.Null()]),
  maxCreditLimit: Type.Union([Type.Object({ amount: Type.Number(), currency: Type.String() }), Type.Null()]),
  penalty: Type.Union([Type.Object({ ratePercent: Type.Number(), per: Type.String() }), Type.Null()]),
  sanctions: Type.Array(
    Type.Object({ kind: SanctionKind, afterDays: Type.Union([Type.Integer(), Type.Null()]) }),
  ),
  escalation: Type.Array(
    Type.Object({ afterDaysLate: Type.Integer(), action: Type.String(), owner: Type.String() }),
  ),
  /** Sentences a rep can say, generated from the rules, in the asked language. */
  say: Type.Array(Type.String()),
  /** What never to say (the traps the check reports). */
  never: Type.Array(Type.String()),
});
export type CardSegment = Static<typeof CardSegment>;
export const CardQuery = Type.Object(
  { lang: Type.Optional(Type.Union([Type.Literal('ru'), Type.Literal('en')])) },
  { additionalProperties: false },
);
export const CardResponse = Type.Object({
  policy: Type.Union([Type.Object({ id: Type.String(), version: Type.Integer() }), Type.Null()]),
  language: Type.Union([Type.Literal('ru'), Type.Literal('en')]),
  segments: Type.Array(CardSegment),
});
export type CardResponse = Static<typeof CardResponse>;

/** A call with policy findings, for the manager's queue and the drill-down. */
export const PolicyBreachItem = Type.Object({
  callId: Type.String(),
  recordedAt: Type.String({ format: 'date-time' }),
  repId: Type.String(),
  repName: Type.String(),
  clientName: Type.Union([Type.String(), Type.Null()]),
  policyVersion: Type.Integer(),
  breaches: Type.Integer(),
  omissions: Type.Integer(),
  kinds: Type.Array(FindingKind),
});
export type PolicyBreachItem = Static<typeof PolicyBreachItem>;
export const PolicyBreachesResponse = Type.Object({ items: Type.Array(PolicyBreachItem) });
export type PolicyBreachesResponse = Static<typeof PolicyBreachesResponse>;

export const PolicyStatsQuery = Type.Object(
  {
    groupBy: Type.Union([Type.Literal('rep'), Type.Literal('team'), Type.Literal('week')], {
      default: 'rep',
    }),
    from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  },
  { additionalProperties: false },
);
export type PolicyStatsQuery = Static<typeof PolicyStatsQuery>;
export const PolicyStatsGroup = Type.Object({
  key: Type.Union([Type.String(), Type.Null()]),
  label: Type.Union([Type.String(), Type.Null()]),
  checked: Type.Integer(),
  /** Calls with at least one breach. */
  callsWithBreaches: Type.Integer(),
  breaches: Type.Integer(),
  omissions: Type.Integer(),
  byKind: Type.Record(Type.String(), Type.Integer()),
});
export type PolicyStatsGroup = Static<typeof PolicyStatsGroup>;
export const PolicyStatsResponse = Type.Object({
  /** The version the numbers come from; null before the first publish. */
  policyVersion: Type.Union([Type.Integer(), Type.Null()]),
  /** Calls still checked against an older version (a re-check is running). */
  outdatedCalls: Type.Integer(),
  groupBy: Type.String(),
  groups: Type.Array(PolicyStatsGroup),
});
export type PolicyStatsResponse = Static<typeof PolicyStatsResponse>;

/** Company checklists (same page): versions per call type, validated by the analysis' checklist schema. */
export const ChecklistCallType = Type.Union([Type.Literal('credit_negotiation'), Type.Literal('collection')]);
export const ChecklistVersionView = Type.Object({
  callType: ChecklistCallType,
  version: Type.Integer(),
  document: Type.Record(Type.String(), Type.Unknown()),
  publishedAt: Type.String({ format: 'date-time' }),
  publishedBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
});
export type ChecklistVersionView = Static<typeof ChecklistVersionView>;
/** A re-analysis of every analysed call of a type after a checklist publish (progress as for the policy). */
export const ChecklistRecheckView = Type.Object({
  id: Type.String(),
  callType: ChecklistCallType,
  checklistVersion: Type.Integer(),
  ...recheckRun,
});
export type ChecklistRecheckView = Static<typeof ChecklistRecheckView>;
export const ChecklistVersionsResponse = Type.Object({
  items: Type.Array(ChecklistVersionView),
  /** The latest re-analysis run of each call type that has one. */
  rechecks: Type.Array(ChecklistRecheckView),
});
export type ChecklistVersionsResponse = Static<typeof ChecklistVersionsResponse>;
export const PublishChecklistRequest = Type.Object(
  {
    callType: ChecklistCallType,
    document: Type.Unknown(),
    baseVersion: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type PublishChecklistRequest = Static<typeof PublishChecklistRequest>;
export const PublishChecklistResponse = Type.Object({
  version: ChecklistVersionView,
  recheck: ChecklistRecheckView,
});
export type PublishChecklistResponse = Static<typeof PublishChecklistResponse>;
export const ValidateChecklistRequest = Type.Object(
  { document: Type.Unknown() },
  { additionalProperties: false },
);
