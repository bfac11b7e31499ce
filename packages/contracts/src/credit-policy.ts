import { Type, type Static } from '@sinclair/typebox';
import { PaymentForm, SanctionKind } from './analysis.ts';
import { Literals, Nullable, StrictObject } from './schemas.ts';

/**
 * The company's written credit rules (a "credit policy"), as data. One document per version; a new
 * version never rewrites an old one. See packages/analysis/README.md «Credit policy» for an example.
 */

export const PAYMENT_FORMS: PaymentForm[] = PaymentForm.anyOf.map((form) => form.const);
export const SANCTION_KINDS: SanctionKind[] = SanctionKind.anyOf.map((kind) => kind.const);

export const PenaltyPeriod = Literals('day', 'week', 'month', 'year', 'once');
export type PenaltyPeriod = Static<typeof PenaltyPeriod>;

/** A sanction the rep must state: a kind, or a kind with the days late after which it applies. */
export const RequiredSanction = Type.Union([
  SanctionKind,
  StrictObject({ kind: SanctionKind, afterDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })) }),
]);
export type RequiredSanction = Static<typeof RequiredSanction>;

export const EscalationStep = StrictObject({
  afterDaysLate: Type.Integer({ minimum: 0, maximum: 3650 }),
  action: Type.String({ minLength: 1, maxLength: 300 }),
  owner: Type.String({ minLength: 1, maxLength: 120 }),
});
export type EscalationStep = Static<typeof EscalationStep>;

const Id = Type.String({
  pattern: '^[a-z0-9][a-z0-9_-]{0,63}$',
  description: 'lower-case latin, digits, - _',
});

export const PolicySegment = StrictObject({
  id: Id,
  name: Type.String({ minLength: 1, maxLength: 120 }),
  /** Default: every form. */
  allowedPaymentForms: Type.Optional(Type.Array(PaymentForm, { minItems: 1, uniqueItems: true })),
  maxDeferralDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
  minPrepaymentPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  maxCreditLimit: Type.Optional(
    StrictObject({
      amount: Type.Number({ minimum: 0 }),
      currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217: RUB, USD, EUR' }),
    }),
  ),
  penalty: Type.Optional(
    StrictObject({ ratePercent: Type.Number({ exclusiveMinimum: 0, maximum: 100 }), per: PenaltyPeriod }),
  ),
  requiredSanctions: Type.Optional(Type.Array(RequiredSanction)),
  escalation: Type.Optional(Type.Array(EscalationStep)),
  /**
   * Days an overdue client of this segment may go without a call before it is a follow-up; absent:
   * FOLLOW_UP_DAYS. Optional, so policies written before it stay valid.
   */
  followUpDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
});
export type PolicySegment = Static<typeof PolicySegment>;

export const CreditPolicy = StrictObject(
  {
    id: Id,
    version: Type.Integer({ minimum: 1 }),
    title: Type.Optional(Type.String({ maxLength: 200 })),
    /** The segment of a client that has none. */
    defaultSegment: Id,
    segments: Type.Array(PolicySegment, { minItems: 1, maxItems: 50 }),
  },
  { $id: 'CreditPolicy' },
);
export type CreditPolicy = Static<typeof CreditPolicy>;

export const FindingKind = Literals(
  'deferral_over_limit',
  'prepayment_below_minimum',
  'credit_limit_over',
  'penalty_differs',
  'sanction_waived',
  'required_sanction_not_stated',
  'payment_form_not_allowed',
);
export type FindingKind = Static<typeof FindingKind>;
export const FINDING_KINDS: FindingKind[] = FindingKind.anyOf.map((kind) => kind.const);

/** `breach`: the rep promised what the rules forbid; `omission`: the rep left out what the rules require. */
export const FindingSeverity = Literals('breach', 'omission');
export type FindingSeverity = Static<typeof FindingSeverity>;

/** What was said or allowed, as a plain value: days, a percentage, an amount, a kind, a list of kinds. */
const Stated = Type.Union([
  Type.Null(),
  Type.Number(),
  Type.String(),
  Type.Array(Type.String()),
  Type.Object({ amount: Type.Number(), currency: Type.Optional(Type.String()) }),
  Type.Object({ ratePercent: Type.Number(), per: Type.String() }),
  Type.Object({ kind: Type.String(), afterDays: Type.Optional(Type.Number()) }),
]);

/** One place where a call departs from the company's credit policy. */
export const PolicyFinding = Type.Object(
  {
    kind: FindingKind,
    severity: FindingSeverity,
    /** Transcript segment index, or null for something never said. */
    segment: Nullable(Type.Integer({ minimum: 0 })),
    /** Seconds from the start of the call; null with `segment`. */
    start: Nullable(Type.Number()),
    quote: Nullable(Type.String()),
    stated: Stated,
    allowed: Stated,
  },
  { $id: 'PolicyFinding' },
);
export type PolicyFinding = Static<typeof PolicyFinding>;

/** The policy check of one call: which version and segment it was checked against, and what broke. */
export const PolicyCheck = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  segment: Type.String(),
  /** The client had no segment of its own: the policy's default was used. */
  defaultSegmentUsed: Type.Boolean(),
  findings: Type.Array(PolicyFinding),
});
export type PolicyCheck = Static<typeof PolicyCheck>;
