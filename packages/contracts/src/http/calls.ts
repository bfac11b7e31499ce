import { Page, pageQuery } from './pages.ts';
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { DeflectionResult, FlagResult, Moment } from '../analysis.ts';
import { FindingKind } from '../credit-policy.ts';
import { CallType, Language, Segment } from '../transcript.ts';
import './formats.ts';
import { Literals, Nullable, StrictObject } from '../schemas.ts';

export const CallStatus = Literals('queued', 'processing', 'waiting', 'transcribed', 'analyzed', 'failed');
export type CallStatus = Static<typeof CallStatus>;

export const UploadFields = StrictObject({
  clientName: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  /** A known client picked in the form (autocomplete), instead of a name typed freely. */
  clientId: Type.Optional(Type.String({ format: 'uuid' })),
  /** A known client by tax id (ИНН), for telephony systems that know it. */
  clientTaxId: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  callType: Type.Optional(CallType),
  recordedAt: Type.Optional(Type.String({ format: 'date-time' })),
  language: Type.Optional(Language),
  repId: Type.Optional(Type.String({ format: 'uuid' })),
  repChannel: Type.Optional(Literals('left', 'right')),
});
export type UploadFields = Static<typeof UploadFields>;

export const CallAccepted = Type.Object({ id: Type.String({ format: 'uuid' }), status: CallStatus });

/**
 * Per-flag verdict on a calls-list row (the three checklist items and `deflection`): true stated (for
 * deflection: present), false missing. The effective verdict — a manager's correction wins over the machine.
 */
export const FlagChips = Type.Record(Type.String(), Type.Boolean());

/** The flags a manager may correct. */
export const CORRECTABLE_FLAGS = ['payment_terms', 'deadline', 'sanctions', 'deflection'] as const;
export const FlagName = Literals(...CORRECTABLE_FLAGS);
export type FlagName = Static<typeof FlagName>;

/** A matching transcript segment: `ranges` are [from, to) character offsets of the matched words in `text`. */
export const SearchHit = Type.Object({
  segment: Type.Integer(),
  start: Type.Number(),
  text: Type.String(),
  /** The same plain text as `text` (no markup); highlight with `ranges`. */
  snippet: Type.String(),
  ranges: Type.Array(Type.Tuple([Type.Integer(), Type.Integer()])),
});
export type SearchHit = Static<typeof SearchHit>;

const callCore = {
  id: Type.String({ format: 'uuid' }),
  status: CallStatus,
  failureReason: Nullable(Type.String()),
  /** Why a failed call failed, as a stable code the UI translates (see the API README); null otherwise. */
  failureCode: Nullable(Type.String()),
  repId: Type.String(),
  repName: Type.String(),
  teamId: Nullable(Type.String()),
  teamName: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String({ format: 'date-time' })),
  clientId: Nullable(Type.String()),
  clientName: Nullable(Type.String()),
  callType: CallType,
  recordedAt: Type.String({ format: 'date-time' }),
  durationSec: Type.Number(),
  language: Nullable(Language),
};

export const CallSummary = Type.Object({
  ...callCore,
  /** Null until analysed. */
  flags: Nullable(FlagChips),
  /** The flags whose verdict is a manager's correction. */
  corrected: Type.Array(Type.String()),
  /**
   * Seconds into the call where each flag's chip opens it: a stated flag's first moment, a missing
   * flag's first opportunity. Flags with neither are absent.
   */
  flagAt: Type.Record(Type.String(), Type.Number()),
  /** Up to 3 matching segments when searching with `q`; empty otherwise. */
  hits: Type.Array(SearchHit),
});
export type CallSummary = Static<typeof CallSummary>;

export const CallListQuery = StrictObject({
  repId: Type.Optional(Type.String({ format: 'uuid' })),
  clientId: Type.Optional(Type.String({ format: 'uuid' })),
  callType: Type.Optional(CallType),
  status: Type.Optional(
    Type.String({ pattern: '^[a-z]+(,[a-z]+)*$', description: 'comma-separated statuses' }),
  ),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        'full-text search in transcripts (web-search syntax: "phrase", or, -word; Russian and English)',
    }),
  ),
  teamId: Type.Optional(Type.String({ format: 'uuid' })),
  policyFinding: Type.Optional(
    Type.Union([Type.Literal('any'), FindingKind], {
      description: 'calls whose credit-policy check found this kind (any: at least one breach)',
    }),
  ),
  missing: Type.Optional(
    Type.Union(
      [
        Type.Literal('payment_terms'),
        Type.Literal('deadline'),
        Type.Literal('sanctions'),
        Type.Literal('any'),
      ],
      {
        description: 'calls where this checklist item (or any) was not stated',
      },
    ),
  ),
  stated: Type.Optional(
    Type.Union(
      [
        Type.Literal('payment_terms'),
        Type.Literal('deadline'),
        Type.Literal('sanctions'),
        Type.Literal('all'),
      ],
      {
        description: "calls where this checklist item (or all three) was stated (the dashboard's drill-down)",
      },
    ),
  ),
  deflection: Type.Optional(
    Type.Boolean({ description: 'calls with (true) or without (false) a deflection' }),
  ),
  reviewed: Type.Optional(Type.Boolean()),
  sort: Type.Union(
    [
      Type.Literal('recorded_at'),
      Type.Literal('-recorded_at'),
      Type.Literal('duration'),
      Type.Literal('-duration'),
      Type.Literal('client'),
      Type.Literal('-client'),
      Type.Literal('attention'),
      Type.Literal('uncertain'),
    ],
    {
      default: '-recorded_at',
      description:
        '`attention`: missing flags or deflections first, then newest; `uncertain`: the least certain analysis first',
    },
  ),
  ...pageQuery,
});
export type CallListQuery = Static<typeof CallListQuery>;

