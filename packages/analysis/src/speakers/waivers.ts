import type { Segment } from '@onterms/contracts';
import type { Hit, SegmentReading } from '../engine/read-call.ts';

/** A segment where the seller side waives a sanction, with the negated cues that say so. */
export interface Waiver {
  segment: number;
  hits: Hit[];
}

/**
 * Where the seller side says a sanction will not apply («штрафов не будет», "no late fees"), by the
 * same speaker rules as statements: the rep (or anyone in a mono call) waives; a client's proposal
 * («давайте без пени») is a waiver only when the rep's next turn agrees — a refused proposal is not.
 * Questions and other suppliers' terms never get here: the reader drops them before negation.
 * `isSanction` says which negated cues are sanctions. Flags are not touched: this is read beside them.
 */
export function findWaivers(
  segments: Segment[],
  readings: SegmentReading[],
  isSanction: (h: Hit) => boolean,
): Waiver[] {
  const out: Waiver[] = [];
  segments.forEach((seg, i) => {
    const hits = readings[i]!.negated.filter(isSanction);
    if (!hits.length) return;
    if (seg.speaker !== 'client') {
      out.push({ segment: i, hits });
      return;
    }
    let k = i + 1;
    while (k < segments.length && segments[k]!.speaker === 'client') k++;
    const answer = readings[k];
    if (!answer || segments[k]!.speaker !== 'rep') return;
    if (answer.confirmStrong && !answer.refusal && !answer.evasive && !answer.clauses[0]?.question)
      out.push({ segment: i, hits }, { segment: k, hits });
  });
  return out;
}
