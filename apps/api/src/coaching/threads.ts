import { type AcknowledgeBody, type NewThreadBody } from '@onterms/contracts';
import type { Kysely } from 'kysely';
import {
  findCoachingTag,
  findThread,
  getSegments,
  insertReply,
  insertThread,
  listThreadsOfCall,
  markCallReviewed,
  setThreadStatus,
  threadIdOf,
  type Call,
  type Database,
  type Reply,
  type Thread,
} from '@onterms/db';
import type { UserPrincipal } from '../access/principal.ts';
import { AppError, notFound } from '@onterms/domain';

/**
 * Feedback threads: a manager comments on a moment (a time range or a transcript segment), optionally
 * with a coaching tag; the rep and the team's managers reply; the rep acknowledges or disputes it.
 */

/** The recording's duration is probed, the player's times are floats: a hair past the end is the end. */
const END_TOLERANCE_SEC = 0.05;

export function listThreads(db: Kysely<Database>, call: Call): Promise<Thread[]> {
  return listThreadsOfCall(db, call.id);
}

export async function createThread(
  db: Kysely<Database>,
  manager: UserPrincipal,
  call: Call,
  body: NewThreadBody,
): Promise<Thread> {
  const text = body.body.trim();
  if (!text) throw new AppError('bad_request', 'The comment is empty.');
  const duration = call.audio.durationSec;
  const limit = duration + END_TOLERANCE_SEC;
  if (body.start > limit) {
    throw new AppError(
      'bad_request',
      `The moment starts at ${body.start}s, after the end of the call (${duration}s).`,
    );
  }
  let end = body.end;
  let segment: number | null = null;
  if (body.segment !== undefined) {
    const segments = await getSegments(db, call.id);
    const chosen = segments[body.segment];
    if (!chosen) {
      throw new AppError(
        'bad_request',
        segments.length === 0
          ? 'This call has no transcript yet, so there is no segment to comment on; choose a time range instead.'
          : `Segment ${body.segment} does not exist: the transcript has segments 0 to ${segments.length - 1}.`,
      );
    }
    segment = body.segment;
    end ??= Math.max(body.start, chosen.end);
  }
  end ??= body.start;
  if (end < body.start)
    throw new AppError('bad_request', 'The moment ends before it starts: end must not be less than start.');
  if (end > limit)
    throw new AppError(
      'bad_request',
      `The moment ends at ${end}s, after the end of the call (${duration}s).`,
    );
  end = Math.min(end, duration);

  let tagId: string | null = null;
  if (body.tagId !== undefined) {
    const tag = await findCoachingTag(db, body.tagId);
    if (!tag || tag.archived)
      throw new AppError('bad_request', 'Unknown tag: choose one of the coaching tags.');
    tagId = tag.id;
  }
  const id = await db.transaction().execute(async (trx) => {
    const created = await insertThread(trx, {
      callId: call.id,
      authorId: manager.userId,
      start: body.start,
      end,
      segment,
      tagId,
      body: text,
    });
    // Leaving feedback is reviewing the call.
    await markCallReviewed(trx, call.id, manager.userId);
    return created;
  });
  return (await findThread(db, id))!;
}

export async function replyTo(
  db: Kysely<Database>,
  author: UserPrincipal,
  annotation: { id: string; callId: string },
  body: string,
): Promise<Reply> {
  const text = body.trim();
  if (!text) throw new AppError('bad_request', 'The reply is empty.');
  // A reply to a reply joins the same thread: threads are one level deep.
  const threadId = await threadIdOf(db, annotation.id);
  if (!threadId) throw notFound('annotation');
  return insertReply(db, { threadId, callId: annotation.callId, authorId: author.userId, body: text });
}

export async function answerFeedback(
  db: Kysely<Database>,
  annotation: { id: string },
  body: AcknowledgeBody,
): Promise<Thread> {
  const comment = body.comment?.trim() || null;
  if (body.status === 'disputed' && !comment) {
    throw new AppError('bad_request', 'Say what you disagree with: a dispute needs a comment.');
  }
  const threadId = await threadIdOf(db, annotation.id);
  if (!threadId) throw notFound('annotation');
  await setThreadStatus(db, threadId, body.status, comment);
  return (await findThread(db, threadId))!;
}