export const CallList = Page(CallSummary);
export type CallList = Static<typeof CallList>;

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

/** A manager's correction of one flag: who, why, and the moments they pointed at. */
export const FlagCorrectionView = Type.Object({
  flag: Type.String(),
  stated: Type.Boolean(),
  moments: Type.Array(withoutIds(Moment)),
  reason: Type.String(),
  by: Type.Object({ id: Type.String(), name: Type.String() }),
  at: Type.String({ format: 'date-time' }),
});
export type FlagCorrectionView = Static<typeof FlagCorrectionView>;

export const EffectiveVerdict = Type.Object({
  stated: Type.Boolean(),
  source: Literals('machine', 'correction'),
  moments: Type.Array(withoutIds(Moment)),
});
export type EffectiveVerdict = Static<typeof EffectiveVerdict>;

export const CallDetail = Type.Object({
  ...callCore,
  channels: Type.Integer(),
  repChannel: Type.Union([Type.Literal('left'), Type.Literal('right'), Type.Null()]),
  originalFilename: Nullable(Type.String()),
  audioBytes: Type.Integer(),
  audioFormat: Type.String(),
  uploadedBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  analyzedAt: Nullable(Type.String({ format: 'date-time' })),
  transcriptSource: Type.Union([Type.Literal('upload'), Type.Literal('stt'), Type.Null()]),
  engine: Type.Object({
    stt: Nullable(Type.String()),
    sttModel: Nullable(Type.String()),
    sttAudioSeconds: Nullable(Type.Number()),
    /** What the speech-to-text engine wants a reviewer to know (approximate timestamps, guessed speakers …). */
    sttNotes: Type.Array(Type.String()),
    checklist: Nullable(Type.Object({ id: Type.String(), version: Type.String() })),
    rules: Nullable(Type.String()),
    llmModel: Nullable(Type.String()),
  }),
  transcript: Nullable(Type.Object({ language: Nullable(Language), segments: Type.Array(Segment) })),
  /** Exactly the shape `onterms analyze` prints; null until analysed. */
  flags: Nullable(Type.Record(Type.String(), withoutIds(FlagResult))),
  deflection: Nullable(withoutIds(DeflectionResult)),
  /** Managers' corrections by flag; the machine's verdict stays in `flags` / `deflection`. */
  corrections: Type.Record(Type.String(), FlagCorrectionView),
  /**
   * The verdict to show and count, per flag (`deflection` included): a manager's correction wins over
   * the machine. `moments` are the ones the verdict rests on — the correction's, or the machine's when
   * the correction points at none; none when the verdict is "not stated". The UI only renders this.
   */
  effective: Type.Record(Type.String(), EffectiveVerdict),
});
export type CallDetail = Static<typeof CallDetail>;

export const CallIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/**
 * `GET /api/calls/:id/peaks`: waveform data for the review player, so the browser never decodes audio
 * to draw it. Shaped for wavesurfer.js v7: `WaveSurfer.create({ url, peaks: p.peaks, duration: p.durationSec })`.
 * Each channel array interleaves [min, max] per pixel; wavesurfer takes the min/max of whatever
 * falls in a drawn pixel, so the envelope renders exactly at any zoom up to pixelsPerSecond.
 */
export interface WaveformPeaks {
  /** Version of this JSON shape (not audiowaveform's). */
  version: 1;
  /** Length of the decoded audio in seconds (what the player's timeline should span). */
  durationSec: number;
  /** 1 or 2 (wider layouts are downmixed to stereo, matching the review copy). */
  channels: number;
  pixelsPerSecond: number;
  /** Pixels per channel ≈ durationSec × pixelsPerSecond (the last pixel may be partial). */
  length: number;
  /** peaks[channel] = [min0, max0, min1, max1, ...], values in -1..1 rounded to 3 decimals. */
  peaks: number[][];
}
