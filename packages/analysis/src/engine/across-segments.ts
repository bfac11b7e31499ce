import type { Segment } from '@onterms/contracts';
import type { ReadClause } from '../clauses/read.ts';
import type { Hit, SegmentReading } from './reading.ts';

/**
 * A statement split over two segments (issue 14, class 8): speech-to-text cuts a turn wherever the
 * speaker pauses — «отсрочку на» | «сорок пять календарных дней», "so for payment we're doing net" |
 * "forty five days from the bill". The cue is in neither segment alone; read the words on both sides
 * of the cut together and a cue that spans it is stated in both segments.
 */

// how many words on each side of the cut are read together (a cue is a few words long)
const WORDS_EACH_SIDE = 8;
// a segment ending in punctuation was cut where the writer or the engine saw a pause in the sense
// (a comma ends a cue as much as a full stop does); raw ASR text has none
const ENDS_PUNCTUATED = /[.,!?…;:\-—–]\s*$/;
const CLAUSE_BREAK = /[.!?…;:]/;

/**
 * Two consecutive segments of the same known speaker with no punctuation between: a cut
 * mid-statement. (In a mono call two segments in a row are as often two people.)
 */
export function cutMidStatement(prev: Segment | undefined, seg: Segment): prev is Segment {
  return (
    !!prev && seg.speaker !== 'unknown' && prev.speaker === seg.speaker && !ENDS_PUNCTUATED.test(prev.text)
  );
}

/** The words on both sides of the cut: the tail of `prev`'s last sentence and the head of `seg`'s first. */
export function wordsAroundCut(prev: Segment, seg: Segment): { tail: string; head: string } {
  const lastBreak = Math.max(...[...prev.text.matchAll(/[.!?…;:]/g)].map((m) => m.index), -1);
  const tail = prev.text
    .slice(lastBreak + 1)
    .trim()
    .split(/\s+/)
    .slice(-WORDS_EACH_SIDE)
    .join(' ');
  const firstBreak = seg.text.search(CLAUSE_BREAK);
  const head = (firstBreak < 0 ? seg.text : seg.text.slice(0, firstBreak))
    .trim()
    .split(/\s+/)
    .slice(0, WORDS_EACH_SIDE)
    .join(' ');
  return { tail, head };
}

/** Is there anything about payment at the cut, worth reading the two sides together? */
export function paymentAtCut(prev: SegmentReading, cur: SegmentReading): boolean {
  const last = prev.clauses[prev.clauses.length - 1];
  const first = cur.clauses[0];
  return aboutPayment(last) || aboutPayment(first);
}
function aboutPayment(c: ReadClause | undefined): boolean {
  return !!c && (c.marks.has('paymentTopic') || c.marks.has('arrears') || c.marks.has('lateness'));
}

/**
 * The statement that spans the cut, as hits of `joined` (the tail and head read together): every hit
 * of a clause in which one cue starts in the tail's `tailTokens` tokens and ends after them — the
 * whole sentence is said across both segments, so each item it states is stated in both.
 */
export function hitsSpanningCut(joined: SegmentReading, tailTokens: number): Hit[] {
  const spanning = new Set<Hit['clause']>();
  for (const h of joined.stated) {
    let offset = 0;
    for (const c of joined.clauses) {
      if (c.tokens === h.clause) break;
      offset += c.tokens.length;
    }
    const start = offset + h.start;
    if (start < tailTokens && start + h.tokens.length > tailTokens) spanning.add(h.clause);
  }
  return spanning.size ? joined.stated.filter((h) => spanning.has(h.clause)) : [];
}
