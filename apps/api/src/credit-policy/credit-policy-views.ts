import type { ChecklistRecheck, PolicyRecheck, PolicyVersion } from '@onterms/db';
import type { ChecklistRecheckView, PolicyVersionView, RecheckView } from '@onterms/contracts';
import type { Principal } from '../access/principal.ts';

export const toVersionView = (v: PolicyVersion): PolicyVersionView => ({
  version: v.version,
  policyId: v.policyId,
  document: v.document,
  publishedAt: v.publishedAt.toISOString(),
  publishedBy: v.publishedBy,
  note: v.note,
});

const runView = (r: PolicyRecheck | ChecklistRecheck) => ({
  id: r.id,
  total: r.total,
  done: r.done,
  status: r.status,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

export const toRecheckView = (r: PolicyRecheck): RecheckView => ({
  ...runView(r),
  policyVersion: r.policyVersion,
});

export const toChecklistRecheckView = (r: ChecklistRecheck): ChecklistRecheckView => ({
  ...runView(r),
  callType: r.callType,
  checklistVersion: r.checklistVersion,
});

/** Who acts, for the audit log. */
export function actorOf(principal: Principal, ip: string) {
  return principal.kind === 'user'
    ? { userId: principal.userId, tokenId: null, ip }
    : { userId: null, tokenId: principal.tokenId, ip };
}
