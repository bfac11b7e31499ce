import { describe, expect, it } from 'vitest';
import { analyzeLines } from '../engine/test-calls.ts';

describe('opportunities: where a missing flag should have been said', () => {
  it("points at the client's question about the item and at the agreement to ship", () => {
    const r = analyzeLines('ru', [
      ['rep', 'Добрый день, по плитке всё готово.'],
      ['client', 'А что будет, если мы с оплатой задержимся?'],
      ['rep', 'Давайте о хорошем, плитка отличная.'],
      ['client', 'Ладно, берём сорок коробок.'],
      ['rep', 'Отлично, отгрузим в четверг.'],
    ]);
    expect(r.flags.sanctions!.stated).toBe(false);
    expect(r.flags.sanctions!.opportunities!.map((o) => o.segment)).toEqual([1, 3]);
    expect(r.flags.sanctions!.opportunities![0]).toEqual({
      segment: 1,
      start: 5,
      quote: 'А что будет, если мы с оплатой задержимся?',
    });
  });

  it('points at a payment question for every missing flag, and at nothing for a stated one', () => {
    const r = analyzeLines('en', [
      ['client', 'How do we pay for the first order?'],
      ['rep', 'Net thirty from the invoice date.'],
    ]);
    expect(r.flags.payment_terms!.stated).toBe(true);
    expect(r.flags.payment_terms!.opportunities).toBeUndefined();
    expect(r.flags.sanctions!.opportunities!.map((o) => o.segment)).toEqual([0]);
  });

  it('is empty when nobody asked and nothing was agreed', () => {
    const r = analyzeLines('en', [['rep', 'Thanks for your time, talk soon.']]);
    expect(r.flags.deadline!.opportunities).toEqual([]);
  });
});
