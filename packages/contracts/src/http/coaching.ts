import { Page, pageQuery } from './pages.ts';
import { Type, type Static } from '@sinclair/typebox';
import { RoleSchema } from './auth.ts';
import { CallSummary, FlagName } from './calls.ts';
import './formats.ts';
import { Literals, Nullable, StrictObject } from '../schemas.ts';

export const TagLabel = Type.Object({
  ru: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  en: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
});

export const CoachingTagView = Type.Object({ id: Type.String({ format: 'uuid' }), label: TagLabel });
export type CoachingTagView = Static<typeof CoachingTagView>;

export const NewTagBody = StrictObject({ label: TagLabel });
export const TagIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const Person = Type.Object({ id: Type.String(), name: Type.String(), role: RoleSchema });

export const ReplyView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  body: Type.String(),
  author: Person,
  createdAt: Type.String({ format: 'date-time' }),
});
export type ReplyView = Static<typeof ReplyView>;

export const ThreadStatus = Literals('open', 'acknowledged', 'disputed');

export const ThreadView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  callId: Type.String({ format: 'uuid' }),
  start: Type.Number(),
  end: Type.Number(),
  segment: Nullable(Type.Integer()),
  tag: Nullable(CoachingTagView),
  body: Type.String(),
  author: Person,
  createdAt: Type.String({ format: 'date-time' }),
  status: ThreadStatus,
  statusComment: Nullable(Type.String()),
  statusAt: Nullable(Type.String({ format: 'date-time' })),
  replies: Type.Array(ReplyView),
});
export type ThreadView = Static<typeof ThreadView>;

export const ThreadList = Type.Object({ threads: Type.Array(ThreadView) });
export type ThreadList = Static<typeof ThreadList>;

export const NewThreadBody = StrictObject({
  start: Type.Number({ minimum: 0, description: 'seconds from the start of the recording' }),
  end: Type.Optional(Type.Number({ minimum: 0, description: 'defaults to the segment end, or to start' })),
  segment: Type.Optional(Type.Integer({ minimum: 0, description: 'transcript segment index' })),
  tagId: Type.Optional(Type.String({ format: 'uuid' })),
  body: Type.String({ minLength: 1, maxLength: 5000 }),
});
export type NewThreadBody = Static<typeof NewThreadBody>;

export const ReplyBody = StrictObject({ body: Type.String({ minLength: 1, maxLength: 5000 }) });

export const AcknowledgeBody = StrictObject({
  status: Literals('acknowledged', 'disputed'),
  comment: Type.Optional(Type.String({ maxLength: 2000, description: 'required for a dispute' })),
});
export type AcknowledgeBody = Static<typeof AcknowledgeBody>;

export const AnnotationIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const FlagParams = Type.Object({ id: Type.String({ format: 'uuid' }), flag: FlagName });

export const CorrectionBody = StrictObject({
  stated: Type.Boolean({ description: 'for `deflection`: whether there was one' }),
  moments: Type.Optional(
    Type.Array(StrictObject({ segment: Type.Integer({ minimum: 0 }) }), {
      maxItems: 50,
      description: 'transcript segment indexes; times, speaker and quote are taken from the transcript',
    }),
  ),
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
});
export type CorrectionBody = Static<typeof CorrectionBody>;

export const Reviewed = Type.Object({ reviewedAt: Type.String({ format: 'date-time' }) });
export type Reviewed = Static<typeof Reviewed>;

export const FeedbackInbox = Type.Object({
  items: Type.Array(
    Type.Object({
      callId: Type.String({ format: 'uuid' }),
      clientName: Nullable(Type.String()),
      recordedAt: Type.String({ format: 'date-time' }),
      thread: ThreadView,
    }),
  ),
});
export type FeedbackInbox = Static<typeof FeedbackInbox>;
export type FeedbackItem = FeedbackInbox['items'][number];

export const ReviewInboxQuery = StrictObject({
  ...pageQuery,
  sort: Type.Optional(
    Type.Union([Type.Literal('attention'), Type.Literal('uncertain')], {
      default: 'attention',
      description:
        '`attention`: missing flags or deflections first; `uncertain`: the calls whose analysis is least sure of a verdict first',
    }),
  ),
});

export const ReviewInbox = Page(CallSummary);
export type ReviewInbox = Static<typeof ReviewInbox>;
