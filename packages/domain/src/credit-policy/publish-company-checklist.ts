import {
  checklistAnalysisProgress,
  findCurrentChecklist,
  insertAuditEntry,
  insertChecklistVersion,
  startChecklistRecheck,
  type ChecklistCallType,
  type ChecklistRecheck,
  type ChecklistVersion,
} from '@onterms/db';
import { AppError } from '../app-error.ts';
import { compileCompanyChecklist } from './company-checklist.ts';
import type { CreditPolicyDeps } from './deps.ts';

/**
 * Publishes a company checklist for one call type (its own items and wording per language, usually
 * `extends` the default): validated and compiled by the analysis' checklist schema first (errors name
 * the JSON path), then numbered, stored and audited in one transaction. Versions are immutable like
 * the policy's. Calls analysed from then on use it; the checklist's `version` becomes the number.
 * As with the policy, the same transaction starts a re-check run, handed to the queue after the
 * commit: every analysed call of the type is analysed again with the new version (a queue that is
 * down leaves the run `running`, resumed at the next start or by POST /api/credit-policy/recheck).
 */
export async function publishCompanyChecklist(
  deps: Pick<CreditPolicyDeps, 'db' | 'enqueueRecheck' | 'actor'>,
  input: { callType: ChecklistCallType; document: unknown; baseVersion: number | null },
): Promise<{ checklist: ChecklistVersion; recheck: ChecklistRecheck }> {
  const doc = input.document;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new AppError('invalid_policy', '/: a checklist is a JSON object', { field: '/' });
  const published = await deps.db.transaction().execute(async (trx) => {
    const current = await findCurrentChecklist(trx, input.callType);
    if ((current?.version ?? null) !== input.baseVersion)
      throw new AppError(
        'conflict',
        `Version ${current?.version ?? 'none'} was published after the one you edited: reload and apply your changes again.`,
      );
    const version = (current?.version ?? 0) + 1;
    const document: Record<string, unknown> = {
      ...(doc as Record<string, unknown>),
      version: String(version),
    };
    compileCompanyChecklist(document);
    await insertChecklistVersion(trx, {
      callType: input.callType,
      version,
      document,
      publishedBy: deps.actor.userId,
    });
    await insertAuditEntry(trx, {
      actor: { userId: deps.actor.userId, tokenId: deps.actor.tokenId },
      action: 'checklist.publish',
      objectType: 'checklist',
      objectId: `${input.callType}:${version}`,
      details: { callType: input.callType, version, checklistId: document.id ?? null },
      ip: deps.actor.ip,
    });
    const { total } = await checklistAnalysisProgress(trx, input.callType, version);
    const recheck = await startChecklistRecheck(trx, input.callType, version, total);
    return { checklist: (await findCurrentChecklist(trx, input.callType))!, recheck };
  });
  await deps.enqueueRecheck(published.recheck.id);
  return published;
}
