import { checkPolicy } from '@onterms/analysis';
import type { AnalysisResult, PolicyCheck } from '@onterms/contracts';
import { findSegmentOfCallClient, savePolicyCheck, type Database, type PolicyVersion } from '@onterms/db';
import type { Kysely, Transaction } from 'kysely';
import { findCurrentPolicy } from '@onterms/db';

/**
 * Checks one analysed call against the credit policy (the current version unless one is given) and
 * stores the check — the version and segment used, and the findings — replacing the previous one.
 * The client's own segment is used, else the policy's default (the check says so). Returns null when
 * no policy is published yet (nothing is stored). Idempotent: the same inputs store the same rows.
 */
export async function checkCallAgainstPolicy(
  db: Kysely<Database> | Transaction<Database>,
  callId: string,
  result: AnalysisResult,
  policy?: PolicyVersion | null,
): Promise<PolicyCheck | null> {
  const version = policy === undefined ? await findCurrentPolicy(db) : policy;
  if (!version) return null;
  const check = checkPolicy(result, version.document, await findSegmentOfCallClient(db, callId));
  await savePolicyCheck(db, callId, check);
  return check;
}
