import type { Metric, Range } from '../api/get-term-stats.ts';

/** A column of the dashboard that opens calls: a share metric, or a count kept apart. */
export type CellKind = Metric | 'analysed' | 'failed' | 'pending';

const METRIC_PARAMS: Record<CellKind, Record<string, string>> = {
  analysed: { status: 'analyzed' },
  payment_terms: { status: 'analyzed', stated: 'payment_terms' },
  deadline: { status: 'analyzed', stated: 'deadline' },
  sanctions: { status: 'analyzed', stated: 'sanctions' },
  allThree: { status: 'analyzed', stated: 'all' },
  deflection: { status: 'analyzed', deflection: 'true' },
  failed: { status: 'failed' },
  pending: { status: 'queued,processing,waiting,transcribed' },
};

export interface DrillScope {
  range: Range;
  repId?: string | undefined;
  teamId?: string | undefined;
  callType?: string | undefined;
}

/**
 * The calls-list URL that selects exactly the calls behind a dashboard number: the same scope, the
 * group's [from, to) as instants (so week and period bounds are the company time zone's, not the
 * browser's), and the metric as list filters. `/api/calls` with these filters counts what the stats count.
 */
export function drillDownUrl(kind: CellKind, scope: DrillScope): string {
  const params = new URLSearchParams();
  if (scope.repId) params.set('repId', scope.repId);
  if (scope.teamId) params.set('teamId', scope.teamId);
  if (scope.callType) params.set('callType', scope.callType);
  params.set('from', scope.range.from);
  params.set('to', scope.range.to);
  for (const [k, v] of Object.entries(METRIC_PARAMS[kind])) params.set(k, v);
  return `/calls?${params.toString()}`;
}
