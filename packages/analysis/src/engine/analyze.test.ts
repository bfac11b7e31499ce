import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../index.ts';
import { call, itPoints, itStates } from './test-calls.ts';

describe('what counts as stated', () => {
  itPoints([
    [
      'a deferral with a number states terms and deadline; without a number, terms only',
      'ru',
      [
        ['rep', 'Работаем с отсрочкой платежа — двадцать один день с даты отгрузки.'],
        ['rep', 'Для остальных заказов тоже с отсрочкой.'],
      ],
      { payment_terms: [0, 1], deadline: [0] },
    ],
    [
      'negation and waivers do not state sanctions',
      'ru',
      [['rep', 'Штрафов у нас никаких нет, работаем спокойно.']],
      { sanctions: [] },
    ],
    [
      'negation and waivers do not state sanctions',
      'ru',
      [['rep', 'Без пеней и неустоек, не переживайте.']],
      { sanctions: [] },
    ],
    [
      'negation and waivers do not state sanctions',
      'en',
      [['rep', "We don't charge late fees to accounts like yours."]],
      { sanctions: [] },
    ],
    [
      'a negated penalty beside a real suspension: the suspension still counts',
      'ru',
      [['rep', 'Просрочили — приостанавливаем отгрузки. Без пеней.']],
      { sanctions: [0] },
    ],
    [
      'a «не» inside the condition belongs to the condition, not to the sanction',
      'ru',
      [['rep', 'если денег к пятнице не будет мы блокируем отгрузки']],
      { sanctions: [0] },
    ],
    [
      'a «не» inside the condition belongs to the condition, not to the sanction',
      'en',
      [['rep', "if it's not paid by friday we stop shipping"]],
      { sanctions: [0] },
    ],
    [
      'hypotheticals about other suppliers do not count',
      'ru',
      [['rep', 'У многих поставщиков бывают пени с первого дня, а у нас иначе.']],
      { sanctions: [] },
    ],
    [
      'hypotheticals about other suppliers do not count',
      'en',
      [['rep', 'Most distributors charge a penalty for that.']],
      { sanctions: [] },
    ],
    [
      'delivery and paperwork dates are not payment deadlines',
      'ru',
      [
        ['rep', 'Отгрузим двадцать третьего, машина придёт к обеду.'],
        ['rep', 'Подписанный договор жду до четверга.'],
        ['rep', 'А оплату ждём до тридцатого числа.'],
      ],
      { deadline: [2] },
    ],
    [
      'delivery and paperwork dates are not payment deadlines',
      'en',
      [
        ['client', 'When will the panels arrive?'],
        ['rep', 'By Tuesday the fourth.'],
        ['rep', 'Payment is due by the twentieth.'],
      ],
      { deadline: [2] },
    ],
    [
      'a bare date answer takes its topic from the talk before',
      'en',
      [
        ['rep', 'On this invoice, when can you get payment to us?'],
        ['client', 'Monday at the latest.'],
        ['rep', 'Great, Monday it is.'],
      ],
      { deadline: [1, 2] },
    ],
    [
      'thresholds are not deadlines',
      'en',
      [['rep', 'If an invoice is more than forty five days late we put the account on credit hold.']],
      { deadline: [], sanctions: [0] },
    ],
    [
      'switching to prepayment as a consequence is a sanction, not payment terms',
      'ru',
      [['rep', 'При просрочке больше недели переведём вас на стопроцентную предоплату.']],
      { sanctions: [0], payment_terms: [] },
    ],
  ]);
});

describe('questions are not statements', () => {
  itPoints([
    [
      'the client asking states nothing; the answer does',
      'ru',
      [
        ['client', 'А какая у вас отсрочка?'],
        ['rep', 'Тридцать дней с даты поставки, отсрочка для всех одна.'],
      ],
      { payment_terms: [1] },
    ],
    [
      'the rep asking is not a statement either, also in unpunctuated speech',
      'ru',
      [['rep', 'вас устроит если оплату будем ждать до пятнадцатого']],
      { deadline: [] },
    ],
    [
      'the rep asking is not a statement either, also in unpunctuated speech',
      'en',
      [['rep', 'Could you get payment to us by Friday?']],
      { deadline: [] },
    ],
    [
      'the rep asking is not a statement either, also in unpunctuated speech',
      'ru',
      [['unknown', 'а пени есть если задержим']],
      { sanctions: [] },
    ],
    [
      'a value question is stated by its answer',
      'en',
      [
        ['client', 'And the limit?'],
        ['rep', 'Sixty thousand to start.'],
      ],
      { payment_terms: [1] },
    ],
  ]);
});

