import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api-client.ts';
import type { AuditPage } from '../admin-types.ts';

export interface AuditFilters {
  /** A full action (`user.role_changed`) or a prefix ending in a dot (`user.`). */
  action?: string;
  actorId?: string;
  /** ISO date-times. */
  from?: string;
  to?: string;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

/** Every audit query starts with this key: mutations invalidate all pages at once. */
export const auditQueryKey = ['admin', 'audit'] as const;

export const getAudit = (filters: AuditFilters) =>
  api<AuditPage>(withQuery('/api/admin/audit', { ...filters, pageSize: AUDIT_PAGE_SIZE }));

export const auditQueryOptions = (filters: AuditFilters) =>
  queryOptions({ queryKey: [...auditQueryKey, filters], queryFn: () => getAudit(filters) });

export const useAudit = (filters: AuditFilters) =>
  useQuery({ ...auditQueryOptions(filters), placeholderData: keepPreviousData });
