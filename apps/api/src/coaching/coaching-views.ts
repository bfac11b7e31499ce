import { type CoachingTagView, type ReplyView, type ThreadView } from '@onterms/contracts';
import type { CoachingTag, Reply, Thread } from '@onterms/db';

export function toTagView(tag: CoachingTag): CoachingTagView {
  return { id: tag.id, label: tag.label };
}

export function toReplyView(reply: Reply): ReplyView {
  return { id: reply.id, body: reply.body, author: reply.author, createdAt: reply.createdAt.toISOString() };
}

export function toThreadView(t: Thread): ThreadView {
  return {
    id: t.id,
    callId: t.callId,
    start: t.start,
    end: t.end,
    segment: t.segment,
    tag: t.tag,
    body: t.body,
    author: t.author,
    createdAt: t.createdAt.toISOString(),
    status: t.status,
    statusComment: t.statusComment,
    statusAt: t.statusAt?.toISOString() ?? null,
    replies: t.replies.map(toReplyView),
  };
}
