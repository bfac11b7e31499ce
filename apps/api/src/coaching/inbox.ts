import { type CallList } from '@onterms/contracts';
import type { Kysely } from 'kysely';
import type { InboxCounts } from '@onterms/contracts';
import { countThreadsAwaiting, listThreadsAwaiting, type Database, type FeedbackItem } from '@onterms/db';
import { visibleRepIds } from '../access/policy.ts';
import type { Principal, UserPrincipal } from '../access/principal.ts';
import { listCallSummaries } from '../calls/call-list.ts';

/**
 * "My feedback": threads on the rep's own calls waiting for them — open ones to acknowledge or
 * dispute, and ones a manager answered since the rep's last word — most recently active first.
 */
export function feedbackInbox(db: Kysely<Database>, rep: UserPrincipal): Promise<FeedbackItem[]> {
  return listThreadsAwaiting(db, 'rep', [rep.userId]);
}

/** "Replies": threads on the manager's teams' calls that a rep disputed or replied to, unanswered since. */
export async function repliesInbox(db: Kysely<Database>, manager: Principal): Promise<FeedbackItem[]> {
  return listThreadsAwaiting(db, 'manager', (await visibleRepIds(db, manager)) ?? []);
}

/**
 * "To review": analysed calls of the manager's teams that nobody has reviewed yet, calls with a missing
 * flag or a deflection (effective verdicts) first, then newest — or, with `sort: 'uncertain'`, the calls
 * whose analysis is least sure of one of its verdicts first (a manager's time goes where the machine
 * may be wrong).
 */
export function reviewInbox(
  db: Kysely<Database>,
  manager: Principal,
  page: { page: number; pageSize: number; sort?: 'attention' | 'uncertain' },
): Promise<CallList> {
  return listCallSummaries(
    db,
    manager,
    { page: page.page, pageSize: page.pageSize, sort: page.sort ?? 'attention' },
    { status: ['analyzed'], reviewed: false },
  );
}

/** The navigation's counters: each role counts only its own queues. */
export async function inboxCounts(db: Kysely<Database>, principal: UserPrincipal): Promise<InboxCounts> {
  if (principal.role === 'rep') {
    return { toReview: 0, replies: 0, feedback: await countThreadsAwaiting(db, 'rep', [principal.userId]) };
  }
  if (principal.role !== 'manager') return { toReview: 0, replies: 0, feedback: 0 };
  const repIds = (await visibleRepIds(db, principal)) ?? [];
  const [toReview, replies] = await Promise.all([
    reviewInbox(db, principal, { page: 1, pageSize: 1 }).then((list) => list.total),
    countThreadsAwaiting(db, 'manager', repIds),
  ]);
  return { toReview, replies, feedback: 0 };
}
