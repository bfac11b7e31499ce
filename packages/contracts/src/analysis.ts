import { Type, type Static } from '@sinclair/typebox';
import { Speaker } from './transcript.ts';
import { Literals, Nullable } from './schemas.ts';

/** What a sanction consists of, when the analysis can tell. */
export const SanctionKind = Literals(
  'penalty',
  'suspension',
  'prepayment',
  'credit_hold',
  'legal',
  'collection',
);
export type SanctionKind = Static<typeof SanctionKind>;

/** How a client pays: the forms the analysis reads out of a call's payment terms. */
export const PaymentForm = Literals('prepayment', 'deferral', 'on_delivery', 'instalments');
export type PaymentForm = Static<typeof PaymentForm>;

/**
 * Values read out of a moment, so a promise can later be checked against the company's credit policy.
 * Every field is optional: only what was actually said is filled in.
 */
export const MomentValues = Type.Object({
  deferralDays: Type.Optional(Type.Number()),
  prepaymentPercent: Type.Optional(Type.Number()),
  creditLimit: Type.Optional(Type.Object({ amount: Type.Number(), currency: Type.Optional(Type.String()) })),
  dueDate: Type.Optional(
    Type.Object({
      /** `absolute`: a calendar day or weekday; `relative`: N days after an event. */
      kind: Literals('absolute', 'relative'),
      /** ISO date (YYYY-MM-DD, or --MM-DD when no year was said), absolute only. */
      date: Type.Optional(Type.String()),
      /** Day of month ("до 15-го"), absolute only. */
      dayOfMonth: Type.Optional(Type.Number()),
      /** ISO weekday 1 (Monday) … 7 (Sunday), absolute only. */
      weekday: Type.Optional(Type.Number()),
      /** `end_of_month` etc. for named points in time. */
      anchor: Type.Optional(Type.String()),
      days: Type.Optional(Type.Number()),
      /** What a relative period counts from. */
      from: Type.Optional(Literals('shipment', 'delivery', 'invoice', 'contract', 'unspecified')),
    }),
  ),
  penalty: Type.Optional(
    Type.Object({
      ratePercent: Type.Number(),
      per: Literals('day', 'week', 'month', 'year', 'once'),
    }),
  ),
  sanctionKinds: Type.Optional(Type.Array(SanctionKind)),
  /** How the client is to pay, by the cues that stated the terms (for the credit-policy check). */
  paymentForms: Type.Optional(Type.Array(PaymentForm)),
});
export type MomentValues = Static<typeof MomentValues>;

/** One place in the call where a flag is stated (or a deflection happens). */
export const Moment = Type.Object(
  {
    /** Zero-based index into the transcript's segments. */
    segment: Type.Integer({ minimum: 0 }),
    start: Type.Number(),
    end: Type.Number(),
    speaker: Speaker,
    quote: Type.String(),
    values: Type.Optional(MomentValues),
  },
  { $id: 'Moment' },
);
export type Moment = Static<typeof Moment>;

/**
 * Where a flag that was not stated should have been: the client's question about payment, or the
 * moment the sale was agreed (the order, the shipment) — so a manager jumps from ✗ to the audio.
 */
export const Opportunity = Type.Object({
  segment: Type.Integer({ minimum: 0 }),
  start: Type.Number(),
  quote: Type.String(),
});
export type Opportunity = Static<typeof Opportunity>;

export const FlagResult = Type.Object(
  {
    stated: Type.Boolean(),
    moments: Type.Array(Moment),
    /**
     * How likely the verdict (`stated`, or `present` for deflection) is right, 0–1, calibrated on
     * the labelled corpora (`npm run eval` prints the reliability table). Absent from old results.
     */
    confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    /** For a flag not stated: where the rep should have said it (absent when stated). */
    opportunities: Type.Optional(Type.Array(Opportunity)),
  },
  { $id: 'FlagResult' },
);
export type FlagResult = Static<typeof FlagResult>;

export const DeflectionResult = Type.Object(
  {
    present: Type.Boolean(),
    moments: Type.Array(Moment),
    /** How likely `present` is right, 0–1 (see FlagResult.confidence). */
    confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { $id: 'DeflectionResult' },
);
export type DeflectionResult = Static<typeof DeflectionResult>;

/** The required checklist items; a company checklist may add its own ids. */
export const REQUIRED_FLAGS = ['payment_terms', 'deadline', 'sanctions'] as const;
export type RequiredFlag = (typeof REQUIRED_FLAGS)[number];

/**
 * A deadline as said: a calendar day (`--MM-DD` without a year), a day of the month, a weekday (1–7),
 * N days from an event, or a named point (`today`, `tomorrow`, `end_of_week`, `end_of_month`, `end_of_quarter`).
 */
export const PromiseDue = Type.Object({
  date: Type.Optional(Type.String()),
  dayOfMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 31 })),
  weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
  days: Type.Optional(Type.Integer({ minimum: 0 })),
  from: Type.Optional(Type.String()),
  anchor: Type.Optional(Literals('today', 'tomorrow', 'end_of_week', 'end_of_month', 'end_of_quarter')),
});
export type PromiseDue = Static<typeof PromiseDue>;

/**
 * A client's promise to pay, read from a collection call (spec: flags.md «Promises to pay»): what was
 * promised — an amount, or all of it — by when, and the moments where it was made (and accepted).
 */
export const PaymentPromise = Type.Object(
  {
    amount: Type.Optional(Type.Number()),
    currency: Type.Optional(Type.String()),
    full: Type.Optional(Type.Boolean()),
    due: PromiseDue,
    moments: Type.Array(Moment),
  },
  { $id: 'PaymentPromise' },
);
export type PaymentPromise = Static<typeof PaymentPromise>;

/**
 * The public shape of an analysis — exactly what `onterms analyze` prints per file (besides `file`)
 * and what `GET /api/calls/:id` returns in `flags` / `deflection`.
 */
export const FlagsView = Type.Object({
  flags: Type.Record(Type.String(), FlagResult),
  deflection: DeflectionResult,
  /** Collection calls only: the promises to pay. */
  promises: Type.Optional(Type.Array(PaymentPromise)),
});
export type FlagsView = Static<typeof FlagsView>;

/** What `analyzeTranscript` returns: the public view plus provenance, so results can be recomputed. */
export const AnalysisResult = Type.Object({
  checklist: Type.Object({ id: Type.String(), version: Type.String() }),
  /** Which engines decided: the rules engine always, an LLM model when the second stage ran. */
  engine: Type.Object({ rules: Type.String(), llmModel: Nullable(Type.String()) }),
  flags: Type.Record(Type.String(), FlagResult),
  deflection: DeflectionResult,
  /**
   * Where the seller side waived a sanction («штрафов не будет»): not a flag (a waiver states
   * nothing), read beside the flags for the credit-policy check. Absent in results stored before it.
   */
  waivers: Type.Optional(Type.Array(Moment)),
  /** Collection calls only: the promises to pay, in the order they were made. */
  promises: Type.Optional(Type.Array(PaymentPromise)),
});
export type AnalysisResult = Static<typeof AnalysisResult>;
