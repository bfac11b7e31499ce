import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { AuditEntry } from '../admin-types.ts';

export const getAudit = () => api<{ items: AuditEntry[]; total: number }>('/api/admin/audit?pageSize=100');

export const auditQueryOptions = () => queryOptions({ queryKey: ['admin', 'audit'], queryFn: getAudit });

export const useAudit = () => useQuery(auditQueryOptions());
