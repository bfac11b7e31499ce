import { useSearchParams } from 'react-router';
import type { AuditFilters } from '../api/get-audit.ts';

/** What the audit filters keep in the URL: `action`, `actor` (user id), `from`/`to` (YYYY-MM-DD), `page`. */
export interface AuditUrlFilters {
  action?: string;
  actor?: string;
  from?: string;
  to?: string;
  page?: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A local calendar day's start (or end) as an ISO instant: the range the person picked, in their zone. */
function dayBound(day: string | undefined, end: boolean): string | undefined {
  if (!day || !DAY.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function useAuditFilters() {
  const [params, setParams] = useSearchParams();
  const get = (key: string) => params.get(key) || undefined;
  const page = Number(params.get('page'));
  const filters: AuditUrlFilters = {
    action: get('action'),
    actor: get('actor'),
    from: get('from'),
    to: get('to'),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
  const query: AuditFilters = {
    action: filters.action,
    actorId: filters.actor,
    from: dayBound(filters.from, false),
    to: dayBound(filters.to, true),
    page: filters.page ?? 1,
  };
  /** Changing any filter goes back to page 1; other URL params (the tab) stay. */
  const change = (next: AuditUrlFilters) =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(next)) {
        if (value === undefined || value === '') out.delete(key);
        else out.set(key, String(value));
      }
      if (!('page' in next)) out.delete('page');
      return out;
    });
  const clear = () =>
    setParams((prev) => {
      const out = new URLSearchParams(prev);
      for (const key of ['action', 'actor', 'from', 'to', 'page']) out.delete(key);
      return out;
    });
  return { filters, query, change, clear };
}
