import type { ReadClause } from './read.ts';
import type { Match } from '../patterns/pattern.ts';

export type Topic = 'payment' | 'other';

export interface TopicWord {
  at: number;
  topic: Topic;
}

// how many words may stand between a payment word and the thing paid for («оплата значит поставки»,
// «оплату по каждой поставке», "payment for each shipment")
const PAID_FOR_GAP = 2;

/**
 * Rule `paidFor`: a delivery word that follows a payment word closely, with no number or date between,
 * names what is paid for — «оплата поставки», «оплату по каждой поставке», "payment on each delivery"
 * — and is part of the payment topic, not a topic of its own (not past a number, a date or another
 * topic word).
 */
function paidFor(c: ReadClause, payEnd: number, at: number): boolean {
  if (at < payEnd || at - payEnd > PAID_FOR_GAP) return false;
  for (let k = payEnd; k < at; k++) {
    const t = c.tokens[k]!;
    if (t.num !== undefined || t.weekday !== undefined || t.month !== undefined) return false;
  }
  // «предоплату высылаю сегодня, доставка …»: another topic word between starts a topic of its own
  return !c.marks.all('otherTopic').some((o) => o.start >= payEnd && o.start < at);
}

/** Topic words of a clause, in order: payment («оплата», "due") or other (delivery, signing…). */
export function topicWords(c: ReadClause): TopicWord[] {
  // most clauses have no topic word and no condition: skip the map/sort (a fresh [] as before)
  if (
    c.marks.all('paymentTopic').length === 0 &&
    c.marks.all('otherTopic').length === 0 &&
    c.marks.first('conditionals') < 0
  )
    return [];
  const out: TopicWord[] = c.marks
    .all('paymentTopic')
    .map((m) => ({ at: m.start, topic: 'payment' as const }));
  // being late is about paying: «если не успеете до пятнадцатого — пени», "miss friday and …"
  // (only inside a condition: "we won't be late, it's booked for the second" is about delivery)
  const cond = c.marks.first('conditionals');
  if (cond >= 0) {
    for (const m of c.marks.all('lateness'))
      if (m.start > cond && !out.some((w) => w.at === m.start)) out.push({ at: m.start, topic: 'payment' });
    // a negated condition is about payment not coming: «если к пятнадцатому не придёт — …»
    for (const m of c.marks.all('negators'))
      if (m.start > cond && m.start <= cond + 5 && !out.some((w) => w.at === m.start))
        out.push({ at: m.start, topic: 'payment' });
  }
  // a word right after a payment word belongs to it: «оплата пришла к десятому», «оплата поставки
  // до пятницы», "payment arrives by the 15th" (the payment is what arrives)
  const pay = c.marks.all('paymentTopic');
  for (const m of c.marks.all('otherTopic'))
    if (!out.some((w) => w.at === m.start) && !pay.some((p) => paidFor(c, p.end, m.start)))
      out.push({ at: m.start, topic: 'other' });
  return out.sort((a, b) => a.at - b.at);
}

/**
 * What a date or period in the clause is about: the nearest topic word outside the match (a word
 * before it wins a tie), so «оплату ждём до пятницы» is payment and «отгрузим четырнадцатого» is
 * delivery. Null when the clause has none: the caller then looks at the talk before.
 */
export function nearestTopic(words: TopicWord[], m: Match): Topic | null {
  let best: TopicWord | null = null;
  let bestD = Infinity;
  for (const w of words) {
    if (w.at >= m.start && w.at < m.end) continue;
    const d = w.at < m.start ? m.start - w.at : w.at - m.end + 1.5;
    if (d < bestD) {
      bestD = d;
      best = w;
    }
  }
  return best ? best.topic : null;
}
