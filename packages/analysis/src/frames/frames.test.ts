// Who commits to what (issue 14): each frame rule pinned with wording of our own, never a corpus
// sentence. A rule must hold for the class — and the plain statement next to it must still count.
import { describe, expect, it } from 'vitest';
import { analyzeLines, itPoints, type Line } from '../engine/test-calls.ts';

const stated = (language: 'ru' | 'en', lines: Line[], flag = 'sanctions') =>
  analyzeLines(language, lines).flags[flag]!.stated;

/** One test per line: said alone (by the rep unless another speaker is given), it states no sanction. */
const itStatesNoSanction = (rows: readonly (readonly ['ru' | 'en', string])[], speaker: Line[0] = 'rep') =>
  it.each(rows)('%s: %s', (language, text) => {
    expect(stated(language, [[speaker, text]])).toBe(false);
  });

/** Which of payment terms and deadline one line of the rep's states. */
const flags = (language: 'ru' | 'en', text: string) => {
  const r = analyzeLines(language, [['rep', text]]);
  return ['payment_terms', 'deadline'].filter((f) => r.flags[f]!.stated);
};

describe('dismissedSanction: a waiver without a negator next to the cue', () => {
  itStatesNoSanction([
    ['ru', 'Ой, да какие там штрафы, Игорь, мы же давно работаем.'],
    ['ru', 'ну какая неустойка свои люди заплатите когда сможете'],
    ['ru', 'Пени за те три дня спишем, это наша ошибка была.'],
    ['en', 'Forget about the late fee, we know the bank held it up.'],
    ['en', "Technically there's an interest clause, but we have never enforced it with anybody."],
  ] as const);
  it('a plain sanction still counts', () => {
    expect(
      stated('ru', [['rep', 'При задержке оплаты начисляем неустойку, ноль один процент в день.']]),
    ).toBe(true);
    expect(stated('en', [['rep', 'If the invoice runs late we add a two percent late fee.']])).toBe(true);
  });
});

describe('pastEvent: what happened is not what will apply', () => {
  itStatesNoSanction(
    [
      ['ru', 'Помню, как в позапрошлом сезоне нам из-за долга отгрузки заморозили.'],
      ['en', 'Back in the spring you were on credit hold for two weeks.'],
    ] as const,
    'unknown',
  );
  it('a rule that goes on, or a condition about next time, still counts', () => {
    expect(
      stated('en', [['rep', 'Payment is net thirty from the invoice, same as last year.']], 'payment_terms'),
    ).toBe(true);
    expect(
      stated('ru', [['rep', 'Если опять задержите оплату, как в прошлый раз, отгрузки остановим.']]),
    ).toBe(true);
  });
});

describe('appliesElsewhere: a sanction for other clients', () => {
  itStatesNoSanction([
    ['ru', 'Неустойка в договоре есть, но это для злостных неплательщиков, к вам это не относится.'],
    ['en', 'We do have a late fee on paper, but it does not apply to you as a long-standing account.'],
  ] as const);
});

describe('clientImposes: the client threatening the seller is no sanction, even "confirmed"', () => {
  it.each([
    ['ru', 'Если монтаж сорвёте, я вам штраф выставлю, полпроцента за день.', 'Да, понял, не сорвём.', false],
    [
      'en',
      "And if the crew is idle because of you, we'll charge you a penalty for the downtime.",
      'Yes, understood.',
      false,
    ],
    // the client reading back the seller's sanction and the rep agreeing still counts
    [
      'ru',
      'То есть при просрочке оплаты вы ставите отгрузки на стоп?',
      'Да, всё верно, пока долг не закроете.',
      true,
    ],
  ] as const)('%s: %s / %s', (language, client, rep, want) => {
    expect(
      stated(language, [
        ['client', client],
        ['rep', rep],
      ]),
    ).toBe(want);
  });
});

describe('sanctionForOtherBreach: penalties for something other than late payment', () => {
  itStatesNoSanction([
    ['ru', 'Учтите, за невозврат поддонов штраф сто рублей за штуку.'],
    ['ru', 'если задержите поставку у нас по договору штраф два процента'],
    [
      'en',
      'Just so you know, if you cancel the order after production starts, there is a ten percent penalty.',
    ],
    ['en', 'Our buyers charge a three percent penalty if you miss the delivery window.'],
  ] as const);
  it('a penalty for late payment of a delivery still counts', () => {
    expect(stated('ru', [['rep', 'За просрочку оплаты поставки штраф два процента.']])).toBe(true);
  });
});

