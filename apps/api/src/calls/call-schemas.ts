import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CallType, DeflectionResult, FlagResult, Language, Segment } from '@onterms/contracts';

export const CallStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('processing'),
  Type.Literal('waiting'),
  Type.Literal('transcribed'),
  Type.Literal('analyzed'),
  Type.Literal('failed'),
]);

export const UploadFields = Type.Object(
  {
    clientName: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    callType: Type.Optional(CallType),
    recordedAt: Type.Optional(Type.String({ format: 'date-time' })),
    language: Type.Optional(Language),
    repId: Type.Optional(Type.String({ format: 'uuid' })),
    repChannel: Type.Optional(Type.Union([Type.Literal('left'), Type.Literal('right')])),
  },
  { additionalProperties: false },
);
export type UploadFields = Static<typeof UploadFields>;

export const CallAccepted = Type.Object({ id: Type.String({ format: 'uuid' }), status: CallStatus });

/** Per-flag verdict on a calls-list row: true stated, false missing, null not analysed yet. */
export const FlagChips = Type.Record(Type.String(), Type.Boolean());

const callCore = {
  id: Type.String({ format: 'uuid' }),
  status: CallStatus,
  failureReason: Type.Union([Type.String(), Type.Null()]),
  repId: Type.String(),
  clientId: Type.Union([Type.String(), Type.Null()]),
  clientName: Type.Union([Type.String(), Type.Null()]),
  callType: CallType,
  recordedAt: Type.String({ format: 'date-time' }),
  durationSec: Type.Number(),
  language: Type.Union([Language, Type.Null()]),
};

export const CallSummary = Type.Object({ ...callCore, flags: Type.Union([FlagChips, Type.Null()]) });
export type CallSummary = Static<typeof CallSummary>;

export const CallListQuery = Type.Object(
  {
    repId: Type.Optional(Type.String({ format: 'uuid' })),
    clientId: Type.Optional(Type.String({ format: 'uuid' })),
    callType: Type.Optional(CallType),
    status: Type.Optional(Type.String({ pattern: '^[a-z]+(,[a-z]+)*$', description: 'comma-separated statuses' })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type CallListQuery = Static<typeof CallListQuery>;

export const CallList = Type.Object({
  items: Type.Array(CallSummary),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

/**
 * The contracts name `Moment` (`$id`) inside both FlagResult and DeflectionResult; one response schema
 * holding both would define that id twice, which the serializer's ajv refuses at boot. Same shape, no ids.
 */
function withoutIds<T extends TSchema>(schema: T): T {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      const out: Record<string | symbol, unknown> = {};
      for (const key of Reflect.ownKeys(value)) {
        if (key !== '$id') out[key] = strip((value as Record<string | symbol, unknown>)[key]);
      }
      return out;
    }
    return value;
  };
  return strip(schema) as T;
}

export const CallDetail = Type.Object({
  ...callCore,
    channels: Type.Integer(),
    repChannel: Type.Union([Type.Literal('left'), Type.Literal('right'), Type.Null()]),
    originalFilename: Type.Union([Type.String(), Type.Null()]),
    audioBytes: Type.Integer(),
    audioFormat: Type.String(),
    uploadedBy: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    analyzedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    transcriptSource: Type.Union([Type.Literal('upload'), Type.Literal('stt'), Type.Null()]),
    engine: Type.Object({
      stt: Type.Union([Type.String(), Type.Null()]),
      sttModel: Type.Union([Type.String(), Type.Null()]),
      sttAudioSeconds: Type.Union([Type.Number(), Type.Null()]),
      checklist: Type.Union([Type.Object({ id: Type.String(), version: Type.String() }), Type.Null()]),
      rules: Type.Union([Type.String(), Type.Null()]),
      llmModel: Type.Union([Type.String(), Type.Null()]),
    }),
    transcript: Type.Union([Type.Object({ language: Type.Union([Language, Type.Null()]), segments: Type.Array(Segment) }), Type.Null()]),
    /** Exactly the shape `onterms analyze` prints; null until analysed. */
    flags: Type.Union([Type.Record(Type.String(), withoutIds(FlagResult)), Type.Null()]),
    deflection: Type.Union([withoutIds(DeflectionResult), Type.Null()]),
});
export type CallDetail = Static<typeof CallDetail>;

export const CallIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const ErrorBody = Type.Object({ error: Type.String(), message: Type.String() }, { $id: 'ErrorBody' });
