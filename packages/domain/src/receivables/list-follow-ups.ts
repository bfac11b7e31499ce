import type { Kysely } from 'kysely';
import {
  listFollowUps as queryFollowUps,
  type Database,
  type FollowUpItem,
  type FollowUpKind,
} from '@onterms/db';
import type { CreditPolicyLookup } from '../credit-policy/credit-policy-lookup.ts';

export interface FollowUpDeps {
  db: Kysely<Database>;
  policy: CreditPolicyLookup;
  /** FOLLOW_UP_DAYS: days an overdue client may go without a call when no policy segment says otherwise. */
  defaultDays: number;
  /** Today where the company is (YYYY-MM-DD). */
  today: () => string;
  now: () => Date;
}

export interface FollowUpQueue {
  items: FollowUpItem[];
  counts: Record<FollowUpKind, number> & { total: number };
}

/** A credit negotiation this recent with a client who is overdue needs a word with the manager. */
const NEGOTIATION_WINDOW_DAYS = 30;
const LIMIT = 500;

/**
 * The follow-up queue in a caller's scope (`repIds`, null: everyone): overdue invoices with no call to the
 * client within N days — a client's first delay first —, broken promises, negotiations with overdue clients.
 */
export async function listFollowUps(deps: FollowUpDeps, repIds: string[] | null): Promise<FollowUpQueue> {
  const items = await queryFollowUps(deps.db, {
    repIds,
    today: deps.today(),
    now: deps.now(),
    defaultDays: deps.defaultDays,
    followUpDays: await deps.policy.followUpDays(),
    negotiationWindowDays: NEGOTIATION_WINDOW_DAYS,
    limit: LIMIT,
  });
  const counts = { total: items.length, overdue_no_call: 0, broken_promise: 0, negotiation_overdue: 0 };
  for (const item of items) counts[item.kind]++;
  return { items, counts };
}
