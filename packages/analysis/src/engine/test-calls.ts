// Helpers for the engine's behaviour tests: a call from lines of [speaker, text], and what the engine
// pointed at in it.
import type { Speaker, Transcript } from '@onterms/contracts';
import { analyzeTranscript } from './analyze.ts';

export type Line = [Speaker, string];

/** Segments five seconds apart, in the order given. */
export const call = (language: 'ru' | 'en', lines: Line[]): Transcript => ({
  language,
  segments: lines.map(([speaker, text], i) => ({ start: i * 5, end: i * 5 + 4, speaker, text })),
});

/** The segments of a flag's moments. */
export const segs = (t: Transcript, flag: string) =>
  analyzeTranscript(t).flags[flag]!.moments.map((m) => m.segment);

/** The segments of the deflection's moments. */
export const dodges = (t: Transcript) => analyzeTranscript(t).deflection.moments.map((m) => m.segment);
