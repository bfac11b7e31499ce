import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { companyDayBoundary } from '../../../lib/format.ts';

/** Every filter of the calls list lives in the URL: shareable, and the back button undoes a change. */
export const FILTER_KEYS = [
  'q',
  'repId',
  'teamId',
  'clientId',
  'callType',
  'status',
  'missing',
  'stated',
  'deflection',
  'reviewed',
  'policyFinding',
  'from',
  'to',
  'sort',
  'page',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export const PAGE_SIZE = 50;

export function readFilters(params: URLSearchParams): Filters {
  const out: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

function dayBoundary(date: string, end: boolean): string | undefined {
  // An instant (the dashboard's drill-down: company-time-zone bounds, `to` exclusive) passes as it is.
  if (date.includes('T')) return Number.isNaN(Date.parse(date)) ? undefined : new Date(date).toISOString();
  const d = companyDayBoundary(date, end); // the company's day, whatever the browser's zone
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** URL filters → `GET /api/calls` query (dates become the local day's bounds). */
export function toApiParams(filters: Filters): Record<string, string> {
  const out: Record<string, string> = { pageSize: String(PAGE_SIZE), page: filters.page ?? '1' };
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (!value || key === 'page') continue;
    if (key === 'from' || key === 'to') {
      const iso = dayBoundary(value, key === 'to');
      if (iso) out[key] = iso;
    } else out[key] = value;
  }
  return out;
}

export function useCallFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  /** Changes some filters; any change but the page goes back to page 1. Each change is a history entry. */
  const update = useCallback(
    (change: Filters) => {
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(change)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (!('page' in change)) next.delete('page');
        return next;
      });
    },
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);
  return { filters, update, clear };
}
