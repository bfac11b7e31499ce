import type { Segment } from '@onterms/contracts';
import type { SegmentReading } from '../engine/read-call.ts';
import type { Attributed } from '../speakers/attribute.ts';

/**
 * How likely a verdict is right, from the shape of its evidence. The levels are calibrated on the
 * labelled corpora (first set from the four issue-14 corpora: the share of right verdicts per level): `npm run eval` prints predicted against observed per bin, and a level is moved
 * when its bin drifts. They are ranks as much as probabilities: the "To review" list puts the
 * least certain first.
 */
export const LEVELS = {
  /** The rep (or anyone in mono) says it in so many words, with a value. */
  statedWithValue: 0.95,
  /** The rep says it, no value. */
  statedPlain: 0.88,
  /** Only a client statement the rep confirmed, a repeat, or an answer to a value question. */
  statedIndirect: 0.85,
  /** Nothing about the item anywhere in the call. */
  absentUnmentioned: 0.92,
  /** The item came up but never as a statement (waived, asked, someone else's, negated …). */
  absentMentioned: 0.78,
  /** Deflection: a dodge found. */
  dodged: 0.9,
  /** Deflection: the client raised payment and every time got an answer. */
  answered: 0.97,
  /** Deflection: the client never raised payment (as far as the rules can tell). */
  neverRaised: 0.93,
  /** Deflection in a mono call: never labelled there. */
  mono: 0.99,
} as const;

const MONO_PENALTY = 0.05;

export function flagConfidence(
  segments: Segment[],
  readings: SegmentReading[],
  attributed: Attributed[],
  item: number,
): number {
  const mono = !segments.some((s) => s.speaker === 'rep');
  const mine = attributed.filter((a) => a.item === item);
  if (mine.length === 0) {
    const mentioned = readings.some((r) => r.mentioned.has(item));
    return mentioned ? LEVELS.absentMentioned : LEVELS.absentUnmentioned;
  }
  // a direct statement: a seller-side segment whose own reading states the item
  const direct = mine.filter(
    (a) =>
      segments[a.segment]!.speaker !== 'client' && readings[a.segment]!.stated.some((h) => h.item === item),
  );
  let p: number = LEVELS.statedIndirect;
  if (direct.length) {
    const withValue = direct.some((a) => a.hits.some((h) => h.clause.some((t) => t.num !== undefined)));
    p = withValue ? LEVELS.statedWithValue : LEVELS.statedPlain;
  }
  return round(mono ? p - MONO_PENALTY : p);
}

export function deflectionConfidence(
  segments: Segment[],
  readings: SegmentReading[],
  dodges: number[],
): number {
  if (dodges.length) return LEVELS.dodged;
  const mono = !segments.some((s) => s.speaker === 'rep') || !segments.some((s) => s.speaker === 'client');
  if (mono) return LEVELS.mono;
  const raised = readings.some(
    (r, i) => segments[i]!.speaker === 'client' && (r.questionAboutPayment || r.need || r.worry),
  );
  return raised ? LEVELS.answered : LEVELS.neverRaised;
}

const round = (x: number) => Math.round(x * 100) / 100;
