import { type TermStats, type TermStatsQuery, type TermStatsReport } from '@onterms/contracts';
import type { Kysely } from 'kysely';
import {
  ensureStatsTimeZone,
  findStatsLabels,
  queryTermStats,
  STAT_FLAGS,
  type Database,
  type FlagAgreement,
  type StatFlag,
  type TermCounts,
} from '@onterms/db';
import { visibleRepIds } from '../access/policy.ts';
import type { Principal } from '../access/principal.ts';
import { AppError } from '@onterms/domain';
import {
  addDays,
  addMonths,
  daysBetween,
  firstOfMonth,
  mondayOf,
  startOfDayIn,
  todayIn,
} from '@onterms/calendar';

export interface StatsDeps {
  db: Kysely<Database>;
  /** COMPANY_TIME_ZONE: where weeks and months begin. */
  timeZone: string;
}

const DEFAULT_DAYS = 84;
const MAX_DAYS = 3 * 366;

/** Counts of nothing: where every group, period and week starts. */
export const zeroCounts = (): TermCounts => ({
  analysed: 0,
  failed: 0,
  pending: 0,
  payment_terms: 0,
  deadline: 0,
  sanctions: 0,
  allThree: 0,
  deflection: 0,
});

function add(into: TermCounts, c: TermCounts): void {
  for (const k of Object.keys(into) as (keyof TermCounts)[]) into[k] += c[k];
}

export function toTermStats(counts: TermCounts): TermStats {
  const share = (k: keyof TermCounts) => (counts.analysed ? counts[k] / counts.analysed : null);
  return {
    counts,
    shares: {
      payment_terms: share('payment_terms'),
      deadline: share('deadline'),
      sanctions: share('sanctions'),
      allThree: share('allThree'),
      deflection: share('deflection'),
    },
  };
}

/**
 * Terms voiced, per rep / team / week / month, in the principal's scope (reps: their own calls;
 * managers: their teams' reps; directors: everyone), with the previous period of equal length.
 * Verdicts are effective ones (a manager's correction wins); failed and not-yet-analysed calls are
 * counted apart, never as "missing". Every group carries the [from, to) of the calls behind it, so the
 * UI can open exactly those calls in the list.
 */
