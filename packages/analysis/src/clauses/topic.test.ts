// Rule `paidFor`: a delivery word naming what is paid for belongs to the payment topic.
import { describe, expect, it } from 'vitest';
import { call, segs } from '../engine/test-calls.ts';

describe('paidFor: «оплата поставок до …» is a payment date, not a delivery date', () => {
  it('a filler between the payment word and the delivery word (ru)', () => {
    const t = call('ru', [
      ['rep', 'и оплата значит отгрузок за квартал до пятнадцатого числа следующего месяца'],
    ]);
    expect(segs(t, 'deadline')).toEqual([0]);
  });

  it('a preposition and a determiner between (ru)', () => {
    const t = call('ru', [['rep', 'оплату по каждой поставке вносите до двадцать пятого']]);
    expect(segs(t, 'deadline')).toEqual([0]);
  });

  it('a delivery date said after the payment stays a delivery date', () => {
    const t = call('ru', [['rep', 'оплату получили, поставка будет двадцать пятого']]);
    expect(segs(t, 'deadline')).toEqual([]);
  });

  it('a delivery with its own verb after a payment word and a number is its own topic', () => {
    const t = call('ru', [['rep', 'предоплата сто тысяч отгрузим четырнадцатого']]);
    expect(segs(t, 'deadline')).toEqual([]);
  });
});
