import type { Database } from '@onterms/db';
import type { Kysely } from 'kysely';

/** Everything the credit-policy actions use; each action takes only its `Pick`. */
export interface CreditPolicyDeps {
  db: Kysely<Database>;
  /** Schedules a re-check run (a policy or a checklist publish) through the queue (BullMQ, or the in-process runner when embedded). */
  enqueueRecheck: (recheckId: string) => Promise<void>;
  /** Who acts, for the audit log. */
  actor: { userId: string | null; tokenId: string | null; ip: string | null };
}
