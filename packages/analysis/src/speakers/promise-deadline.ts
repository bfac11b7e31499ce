import type { PaymentPromise, Segment } from '@onterms/contracts';
import type { SegmentReading } from '../engine/read-call.ts';
import type { Attributed } from './attribute.ts';

/** The reply to segment `i`: the next one in mono, else the rep's next turn (only client segments between); or -1. */
function repReply(segments: Segment[], i: number): number {
  if (segments[i]!.speaker === 'unknown') return i + 1 < segments.length ? i + 1 : -1;
  for (let k = i + 1; k < segments.length; k++) {
    const who = segments[k]!.speaker;
    if (who === 'rep') return k;
    if (who !== 'client') return -1;
  }
  return -1;
}

/**
 * The rep takes the client's word: a «да» / «хорошо» / "okay" that neither dodges nor refuses, and is
 * no question («хорошо, а остальное когда?» is fine: only the head counts). In mono text without
 * punctuation a short «да договорились» reads as a yes/no question, so there the head alone decides.
 */
function repAccepts(rd: SegmentReading, mono: boolean): boolean {
  if (!(rd.confirmStrong || rd.confirmWeak) || rd.evasive || rd.refusal) return false;
  return mono || !rd.clauses[0]?.question;
}

/**
 * Rule `acceptedPromiseDue` (flags.md, «who must say it» + «a confirmed but vague promise: still no
 * deadline»): a concrete promise to pay by a date — «триста пятьдесят до пятницы отправлю» — that the
 * seller side takes up pins when payment is due, so it states the deadline like any client statement the
 * rep confirms. The seller side takes it up when one of the promise's segments is the rep's (a read-back
 * «так, до пятницы триста пятьдесят», or the rep proposed the date), or when the rep's reply right after
 * accepts it («отлично, сегодня значит»); in mono calls (anyone states) a promise said once must be
 * accepted by the next segment too — «после пятнадцатого заплатим» answered «это когда конкретно» pins nothing. Evidence: the client's
 * commitment and the rep's segments — not the client's bare «да» to the rep's read-back or proposal
 * (a client segment right after a rep segment of the same promise), which restates nothing.
 */
export function acceptedPromiseDue(
  segments: Segment[],
  readings: SegmentReading[],
  promises: PaymentPromise[],
  deadlineItem: number,
): Attributed[] {
  const out = new Map<number, Attributed>();
  const add = (segment: number) => {
    if (!out.has(segment)) out.set(segment, { segment, item: deadlineItem, hits: [] });
  };
  for (const p of promises) {
    const at = [...new Set(p.moments.map((m) => m.segment))].sort((a, b) => a - b);
    // taken up already: the rep's read-back or proposal is part of it, or (mono) it was said twice
    const takenUp =
      at.some((i) => segments[i]!.speaker === 'rep') ||
      (at.length > 1 && segments[at[0]!]!.speaker === 'unknown');
    let take = at;
    if (!takenUp) {
      const k = repReply(segments, at[at.length - 1]!);
      if (k < 0 || !repAccepts(readings[k]!, segments[k]!.speaker === 'unknown')) continue;
      take = [...at, k];
    }
    take.forEach((i, n) => {
      const acceptsRep =
        segments[i]!.speaker === 'client' && n > 0 && segments[take[n - 1]!]!.speaker === 'rep';
      if (!acceptsRep) add(i);
    });
  }
  return [...out.values()];
}
