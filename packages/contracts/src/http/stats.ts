import { Type, type Static } from '@sinclair/typebox';
import { CallType } from '../transcript.ts';
import { Nullable, StrictObject } from '../schemas.ts';

const Day = Type.String({
  // `format: 'date'` refuses impossible days (2020-13-45, 2020-02-30) with a 400.
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A calendar day in the company time zone',
});

export const TermStatsQuery = StrictObject({
  /** First day of the period (company time zone); default: 12 weeks before `to`. */
  from: Type.Optional(Day),
  /** Last day of the period, inclusive; default: today. */
  to: Type.Optional(Day),
  groupBy: Type.Union(
    [Type.Literal('rep'), Type.Literal('team'), Type.Literal('week'), Type.Literal('month')],
    {
      default: 'rep',
    },
  ),
  callType: Type.Optional(CallType),
  teamId: Type.Optional(Type.String({ format: 'uuid' })),
  repId: Type.Optional(Type.String({ format: 'uuid' })),
});
export type TermStatsQuery = Static<typeof TermStatsQuery>;

export const TermCounts = Type.Object({
  analysed: Type.Integer(),
  failed: Type.Integer(),
  pending: Type.Integer(),
  payment_terms: Type.Integer(),
  deadline: Type.Integer(),
  sanctions: Type.Integer(),
  allThree: Type.Integer(),
  deflection: Type.Integer(),
});
export type TermCounts = Static<typeof TermCounts>;

const Share = Nullable(Type.Number());
/** count / analysed per metric; null when nothing was analysed. */
export const TermShares = Type.Object({
  payment_terms: Share,
  deadline: Share,
  sanctions: Share,
  allThree: Share,
  deflection: Share,
});
export type TermShares = Static<typeof TermShares>;

export const TermStats = Type.Object({ counts: TermCounts, shares: TermShares });
export type TermStats = Static<typeof TermStats>;

const Range = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
});

export const TermStatsGroup = Type.Object({
  /** Rep or team id; null for reps without a team; the bucket's start instant for week/month. */
  key: Nullable(Type.String()),
  label: Nullable(Type.String()),
  /** The calls behind this group's numbers were recorded in [from, to) (clipped to the period). */
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  current: TermStats,
  /** The same group in the previous period (rep and team only). */
  previous: Nullable(TermStats),
  /** One entry per item of `weeks` (rep and team only; empty otherwise). */
  trend: Type.Array(TermStats),
});
export type TermStatsGroup = Static<typeof TermStatsGroup>;

export const FlagTrust = Type.Object({
  flag: Type.String(),
  corrections: Type.Integer(),
  agreements: Type.Integer(),
  /** agreements / corrections; null with no correction yet. */
  rate: Share,
});
export type FlagTrust = Static<typeof FlagTrust>;

export const TermStatsReport = Type.Object({
  timeZone: Type.String(),
  groupBy: Type.String(),
  period: Range,
  previousPeriod: Range,
  total: Type.Object({ current: TermStats, previous: TermStats }),
  /** Calendar weeks (company time zone) of the period, clipped to it. */
  weeks: Type.Array(Range),
  groups: Type.Array(TermStatsGroup),
  trust: Type.Array(FlagTrust),
});
export type TermStatsReport = Static<typeof TermStatsReport>;

/** A re-check still going: the numbers mix old and new verdicts until it ends. */
const RecheckShare = Type.Object({ done: Type.Integer(), total: Type.Integer() });

/**
 * GET /api/stats/basis: which rules the dashboard's numbers come from — the credit policy version the
 * breaches are checked against and the company checklist version of each call type the terms are
 * analysed with (null: none published; the default checklist) — and, while a re-check runs, how far.
 */
export const StatsBasisResponse = Type.Object({
  policy: Nullable(Type.Object({ version: Type.Integer(), recheck: Nullable(RecheckShare) })),
  checklists: Type.Array(
    Type.Object({
      callType: CallType,
      version: Nullable(Type.Integer()),
      recheck: Nullable(RecheckShare),
    }),
  ),
});
export type StatsBasisResponse = Static<typeof StatsBasisResponse>;
