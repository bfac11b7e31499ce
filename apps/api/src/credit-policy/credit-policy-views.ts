import type { ChecklistRecheck, PolicyRecheck, PolicyVersion } from '@onterms/db';
import type { ChecklistRecheckView, PolicyVersionView, RecheckView } from '@onterms/contracts';
import { DomainError } from '@onterms/domain';
import type { Principal } from '../access/principal.ts';
import { AppError } from '@onterms/domain';

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

/** A domain refusal as the API's one error type; anything else is rethrown untouched. */
export function fromDomain(
  error: unknown,
  invalid: 'invalid_policy' | 'bad_request' = 'invalid_policy',
): never {
  if (error instanceof DomainError) {
    // the JSON path of the bad field goes as `field`, so the editor shows the error beside it
    if (error.code === 'invalid')
      throw new AppError(invalid, error.message, error.path ? { field: error.path } : undefined);
    if (error.code === 'conflict') throw new AppError('conflict', error.message);
    throw new AppError('not_found', error.message);
  }
  throw error;
}

/** Who acts, for the audit log. */
export function actorOf(principal: Principal, ip: string) {
  return principal.kind === 'user'
    ? { userId: principal.userId, tokenId: null, ip }
    : { userId: null, tokenId: principal.tokenId, ip };
}
