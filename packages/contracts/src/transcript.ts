import { Type, type Static } from '@sinclair/typebox';
import { Literals } from './schemas.ts';

/** Who speaks a segment. `unknown`: a mono recording without diarization (see spec/flags.md). */
export const Speaker = Literals('rep', 'client', 'unknown');
export type Speaker = Static<typeof Speaker>;

export const Language = Literals('ru', 'en');
export type Language = Static<typeof Language>;

export const CallType = Literals('credit_negotiation', 'collection');
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
