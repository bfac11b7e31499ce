// Rule `standingArrangement` (rules-1.8.0): a period held as the client's standing arrangement is a
// credit period — payment terms and deadline — with no credit word; a due period stays deadline only.
import { describe, expect, it } from 'vitest';
import { call, segs } from '../engine/test-calls.ts';

describe('standingArrangement: the period the client is on is payment terms', () => {
  it('«у вас N дней с …» answering a payment question (ru)', () => {
    const t = call('ru', [
      ['client', 'А по оплате у нас сейчас как?'],
      ['rep', 'У вас двадцать пять дней с даты приёмки товара.'],
    ]);
    expect(segs(t, 'payment_terms')).toEqual([1]);
    expect(segs(t, 'deadline')).toEqual([1]);
  });

  it('«оставляем N дней», «стандарт — N дней» (ru)', () => {
    const kept = call('ru', [['rep', 'По оплате оставляем сорок дней от поставки, ничего не меняем.']]);
    expect(segs(kept, 'payment_terms')).toEqual([0]);
    const standard = call('ru', [['rep', 'По оплате стандарт — двадцать дней с отгрузки.']]);
    expect(segs(standard, 'payment_terms')).toEqual([0]);
  });

  it("you're / you stay on N days (en)", () => {
    const on = call('en', [['rep', "Payment-wise you're on forty five days from delivery."]]);
    expect(segs(on, 'payment_terms')).toEqual([0]);
    const stay = call('en', [['rep', 'For payment you stay on sixty days from the invoice date.']]);
    expect(segs(stay, 'payment_terms')).toEqual([0]);
  });

  it('a due period stays deadline only: «срок … у вас N дней», «у вас N дней, чтобы оплатить»', () => {
    const term = call('ru', [['rep', 'Срок оплаты у вас десять дней с даты поставки.']]);
    expect(segs(term, 'payment_terms')).toEqual([]);
    expect(segs(term, 'deadline')).toEqual([0]);
    const toPay = call('ru', [['rep', 'После отгрузки у вас семь дней, чтобы оплатить счёт.']]);
    expect(segs(toPay, 'payment_terms')).toEqual([]);
  });

  it('«оплата в течение N дней после поставки» is still deadline only (flags.md ruling)', () => {
    const t = call('ru', [['rep', 'У вас по договору оплата в течение десяти дней после поставки.']]);
    expect(segs(t, 'payment_terms')).toEqual([]);
    expect(segs(t, 'deadline')).toEqual([0]);
  });
});
