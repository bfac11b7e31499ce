import { Type, type Static } from '@sinclair/typebox';
import '../http/formats.ts';
import { CallSummary, FlagCorrectionView, FlagName } from '../calls/call-schemas.ts';

export { FlagCorrectionView };

export const TagLabel = Type.Object({
  ru: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  en: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
});

export const CoachingTagView = Type.Object({ id: Type.String({ format: 'uuid' }), label: TagLabel });
export type CoachingTagView = Static<typeof CoachingTagView>;

export const NewTagBody = Type.Object({ label: TagLabel }, { additionalProperties: false });
export const TagIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

const Person = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.Union([
    Type.Literal('rep'),
    Type.Literal('manager'),
    Type.Literal('director'),
    Type.Literal('admin'),
  ]),
});

export const ReplyView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  body: Type.String(),
  author: Person,
  createdAt: Type.String({ format: 'date-time' }),
});
export type ReplyView = Static<typeof ReplyView>;

export const ThreadStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('acknowledged'),
  Type.Literal('disputed'),
]);

export const ThreadView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  callId: Type.String({ format: 'uuid' }),
  start: Type.Number(),
  end: Type.Number(),
  segment: Type.Union([Type.Integer(), Type.Null()]),
  tag: Type.Union([CoachingTagView, Type.Null()]),
  body: Type.String(),
  author: Person,
  createdAt: Type.String({ format: 'date-time' }),
  status: ThreadStatus,
  statusComment: Type.Union([Type.String(), Type.Null()]),
  statusAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  replies: Type.Array(ReplyView),
});
export type ThreadView = Static<typeof ThreadView>;

export const ThreadList = Type.Object({ threads: Type.Array(ThreadView) });

export const NewThreadBody = Type.Object(
  {
    start: Type.Number({ minimum: 0, description: 'seconds from the start of the recording' }),
    end: Type.Optional(Type.Number({ minimum: 0, description: 'defaults to the segment end, or to start' })),
    segment: Type.Optional(Type.Integer({ minimum: 0, description: 'transcript segment index' })),
    tagId: Type.Optional(Type.String({ format: 'uuid' })),
    body: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  { additionalProperties: false },
);
export type NewThreadBody = Static<typeof NewThreadBody>;

export const ReplyBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);

export const AcknowledgeBody = Type.Object(
  {
    status: Type.Union([Type.Literal('acknowledged'), Type.Literal('disputed')]),
    comment: Type.Optional(Type.String({ maxLength: 2000, description: 'required for a dispute' })),
  },
  { additionalProperties: false },
);
export type AcknowledgeBody = Static<typeof AcknowledgeBody>;

export const AnnotationIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const FlagParams = Type.Object({ id: Type.String({ format: 'uuid' }), flag: FlagName });

export const CorrectionBody = Type.Object(
  {
    stated: Type.Boolean({ description: 'for `deflection`: whether there was one' }),
    moments: Type.Optional(
      Type.Array(Type.Object({ segment: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }), {
        maxItems: 50,
        description: 'transcript segment indexes; times, speaker and quote are taken from the transcript',
      }),
    ),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type CorrectionBody = Static<typeof CorrectionBody>;

export const Reviewed = Type.Object({ reviewedAt: Type.String({ format: 'date-time' }) });

export const FeedbackInbox = Type.Object({
  items: Type.Array(
    Type.Object({
      callId: Type.String({ format: 'uuid' }),
      clientName: Type.Union([Type.String(), Type.Null()]),
      recordedAt: Type.String({ format: 'date-time' }),
      thread: ThreadView,
    }),
  ),
});

export const ReviewInboxQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    sort: Type.Optional(
      Type.Union([Type.Literal('attention'), Type.Literal('uncertain')], {
        default: 'attention',
        description:
          '`attention`: missing flags or deflections first; `uncertain`: the calls whose analysis is least sure of a verdict first',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ReviewInbox = Type.Object({
  items: Type.Array(CallSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