export async function termStats(
  deps: StatsDeps,
  principal: Principal,
  q: Partial<TermStatsQuery>,
): Promise<TermStatsReport> {
  const tz = deps.timeZone;
  const groupBy = q.groupBy ?? 'rep';
  const lastDay = q.to ?? todayIn(tz);
  const firstDay = q.from ?? addDays(lastDay, -(DEFAULT_DAYS - 1));
  const days = daysBetween(firstDay, lastDay) + 1;
  if (days < 1) throw new AppError('bad_request', '`from` must not be after `to`.', { field: 'from' });
  if (days > MAX_DAYS) throw new AppError('bad_request', 'Pick a period of at most three years.');
  const from = startOfDayIn(firstDay, tz);
  const to = startOfDayIn(addDays(lastDay, 1), tz);
  const previousFrom = startOfDayIn(addDays(firstDay, -days), tz);

  const scope = await visibleRepIds(deps.db, principal);
  const repIds = q.repId ? (scope === null || scope.includes(q.repId) ? [q.repId] : []) : scope;

  await ensureStatsTimeZone(deps.db, tz);
  const rows = await queryTermStats(deps.db, {
    from: firstDay,
    to: lastDay,
    previousFrom: addDays(firstDay, -days),
    groupBy,
    repIds,
    ...(q.teamId && { teamId: q.teamId }),
    ...(q.callType && { callType: q.callType }),
  });

  // Calendar weeks of the period, clipped to it.
  const weekStarts: string[] = [];
  for (let d = mondayOf(firstDay); d <= lastDay; d = addDays(d, 7)) weekStarts.push(d);
  const weeks = weekStarts.map((d) => ({
    from: new Date(Math.max(startOfDayIn(d, tz).getTime(), from.getTime())),
    to: new Date(Math.min(startOfDayIn(addDays(d, 7), tz).getTime(), to.getTime())),
    key: d,
  }));
  const weekIndex = new Map(weeks.map((w, i) => [w.key, i]));

  const total = { current: zeroCounts(), previous: zeroCounts() };
  const trust = Object.fromEntries(STAT_FLAGS.map((f) => [f, { corrections: 0, agreements: 0 }])) as Record<
    StatFlag,
    FlagAgreement
  >;
  interface Acc {
    current: TermCounts;
    previous: TermCounts;
    trend: TermCounts[];
  }
  const groups = new Map<string | null, Acc>();
  const accFor = (key: string | null) => {
    let acc = groups.get(key);
    if (!acc) {
      acc = { current: zeroCounts(), previous: zeroCounts(), trend: weeks.map(zeroCounts) };
      groups.set(key, acc);
    }
    return acc;
  };

  for (const row of rows) {
    add(total[row.period], row.counts);
    if (row.period === 'current') {
      for (const f of STAT_FLAGS) {
        trust[f].corrections += row.agreement[f].corrections;
        trust[f].agreements += row.agreement[f].agreements;
      }
    }
    const bucketed = groupBy === 'week' || groupBy === 'month';
    if (bucketed && row.period === 'previous') continue;
    const acc = accFor(row.key);
    add(acc[row.period], row.counts);
    const i = weekIndex.get(row.week);
    if (!bucketed && row.period === 'current' && i !== undefined) add(acc.trend[i]!, row.counts);
  }

  const periodRange = { from: from.toISOString(), to: to.toISOString() };
  let out: TermStatsReport['groups'];
  if (groupBy === 'rep' || groupBy === 'team') {
    const ids = [...groups.keys()].filter((k): k is string => k !== null);
    const labels = await findStatsLabels(deps.db, groupBy, ids);
    out = [...groups.entries()].map(([key, acc]) => ({
      key,
      label: key === null ? null : (labels.get(key) ?? null),
      ...periodRange,
      current: toTermStats(acc.current),
      previous: toTermStats(acc.previous),
      trend: acc.trend.map(toTermStats),
    }));
    out.sort(worstFirst);
  } else {
    // Every bucket of the period, empty ones too, in order.
    const starts: string[] = [];
    if (groupBy === 'week') starts.push(...weekStarts);
    else for (let d = firstOfMonth(firstDay); d <= lastDay; d = addMonths(d, 1)) starts.push(d);
    out = starts.map((d) => {
      const start = startOfDayIn(d, tz);
      const end = startOfDayIn(groupBy === 'week' ? addDays(d, 7) : addMonths(d, 1), tz);
      const acc = groups.get(d);
      return {
        key: start.toISOString(),
        label: d,
        from: new Date(Math.max(start.getTime(), from.getTime())).toISOString(),
        to: new Date(Math.min(end.getTime(), to.getTime())).toISOString(),
        current: toTermStats(acc?.current ?? zeroCounts()),
        previous: null,
        trend: [],
      };
    });
  }

  return {
    timeZone: tz,
    groupBy,
    period: periodRange,
    previousPeriod: { from: previousFrom.toISOString(), to: from.toISOString() },
    total: { current: toTermStats(total.current), previous: toTermStats(total.previous) },
    weeks: weeks.map((w) => ({ from: w.from.toISOString(), to: w.to.toISOString() })),
    groups: out,
    trust: STAT_FLAGS.map((flag) => ({
      flag,
      ...trust[flag],
      rate: trust[flag].corrections ? trust[flag].agreements / trust[flag].corrections : null,
    })),
  };
}

/** Lowest share of calls with all three terms first; groups with nothing analysed last. */
function worstFirst(a: TermStatsReport['groups'][number], b: TermStatsReport['groups'][number]): number {
  const x = a.current.shares.allThree;
  const y = b.current.shares.allThree;
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return x - y || b.current.counts.analysed - a.current.counts.analysed;
}
