import type { Language, Segment } from '@onterms/contracts';
import { LANGUAGE_DATA } from '../language/language-data.ts';
import type { ReadClause } from '../clauses/read.ts';
import type { Hit, SegmentReading } from './reading.ts';

/**
 * A statement split over two segments (issue 14, class 8): speech-to-text cuts a turn wherever the
 * speaker pauses — «отсрочку на» | «сорок пять календарных дней», "so for payment we're doing net" |
 * "forty five days from the bill". The cue is in neither segment alone; read the words on both sides
 * of the cut together and a cue that spans it is stated in both segments.
 */

// how many words on each side of the cut are read together (a cue is a few words long)
const WORDS_EACH_SIDE = 10;
// a segment ending in punctuation was cut where the writer or the engine saw a pause in the sense
// (a comma ends a cue as much as a full stop does); raw ASR text has none
export const ENDS_PUNCTUATED = /[.,!?…;:\-—–]\s*$/;
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
  return aboutPayment(prev, last) || aboutPayment(cur, first);
}
function aboutPayment(rd: SegmentReading, c: ReadClause | undefined): boolean {
  if (!c) return false;
  if (c.marks.has('paymentTopic') || c.marks.has('arrears') || c.marks.has('lateness')) return true;
  for (const h of rd.stated) if (h.clause === c.tokens) return true;
  return false;
}

// talk on the tail side that makes the head's cue the consequence of a condition begun before the
// cut («если денег в срок не будет, то мы вас ставим» | «в стоп-лист»); payment talk alone does not
// ("credit's approved, so" | "you'll be on net 45" are two statements)
// (a tail of one word — "and" | "we need net sixty" — brings nothing of its own)
const MIN_TAIL_WORDS = 2;
const LEAD_IN = ['arrears', 'lateness', 'conditionals'] as const;

/**
 * The statement that spans the cut, as hits of `joined` (the tail and head read together), from the
 * clause that runs across the cut, when
 * - one cue runs across it («отсрочку на» | «сорок пять дней»), or
 * - a cue after the cut ends what the tail began: the tail ends on a word that cannot end a phrase
 *   («… будет в» | «четырнадцать дней …», "… due on the" | …), or the tail side has talk of lateness
 *   or a condition whose consequence comes after the cut («если денег в срок не будет, то мы вас
 *   ставим» | «в стоп-лист»): then the consequence's items are stated in both.
 * Two whole statements in a row ("we need a thirty percent deposit" | "and the balance within …")
 * are not joined. A cue across the cut or a phrase left hanging makes one sentence of both, so each
 * item it states is stated in both.
 */
export function hitsSpanningCut(joined: SegmentReading, tailTokens: number, tailDangles: boolean): Hit[] {
  const out: Hit[] = [];
  let offset = 0;
  for (const c of joined.clauses) {
    const cut = tailTokens - offset;
    offset += c.tokens.length;
    if (cut <= 0 || cut >= c.tokens.length) continue;
    const hits = joined.stated.filter((h) => h.clause === c.tokens);
    const spans = hits.some((h) => h.start < cut && h.start + h.tokens.length > cut);
    const head = hits.filter((h) => h.start >= cut);
    if (spans || (head.length && cut >= MIN_TAIL_WORDS && tailDangles)) out.push(...hits);
    // a consequence after the cut belongs to the condition before it; what the condition itself
    // names («если до двадцать пятого …») stays where it was said
    else if (head.length && cut >= MIN_TAIL_WORDS && leadsIn(c, cut)) out.push(...head);
  }
  return out;
}

function leadsIn(c: ReadClause, cut: number): boolean {
  return LEAD_IN.some((cat) => c.marks.all(cat).some((m) => m.start < cut));
}

/** Does the tail end on a word that cannot end a phrase («в», «до», "the", "of")? */
export function dangles(tail: string, lang: Language): boolean {
  const last = tail.toLowerCase().split(/\s+/).pop() ?? '';
  return LANGUAGE_DATA[lang].danglingEnds.has(last);
}
