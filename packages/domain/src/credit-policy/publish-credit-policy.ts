import { PolicyError, validatePolicy } from '@onterms/analysis';
import type { CreditPolicy } from '@onterms/contracts';
import {
  findCurrentPolicy,
  insertAuditEntry,
  insertPolicyVersion,
  lockPolicyPublishing,
  policyCheckProgress,
  startRecheck,
  type PolicyRecheck,
} from '@onterms/db';
import { AppError } from '../app-error.ts';
import type { CreditPolicyDeps } from './deps.ts';

export interface PublishCreditPolicyInput {
  /** The policy document as sent (its `version` is replaced by the next number). */
  document: unknown;
  /** The version the editor started from (null: none published yet); another publish since → conflict. */
  baseVersion: number | null;
  note?: string | null;
}

/**
 * Publishes a new version of the credit policy. All or nothing: the version row, the re-check run and
 * the audit entry are written in one transaction, under a lock on the versions table, so no call is
 * ever checked against half a policy and two publishers cannot both become version N. Published
 * versions are never rewritten (a trigger refuses). After the commit the re-check of every analysed
 * call is handed to the queue; if the queue is down the run stays `running` and resumes at the next
 * start (embedded) or the next publish.
 */
export async function publishCreditPolicy(
  deps: Pick<CreditPolicyDeps, 'db' | 'enqueueRecheck' | 'actor'>,
  input: PublishCreditPolicyInput,
): Promise<{ policy: CreditPolicy; recheck: PolicyRecheck }> {
  let checked: CreditPolicy;
  try {
    // the version is the server's to number: a document passes with any version ≥ 1
    const doc = input.document as Record<string, unknown> | null;
    checked = validatePolicy(
      doc && typeof doc === 'object' && !Array.isArray(doc) ? { ...doc, version: doc.version ?? 1 } : doc,
    );
  } catch (e) {
    if (e instanceof PolicyError)
      throw new AppError('invalid_policy', e.message, e.path ? { field: e.path } : undefined);
    throw e;
  }
  const published = await deps.db.transaction().execute(async (trx) => {
    await lockPolicyPublishing(trx);
    const current = await findCurrentPolicy(trx);
    const currentVersion = current?.version ?? null;
    if (currentVersion !== input.baseVersion)
      throw new AppError(
        'conflict',
        `Version ${currentVersion} was published after the one you edited (${input.baseVersion ?? 'none'}): reload and apply your changes again.`,
      );
    const policy: CreditPolicy = { ...checked, version: (currentVersion ?? 0) + 1 };
    await insertPolicyVersion(trx, {
      document: policy,
      publishedBy: deps.actor.userId,
      note: input.note ?? null,
    });
    const { total } = await policyCheckProgress(trx, policy.version);
    const recheck = await startRecheck(trx, policy.version, total);
    await insertAuditEntry(trx, {
      actor: { userId: deps.actor.userId, tokenId: deps.actor.tokenId },
      action: 'credit_policy.publish',
      objectType: 'credit_policy',
      objectId: String(policy.version),
      details: {
        policyId: policy.id,
        version: policy.version,
        previousVersion: currentVersion,
        segments: policy.segments.map((s) => s.id),
        ...(input.note ? { note: input.note } : {}),
      },
      ip: deps.actor.ip,
    });
    return { policy, recheck };
  });
  await deps.enqueueRecheck(published.recheck.id);
  return published;
}