describe('speaker rules', () => {
  itPoints([
    [
      'client-stated and confirmed by the rep: both segments',
      'ru',
      [
        ['client', 'Значит, отсрочка четырнадцать дней от даты УПД.'],
        ['rep', 'Да, всё верно.'],
      ],
      { payment_terms: [0, 1], deadline: [0, 1] },
    ],
    [
      'client-stated without confirmation, or refused: nothing',
      'en',
      [
        ['client', "We'd want net 90."],
        ['rep', "That's not something we can do."],
      ],
      { payment_terms: [] },
    ],
    [
      'client-stated without confirmation, or refused: nothing',
      'ru',
      [
        ['client', 'Нам бы отсрочку шестьдесят дней.'],
        ['rep', 'Нет, так не получится.'],
      ],
      { payment_terms: [] },
    ],
    [
      'client-stated without confirmation, or refused: nothing',
      'en',
      [
        ['client', 'Net 30 as usual.'],
        ['rep', 'Let me check the price list.'],
      ],
      { payment_terms: [] },
    ],
    [
      'a sanction the client threatens the seller with does not count',
      'ru',
      [
        ['client', 'Если опять сорвёте сроки поставки, выставим вам неустойку.'],
        ['rep', 'Понял, не сорвём.'],
      ],
      { sanctions: [] },
    ],
    [
      'mono calls: anyone states, questions still do not',
      'en',
      [
        ['unknown', 'what are your terms'],
        ['unknown', 'net thirty from the invoice'],
        ['unknown', 'okay net thirty got it'],
      ],
      { payment_terms: [1, 2] },
    ],
  ]);
});

describe('ASR-style text', () => {
  it('reads lower-case unpunctuated speech with numbers as words and mis-hearings', () => {
    const t = call('ru', [
      ['rep', 'ну смотрите э-э отсрачку даём сорок пять дней с момента отгрузки'],
      ['rep', 'а по просрочке пенни ноль целых пять сотых процента в день'],
    ]);
    const r = analyzeTranscript(t);
    expect(r.flags.payment_terms!.moments.map((m) => m.segment)).toEqual([0]);
    expect(r.flags.deadline!.moments[0]!.values?.dueDate).toEqual({
      kind: 'relative',
      days: 45,
      from: 'shipment',
    });
    expect(r.flags.sanctions!.moments[0]!.values?.penalty).toEqual({ ratePercent: 0.05, per: 'day' });
  });
});

describe('deflection', () => {
  itPoints([
    [
      'the rep dodging a client question is deflection; the client question is not labelled',
      'en',
      [
        ['client', 'What happens if we pay late?'],
        ['rep', "Don't worry about that, we'll figure it out."],
      ],
      { deflection: [1] },
    ],
    [
      'a waiver in answer is concrete, not deflection',
      'ru',
      [
        ['client', 'А пени будут?'],
        ['rep', 'Пени не начисляем, не переживайте.'],
      ],
      { deflection: [] },
    ],
    [
      'a brush-off nobody asked for is not deflection',
      'ru',
      [
        ['client', 'Присылайте спецификацию.'],
        ['rep', 'По оплате потом разберёмся.'],
      ],
      { deflection: [] },
    ],
    [
      'is never found in mono calls',
      'ru',
      [
        ['unknown', 'а отсрочку какую дадите'],
        ['unknown', 'да не переживайте потом решим'],
      ],
      { deflection: [] },
    ],
  ]);
});

describe('values', () => {
  it('reads the deferral, prepayment share, credit limit, due date and sanction kinds', () => {
    const r = analyzeTranscript(
      call('ru', [
        ['rep', 'Предоплата тридцать процентов, остальное с отсрочкой двадцать дней с даты отгрузки.'],
        ['rep', 'Лимит — полтора миллиона рублей.'],
        ['rep', 'Оплата до пятнадцатого марта.'],
        ['rep', 'Если просрочите — остановим отгрузки и передадим дело юристам.'],
      ]),
    );
    const v = r.flags.payment_terms!.moments.map((m) => m.values);
    expect(v[0]).toMatchObject({ prepaymentPercent: 30, deferralDays: 20 });
    expect(v[1]).toMatchObject({ creditLimit: { amount: 1_500_000, currency: 'RUB' } });
    expect(r.flags.deadline!.moments.find((m) => m.segment === 2)!.values?.dueDate).toEqual({
      kind: 'absolute',
      dayOfMonth: 15,
      date: '--03-15',
    });
    expect(r.flags.sanctions!.moments[0]!.values?.sanctionKinds).toEqual(['suspension', 'legal']);
  });
});

it('reports the checklist used so results can be recomputed', () => {
  const r = analyzeTranscript(call('en', [['rep', 'Hi']]), 'collection');
  expect(r.checklist).toEqual({ id: 'collection', version: '1.1.0' });
  expect(r.engine.llmModel).toBeNull();
  expect(Object.keys(r.flags)).toEqual(['payment_terms', 'deadline', 'sanctions']);
});

describe('wording the dev sample does not use', () => {
  itStates([
    ['ru', 'Работаем по постоплате, 14 дней.', ['payment_terms', 'deadline']],
    ['ru', 'Оплата в течение 10 банковских дней с момента получения товара.', ['deadline']],
    ['ru', 'Если задержите платёж, будем начислять 0,1% за каждый день просрочки.', ['sanctions']],
    ['ru', 'при просрочке перестанем отгружать и начислим проценты по статье 395', ['sanctions']],
    ['ru', 'Товар привезём до двадцатого, а оплата — через две недели после приёмки.', ['deadline']],
    ['en', 'Payment terms are 30 days from invoice.', ['payment_terms', 'deadline']],
    ['en', "We'll need 50% up front and the rest net 15.", ['payment_terms', 'deadline']],
    ['en', 'Late payments incur a 5% surcharge.', ['sanctions']],
    ['en', 'If you fall behind, your account will be frozen.', ['sanctions']],
    ['en', 'We deliver within five days of the order.', []],
  ] as const);
});
