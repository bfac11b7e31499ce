// Helpers for the engine's behaviour tests: a call from lines of [speaker, text], and what the engine
// pointed at in it.
import { expect, it } from 'vitest';
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

/** The flags one line states, said by the rep unless another speaker is given. */
export const flagsOf = (language: 'ru' | 'en', text: string, speaker: Speaker = 'rep') => {
  const r = analyzeTranscript(call(language, [[speaker, text]]));
  return ['payment_terms', 'deadline', 'sanctions'].filter((f) => r.flags[f]!.stated);
};

/** What a call should point at: per flag (or `deflection`), the segments of its moments. */
export type Points = Partial<Record<'payment_terms' | 'deadline' | 'sanctions' | 'deflection', number[]>>;

/** A behaviour case: what it shows, the call's language and lines, and what the engine points at. */
export type CallCase = readonly [title: string, language: 'ru' | 'en', lines: Line[], want: Points];

/**
 * Cases of one line each, sharing a title and what they point at: `said(title, want, [language,
 * text, speaker?], …)` — the rep speaks unless another speaker is given.
 */
export const said = (
  title: string,
  want: Points,
  ...lines: (readonly [language: 'ru' | 'en', text: string, speaker?: Speaker])[]
): CallCase[] => lines.map(([language, text, speaker = 'rep']) => [title, language, [[speaker, text]], want]);

/**
 * Cases of a client's line and the rep's reply, sharing a title and what they point at:
 * `replies(title, want, [language, client, rep], …)`.
 */
export const replies = (
  title: string,
  want: Points,
  ...pairs: (readonly [language: 'ru' | 'en', ask: string, reply: string])[]
): CallCase[] =>
  pairs.map(([language, ask, reply]) => [
    title,
    language,
    [
      ['client', ask],
      ['rep', reply],
    ],
    want,
  ]);

/** The engine's result for a call from lines. */
export const analyzeLines = (language: 'ru' | 'en', lines: Line[]) =>
  analyzeTranscript(call(language, lines));

/** One test per case: every flag named in `want` points at exactly those segments. */
export const itPoints = (cases: CallCase[]) =>
  it.each(cases)('%s (%s)', (_title, language, lines, want) => {
    const t = call(language, lines);
    const got = Object.fromEntries(
      Object.keys(want).map((k) => [k, k === 'deflection' ? dodges(t) : segs(t, k)]),
    );
    expect(got).toEqual(want);
  });

/** One test per sentence: the flags it states when the rep says it. */
export const itStates = (rows: readonly (readonly ['ru' | 'en', string, readonly string[]])[]) =>
  it.each(rows)('%s: %s', (language, text, want) => {
    expect(flagsOf(language, text)).toEqual(want);
  });

/** A client's question and the rep's reply. */
export const exchange = (language: 'ru' | 'en', ask: string, reply: string) =>
  call(language, [
    ['client', ask],
    ['rep', reply],
  ]);

/** One test per exchange: the segments the deflection points at. */
export const itDodges = (
  rows: readonly (readonly ['ru' | 'en', ask: string, reply: string, want: readonly number[]])[],
) =>
  it.each(rows)('%s: %s → %s', (language, ask, reply, want) => {
    expect(dodges(exchange(language, ask, reply))).toEqual(want);
  });
