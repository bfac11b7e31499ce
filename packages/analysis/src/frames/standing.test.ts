// Rule `standingArrangement` (rules-1.8.0): a period held as the client's standing arrangement is a
// credit period — payment terms and deadline — with no credit word; a due period stays deadline only.
import { describe, expect, it } from 'vitest';
import { call, segs } from '../engine/test-calls.ts';

const flagged = (language: 'ru' | 'en', text: string) => {
  const t = call(language, [['rep', text]]);
  return { terms: segs(t, 'payment_terms').length > 0, deadline: segs(t, 'deadline').length > 0 };
};

describe('standingArrangement: the period the client is on is payment terms', () => {
  it.each([
    ['ru', 'По оплате у вас двадцать пять дней с даты приёмки товара.'],
    ['ru', 'По оплате оставляем сорок дней от поставки, ничего не меняем.'],
    ['ru', 'По оплате стандарт — двадцать дней с отгрузки.'],
    ['en', "Payment-wise you're on forty five days from delivery."],
    ['en', 'For payment you stay on sixty days from the invoice date.'],
  ] as const)('%s: %s', (language, text) => {
    expect(flagged(language, text)).toEqual({ terms: true, deadline: true });
  });

  it.each([
    // a period called «срок», or given «чтобы оплатить», is when payment is due
    ['ru', 'Срок оплаты у вас десять дней с даты поставки.', true],
    ['ru', 'После отгрузки у вас семь дней, чтобы оплатить счёт.', false],
    // «оплата в течение N дней после поставки» is still deadline only (flags.md ruling)
    ['ru', 'У вас по договору оплата в течение десяти дней после поставки.', true],
  ] as const)('no payment terms — %s: %s', (language, text, deadline) => {
    expect(flagged(language, text)).toEqual({ terms: false, deadline });
  });
});
