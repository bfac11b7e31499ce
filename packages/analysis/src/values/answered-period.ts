import type { Language, Moment, Segment } from '@onterms/contracts';
import type { SegmentReading } from '../engine/reading.ts';
import { LANGUAGE_DATA } from '../language/language-data.ts';

/**
 * rules-1.13.0 `periodAnswersCredit`: a period the seller side says in reply to the client naming or asking
 * for the credit period («нужна отсрочка хотя бы тридцать дней» — «Тридцать дней — можно», "What terms are
 * we looking at?" — "Thirty days end of month") is the credit period: a number is about what the turn it
 * answers was about. Not a period to pay within after an event («в течение десяти дней после поставки»:
 * a deadline only, the flags.md ruling). In place, on moments whose period has no deferral yet.
 */
export function periodAnswersCredit(
  moments: Moment[],
  segments: Segment[],
  readings: SegmentReading[],
  lang: Language,
): void {
  const data = LANGUAGE_DATA[lang];
  const words = (i: number) => readings[i]!.clauses.flatMap((c) => c.tokens);
  for (const m of moments) {
    const due = m.values?.dueDate;
    if (due?.kind !== 'relative' || due.days === undefined || m.values!.deferralDays !== undefined) continue;
    const said = segments[m.segment]!;
    const before = segments[m.segment - 1];
    if (said.speaker === 'client' || before?.speaker !== 'client') continue;
    if (!words(m.segment - 1).some((t) => data.creditWords.test(t.text))) continue;
    if (words(m.segment).some((t) => data.within.test(t.text))) continue;
    m.values!.deferralDays = due.days;
  }
}
