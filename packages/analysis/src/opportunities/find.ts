import type { Opportunity, Segment } from '@onterms/contracts';
import type { SegmentReading } from '../engine/read-call.ts';

const MAX = 3;

const at = (segments: Segment[], i: number): Opportunity => ({
  segment: i,
  start: segments[i]!.start,
  quote: segments[i]!.text,
});

/**
 * Where an item that was not stated should have been said: the client asking about it (or about
 * payment at all), and the moment the sale was agreed — the order placed, the goods to ship — when
 * the terms belong on the table. At most three, in call order; none when nothing fits.
 */
export function findOpportunities(
  segments: Segment[],
  readings: SegmentReading[],
  item: number,
): Opportunity[] {
  const byClient = (i: number) => segments[i]!.speaker !== 'rep';
  const askedItem: number[] = [];
  const askedPayment: number[] = [];
  const agreed: number[] = [];
  readings.forEach((r, i) => {
    if (byClient(i) && r.asked.has(item)) askedItem.push(i);
    else if (byClient(i) && r.questionAboutPayment) askedPayment.push(i);
    if (r.shipAgreement) agreed.push(i);
  });
  // the client's own question about this item first, then any payment question, then the agreement
  const picked = new Set<number>([...askedItem, ...askedPayment].slice(0, 2));
  const deal = agreed.find((i) => !picked.has(i));
  if (deal !== undefined) picked.add(deal);
  return [...picked]
    .sort((a, b) => a - b)
    .slice(0, MAX)
    .map((i) => at(segments, i));
}
