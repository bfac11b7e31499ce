// Class 4 (issue 14): prepayment for new partners is how they pay (terms, with its share read);
// prepayment as the consequence of late payment is a sanction, not terms. Wording of our own.
import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../index.ts';
import { call, type Line } from '../engine/test-calls.ts';

const read = (language: 'ru' | 'en', lines: Line[]) => {
  const r = analyzeTranscript(call(language, lines));
  const terms = r.flags.payment_terms!;
  return {
    terms: terms.moments.map((m) => m.segment),
    share: terms.moments.map((m) => m.values?.prepaymentPercent).find((v) => v !== undefined),
    sanctions: r.flags.sanctions!.moments.map((m) => m.segment),
    kinds: r.flags.sanctions!.moments.flatMap((m) => m.values?.sanctionKinds ?? []),
  };
};

describe('prepaymentForNewPartners: terms, with the share read', () => {
  it.each([
    ['ru', 'Новым дилерам первая партия идёт по полной предоплате.', 100],
    ['ru', 'Пока вы у нас новенькие, работаем по стопроцентной предоплате.', 100],
    ['ru', 'С новыми контрагентами сорок процентов вперёд, остальное по факту.', 40],
    ['en', 'Brand-new dealers pay in full up front on the first two orders.', 100],
    ['en', 'For a first order we ask sixty percent before we ship.', 60],
  ] as const)('%s: %s', (language, text, share) => {
    const r = read(language, [['rep', text]]);
    expect(r.terms).toEqual([0]);
    expect(r.share).toBe(share);
    expect(r.sanctions).toEqual([]);
  });

  it('"prepaid until we know each other" is terms: «until» with no debt is not a consequence', () => {
    const r = read('en', [['rep', 'Newcomers are on prepaid terms until we have a few months of history.']]);
    expect(r.terms).toEqual([0]);
    expect(r.sanctions).toEqual([]);
  });
});

describe('prepaymentAsConsequence: a sanction, not terms', () => {
  it.each([
    ['ru', 'Если платёж опять задержится больше недели, дальше только по предоплате.'],
    ['ru', 'Пока висит просроченный долг, отгружаем исключительно по предоплате.'],
    ['en', 'Slip past the due date once more and every order after that is prepaid only.'],
    ['en', 'Until the overdue balance clears, it is cash in advance for you.'],
  ] as const)('%s: %s', (language, text) => {
    const r = read(language, [['rep', text]]);
    expect(r.terms).toEqual([]);
    expect(r.sanctions).toEqual([0]);
    expect(r.kinds).toContain('prepayment');
  });

  it.each<['ru' | 'en', Line[]]>([
    [
      'ru',
      [
        ['rep', 'Если к пятнадцатому оплата не придёт, новые заказы ставим на паузу.'],
        ['client', 'Сурово.'],
        ['rep', 'А после этого работаем с вами уже только по полной предоплате.'],
      ],
    ],
    [
      'en',
      [
        ['rep', 'If the invoice is not paid by the fifteenth we pause new orders.'],
        ['client', 'Tough.'],
        ['rep', 'And from then on you would be prepaying every shipment.'],
      ],
    ],
  ])(
    '%s: a reference back («после этого», "after that") over the client’s reply to a lateness condition',
    (language, lines) => {
      const r = read(language, lines);
      expect(r.terms).toEqual([]);
      expect(r.sanctions).toEqual([0, 2]);
    },
  );

  it('«после этого» with no lateness talk before is an ordinary step of the terms', () => {
    const r = read('ru', [
      ['rep', 'Подписываем договор, после этого предоплата тридцать процентов и отгрузка.'],
    ]);
    expect(r.terms).toEqual([0]);
    expect(r.sanctions).toEqual([]);
  });
});
