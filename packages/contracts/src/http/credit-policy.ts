import { Type, type Static } from '@sinclair/typebox';
import { CreditPolicy, FindingKind, PolicyFinding } from '../credit-policy.ts';
import { PaymentForm, SanctionKind } from '../analysis.ts';
import { Literals, Nullable, StrictObject } from '../schemas.ts';

/** HTTP shapes of the credit-policy routes (apps/api/src/credit-policy). */

export const PolicyVersionView = Type.Object({
  version: Type.Integer(),
  policyId: Type.String(),
  document: CreditPolicy,
  publishedAt: Type.String({ format: 'date-time' }),
  publishedBy: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  note: Nullable(Type.String()),
});
export type PolicyVersionView = Static<typeof PolicyVersionView>;

/** A re-check run's progress, whatever it re-checks (a policy version, a checklist version). */
const recheckRun = {
  total: Type.Integer(),
  done: Type.Integer(),
  status: Literals('running', 'done', 'superseded'),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
};
export const RecheckView = Type.Object({ id: Type.String(), policyVersion: Type.Integer(), ...recheckRun });
export type RecheckView = Static<typeof RecheckView>;

/** GET /api/credit-policy: the version calls are checked against now (null before the first publish). */
export const CurrentPolicyResponse = Type.Object({
  current: Nullable(PolicyVersionView),
  recheck: Nullable(RecheckView),
});
export type CurrentPolicyResponse = Static<typeof CurrentPolicyResponse>;

export const PolicyVersionsResponse = Type.Object({ items: Type.Array(PolicyVersionView) });
export type PolicyVersionsResponse = Static<typeof PolicyVersionsResponse>;

/** The document is checked by the route (errors name the JSON path), so any JSON is accepted here. */
export const ValidatePolicyRequest = StrictObject({ document: Type.Unknown() });
export const ValidatePolicyResponse = Type.Object({ valid: Type.Literal(true), document: CreditPolicy });

export const PublishPolicyRequest = StrictObject({
  document: Type.Unknown(),
  /** The version the editor started from; null when none was published. Another publish since → 409. */
  baseVersion: Nullable(Type.Integer({ minimum: 1 })),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type PublishPolicyRequest = Static<typeof PublishPolicyRequest>;
export const PublishPolicyResponse = Type.Object({ version: PolicyVersionView, recheck: RecheckView });
export type PublishPolicyResponse = Static<typeof PublishPolicyResponse>;

export const ClientView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  segment: Nullable(Type.String()),
});
export type ClientView = Static<typeof ClientView>;
export const ClientsResponse = Type.Object({ items: Type.Array(ClientView) });
export type ClientsResponse = Static<typeof ClientsResponse>;
export const ClientsQuery = StrictObject({ q: Type.Optional(Type.String({ maxLength: 100 })) });
export const SetClientSegmentRequest = StrictObject({
  segment: Nullable(Type.String({ minLength: 1, maxLength: 64 })),
});

/** GET /api/calls/:id/policy: the call's check (null when no policy was published when it was analysed). */
export const CallPolicyResponse = Type.Object({
  check: Type.Union([
    Type.Object({
      id: Type.String(),
      version: Type.Integer(),
      segment: Type.String(),
      segmentName: Nullable(Type.String()),
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
  maxDeferralDays: Nullable(Type.Integer()),
  minPrepaymentPercent: Nullable(Type.Number()),
  maxCreditLimit: Nullable(Type.Object({ amount: Type.Number(), currency: Type.String() })),
  penalty: Nullable(Type.Object({ ratePercent: Type.Number(), per: Type.String() })),
  sanctions: Type.Array(Type.Object({ kind: SanctionKind, afterDays: Nullable(Type.Integer()) })),
  escalation: Type.Array(
    Type.Object({ afterDaysLate: Type.Integer(), action: Type.String(), owner: Type.String() }),
  ),
  /** Sentences a rep can say, generated from the rules, in the asked language. */
  say: Type.Array(Type.String()),
  /** What never to say (the traps the check reports). */
  never: Type.Array(Type.String()),
});
export type CardSegment = Static<typeof CardSegment>;
export const CardQuery = StrictObject({ lang: Type.Optional(Literals('ru', 'en')) });
export const CardResponse = Type.Object({
  policy: Nullable(Type.Object({ id: Type.String(), version: Type.Integer() })),
  language: Literals('ru', 'en'),
  segments: Type.Array(CardSegment),
});
export type CardResponse = Static<typeof CardResponse>;

/** A call with policy findings, for the manager's queue and the drill-down. */
export const PolicyBreachItem = Type.Object({
  callId: Type.String(),
  recordedAt: Type.String({ format: 'date-time' }),
  repId: Type.String(),
  repName: Type.String(),
  clientName: Nullable(Type.String()),
  policyVersion: Type.Integer(),
  breaches: Type.Integer(),
  omissions: Type.Integer(),
  kinds: Type.Array(FindingKind),
});
export type PolicyBreachItem = Static<typeof PolicyBreachItem>;
export const PolicyBreachesResponse = Type.Object({ items: Type.Array(PolicyBreachItem) });
export type PolicyBreachesResponse = Static<typeof PolicyBreachesResponse>;

export const PolicyStatsQuery = StrictObject({
  groupBy: Type.Union([Type.Literal('rep'), Type.Literal('team'), Type.Literal('week')], {
    default: 'rep',
  }),
  from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
});
export type PolicyStatsQuery = Static<typeof PolicyStatsQuery>;
export const PolicyStatsGroup = Type.Object({
  key: Nullable(Type.String()),
  label: Nullable(Type.String()),
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
  policyVersion: Nullable(Type.Integer()),
  /** Calls still checked against an older version (a re-check is running). */
  outdatedCalls: Type.Integer(),
  groupBy: Type.String(),
  groups: Type.Array(PolicyStatsGroup),
});
export type PolicyStatsResponse = Static<typeof PolicyStatsResponse>;

/** Company checklists (same page): versions per call type, validated by the analysis' checklist schema. */
export const ChecklistCallType = Literals('credit_negotiation', 'collection');
export const ChecklistVersionView = Type.Object({
  callType: ChecklistCallType,
  version: Type.Integer(),
  document: Type.Record(Type.String(), Type.Unknown()),
  publishedAt: Type.String({ format: 'date-time' }),
  publishedBy: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
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
export const PublishChecklistRequest = StrictObject({
  callType: ChecklistCallType,
  document: Type.Unknown(),
  baseVersion: Nullable(Type.Integer({ minimum: 1 })),
});
export type PublishChecklistRequest = Static<typeof PublishChecklistRequest>;
export const PublishChecklistResponse = Type.Object({
  version: ChecklistVersionView,
  recheck: ChecklistRecheckView,
});
export type PublishChecklistResponse = Static<typeof PublishChecklistResponse>;
export const ValidateChecklistRequest = StrictObject({ document: Type.Unknown() });
