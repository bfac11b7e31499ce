import { Type, type Static } from '@sinclair/typebox';

/** Who speaks a segment. `unknown`: a mono recording without diarization (see spec/flags.md). */
export const Speaker = Type.Union([Type.Literal('rep'), Type.Literal('client'), Type.Literal('unknown')]);
export type Speaker = Static<typeof Speaker>;

export const Language = Type.Union([Type.Literal('ru'), Type.Literal('en')]);
export type Language = Static<typeof Language>;

export const CallType = Type.Union([Type.Literal('credit_negotiation'), Type.Literal('collection')]);
export type CallType = Static<typeof CallType>;

export const Segment = Type.Object(
  {
    start: Type.Number({ minimum: 0, description: 'seconds from the start of the recording' }),
    end: Type.Number({ minimum: 0 }),
    speaker: Speaker,
    text: Type.String(),
  },
  { $id: 'Segment' },
);
export type Segment = Static<typeof Segment>;

/** The transcript as stored and as read by the analysis (spec/transcript-format.md). */
export const Transcript = Type.Object(
  {
    language: Language,
    segments: Type.Array(Segment),
  },
  { $id: 'Transcript' },
);
export type Transcript = Static<typeof Transcript>;
