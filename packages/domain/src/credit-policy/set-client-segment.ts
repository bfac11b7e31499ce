import {
  findClient,
  findCurrentPolicy,
  insertAuditEntry,
  setClientSegment,
  type Database,
} from '@onterms/db';
import type { Kysely } from 'kysely';
import { AppError } from '../app-error.ts';
import type { CreditPolicyDeps } from './deps.ts';

/**
 * Sets a client's credit-policy segment (null: back to the policy's default). The segment must be one
 * of the current policy's. Audited. Calls already checked keep their check until the next re-check
 * or re-analysis.
 */
export async function setSegmentOfClient(
  deps: { db: Kysely<Database>; actor: CreditPolicyDeps['actor'] },
  clientId: string,
  segment: string | null,
): Promise<{ id: string; name: string; segment: string | null }> {
  return deps.db.transaction().execute(async (trx) => {
    const client = await findClient(trx, clientId);
    if (!client) throw new AppError('not_found', 'No such client.');
    if (segment !== null) {
      const policy = await findCurrentPolicy(trx);
      const ids = policy?.document.segments.map((s) => s.id) ?? [];
      if (!ids.includes(segment))
        throw new AppError(
          'bad_request',
          policy
            ? `No segment "${segment}" in the credit policy (version ${policy.version}): ${ids.join(', ')}.`
            : 'No credit policy is published yet: publish one before giving clients segments.',
          { field: 'segment' },
        );
    }
    await setClientSegment(trx, clientId, segment);
    await insertAuditEntry(trx, {
      actor: { userId: deps.actor.userId, tokenId: deps.actor.tokenId },
      action: 'client.segment',
      objectType: 'client',
      objectId: clientId,
      details: { from: client.segment, to: segment },
      ip: deps.actor.ip,
    });
    return { ...client, segment };
  });
}