describe('prepaymentForDiscount: prepayment bought with a discount is terms, not a sanction', () => {
  itStatesNoSanction([
    ['ru', 'Если хотите, переведём вас на предоплату, тогда скидка четыре процента.'],
    ['en', 'We can switch you to prepayment if you like, and knock off three percent.'],
  ] as const);
});

describe('selfIntroduction: a department named in a greeting is no sanction', () => {
  itStatesNoSanction([
    ['ru', 'Добрый день, это компания СтройОпт, отдел взыскания, меня зовут Ирина.'],
    ['en', 'Hi, this is Dana calling from the collections team at Northfield Supply.'],
  ] as const);
});

describe('sanction kinds: lawyers are a legal step, an agency is collection', () => {
  const kinds = (text: string) =>
    analyzeLines('en', [['rep', text]]).flags.sanctions!.moments.flatMap(
      (m) => m.values?.sanctionKinds ?? [],
    );
  it('handing the account to attorneys', () => {
    expect(kinds('Past sixty days overdue, we pass the account over to our attorneys.')).toEqual(['legal']);
  });
  it('handing the account to an agency', () => {
    expect(kinds('Past sixty days overdue, we hand the account to a collection agency.')).toContain(
      'collection',
    );
  });
});

describe('periodFromEvent: a period from an event with no credit word is a due date, not terms', () => {
  it.each([
    ['ru', 'По договору оплачиваете в течение двенадцати дней после приёмки товара.'],
    ['en', 'Payment is expected within twenty days of the invoice date.'],
  ] as const)('%s: %s', (language, text) => {
    expect(flags(language, text)).toEqual(['deadline']);
  });
  it('with a credit word it is both', () => {
    expect(flags('ru', 'Отсрочка двенадцать дней после приёмки товара.')).toEqual([
      'payment_terms',
      'deadline',
    ]);
    expect(flags('en', 'Our terms are net twenty from the invoice date.')).toEqual([
      'payment_terms',
      'deadline',
    ]);
  });
});

describe('earlyPaymentDiscount: the date or period a discount depends on is no deadline', () => {
  it.each([
    ['ru', 'В этом месяце акция: скидка два процента, если оплата до пятнадцатого числа.'],
    ['ru', 'Если оплатите в течение пяти дней, дадим скидку полтора процента.'],
    ['en', 'There is a two percent discount if you pay by the tenth.'],
    ['en', 'Pay within seven days and we knock off one percent.'],
  ] as const)('%s: %s', (language, text) => {
    // (the discount itself may be terms: kind early_payment_discount of the checklist)
    expect(flags(language, text)).not.toContain('deadline');
  });
  it('a credit period named with its own word beside the discount stays a term', () => {
    expect(flags('ru', 'Скидка два процента при оплате за неделю, а так отсрочка тридцать дней.')).toEqual([
      'payment_terms',
      'deadline',
    ]);
    expect(flags('en', 'Two percent off if you pay early, otherwise net thirty.')).toEqual([
      'payment_terms',
      'deadline',
    ]);
  });
  it('a due date with no discount near still counts', () => {
    expect(flags('ru', 'Оплата до пятнадцатого числа, пожалуйста.')).toEqual(['deadline']);
    expect(flags('en', 'Payment is due by the tenth.')).toEqual(['deadline']);
  });
});

describe('statements the clause readings used to miss (issue 14, classes 6 and 8)', () => {
  it('«что» after a verb of telling joins a statement, it does not ask', () => {
    expect(stated('ru', [['rep', 'и предупреждаю что при просрочке пени ноль три процента в день']])).toBe(
      true,
    );
  });
  it('a bare "we ship nothing more until it is paid" is a suspension', () => {
    expect(stated('ru', [['rep', 'и больше ничего не отгрузим пока долг не закроете']])).toBe(true);
  });
  describe("a short answer to the client's follow-up restates the item just stated", () => {
    itPoints([
      [
        'a late fee, then "just the once"',
        'en',
        [
          ['rep', 'If an invoice is late we add a two percent late fee.'],
          ['client', 'Monthly, or just the once?'],
          ['rep', 'Just the once, per invoice.'],
        ],
        { sanctions: [0, 2] },
      ],
    ]);
  });
});
