import { type CallList, type CallListQuery } from '@onterms/contracts';
import type { Kysely } from 'kysely';
import {
  findTranscriptHits,
  getEffectiveFlags,
  getFlagJumpTimes,
  listCalls,
  type CallFilters,
  type CallSort,
  type CallStatus,
  type Database,
} from '@onterms/db';
import { visibleRepIds } from '../access/policy.ts';
import type { Principal } from '../access/principal.ts';
import { toCallSummary } from './call-views.ts';

/**
 * The calls list (and the "To review" inbox, which is the same list with fixed filters): the filters
 * always run inside the principal's scope, so a `repId` or `teamId` outside it simply matches nothing.
 */
export async function listCallSummaries(
  db: Kysely<Database>,
  principal: Principal,
  q: Omit<CallListQuery, 'sort'> & { sort?: CallSort },
  fixed: CallFilters = {},
): Promise<CallList> {
  const scope = await visibleRepIds(db, principal);
  const repIds = q.repId
    ? scope === null || scope.includes(q.repId)
      ? [q.repId]
      : []
    : (scope ?? undefined);
  const search = q.q?.trim() || undefined;
  const { items, total } = await listCalls(
    db,
    {
      ...(repIds && { repIds }),
      ...(q.teamId && { teamId: q.teamId }),
      ...(q.clientId && { clientId: q.clientId }),
      ...(q.callType && { callType: q.callType }),
      ...(q.status && { status: q.status.split(',') as CallStatus[] }),
      ...(q.from && { recordedFrom: new Date(q.from) }),
      ...(q.to && { recordedTo: new Date(q.to) }),
      ...(q.missing && { missing: q.missing }),
      ...(q.stated && { stated: q.stated }),
      ...(q.deflection !== undefined && { deflection: q.deflection }),
      ...(q.reviewed !== undefined && { reviewed: q.reviewed }),
      ...(q.policyFinding && { policyFinding: q.policyFinding }),
      ...(search && { search }),
      ...fixed,
    },
    { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    q.sort ?? '-recorded_at',
  );
  const ids = items.map((c) => c.id);
  const [flags, jumps, hits] = await Promise.all([
    getEffectiveFlags(db, ids),
    getFlagJumpTimes(db, ids),
    search ? findTranscriptHits(db, ids, search) : Promise.resolve(new Map()),
  ]);
  return {
    items: items.map((c) => toCallSummary(c, flags.get(c.id) ?? null, hits.get(c.id) ?? [], jumps.get(c.id))),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
