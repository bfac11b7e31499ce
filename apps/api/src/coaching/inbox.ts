import type { Kysely } from 'kysely';
import { listOpenFeedbackForRep, type Database, type FeedbackItem } from '@onterms/db';
import type { Principal, UserPrincipal } from '../access/principal.ts';
import { listCallSummaries } from '../calls/call-list.ts';
import type { CallList } from '../calls/call-schemas.ts';

/** "My feedback": open threads on the rep's own calls, newest first. */
export function feedbackInbox(db: Kysely<Database>, rep: UserPrincipal): Promise<FeedbackItem[]> {
  return listOpenFeedbackForRep(db, rep.userId);
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
