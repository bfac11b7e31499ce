import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../index.ts';
import { analyzeLines, call, itPoints, itStates, replies, said } from './test-calls.ts';

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
    ...said(
      'negation and waivers do not state sanctions',
      { sanctions: [] },
      ['ru', 'Штрафов у нас никаких нет, работаем спокойно.'],
      ['ru', 'Без пеней и неустоек, не переживайте.'],
      ['en', "We don't charge late fees to accounts like yours."],
    ),
    ...said('a negated penalty beside a real suspension: the suspension still counts', { sanctions: [0] }, [
      'ru',
      'Просрочили — приостанавливаем отгрузки. Без пеней.',
    ]),
    ...said(
      'a «не» inside the condition belongs to the condition, not to the sanction',
      { sanctions: [0] },
      ['ru', 'если денег к пятнице не будет мы блокируем отгрузки'],
      ['en', "if it's not paid by friday we stop shipping"],
    ),
    ...said(
      'hypotheticals about other suppliers do not count',
      { sanctions: [] },
      ['ru', 'У многих поставщиков бывают пени с первого дня, а у нас иначе.'],
      ['en', 'Most distributors charge a penalty for that.'],
    ),
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
    ...said('thresholds are not deadlines', { deadline: [], sanctions: [0] }, [
      'en',
      'If an invoice is more than forty five days late we put the account on credit hold.',
    ]),
    ...said(
      'switching to prepayment as a consequence is a sanction, not payment terms',
      { sanctions: [0], payment_terms: [] },
      ['ru', 'При просрочке больше недели переведём вас на стопроцентную предоплату.'],
    ),
  ]);
});

describe('questions are not statements', () => {
  itPoints([
    ...replies('the client asking states nothing; the answer does', { payment_terms: [1] }, [
      'ru',
      'А какая у вас отсрочка?',
      'Тридцать дней с даты поставки, отсрочка для всех одна.',
    ]),
    ...said(
      'the rep asking is not a statement either, also in unpunctuated speech',
      { deadline: [] },
      ['ru', 'вас устроит если оплату будем ждать до пятнадцатого'],
      ['en', 'Could you get payment to us by Friday?'],
    ),
    ...said('the rep asking is not a statement either, also in unpunctuated speech', { sanctions: [] }, [
      'ru',
      'а пени есть если задержим',
      'unknown',
    ]),
    ...replies('a value question is stated by its answer', { payment_terms: [1] }, [
      'en',
      'And the limit?',
      'Sixty thousand to start.',
    ]),
  ]);
});

describe('speaker rules', () => {
  itPoints([
    ...replies(
      'client-stated and confirmed by the rep: both segments',
      { payment_terms: [0, 1], deadline: [0, 1] },
      ['ru', 'Значит, отсрочка четырнадцать дней от даты УПД.', 'Да, всё верно.'],
    ),
    ...replies(
      'client-stated without confirmation, or refused: nothing',
      { payment_terms: [] },
      ['en', "We'd want net 90.", "That's not something we can do."],
      ['ru', 'Нам бы отсрочку шестьдесят дней.', 'Нет, так не получится.'],
      ['en', 'Net 30 as usual.', 'Let me check the price list.'],
    ),
    ...replies('a sanction the client threatens the seller with does not count', { sanctions: [] }, [
      'ru',
      'Если опять сорвёте сроки поставки, выставим вам неустойку.',
      'Понял, не сорвём.',
    ]),
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
    ...replies(
      'the rep dodging a client question is deflection; the client question is not labelled',
      { deflection: [1] },
      ['en', 'What happens if we pay late?', "Don't worry about that, we'll figure it out."],
    ),
    ...replies('a waiver in answer is concrete, not deflection', { deflection: [] }, [
      'ru',
      'А пени будут?',
      'Пени не начисляем, не переживайте.',
    ]),
    ...replies('a brush-off nobody asked for is not deflection', { deflection: [] }, [
      'ru',
      'Присылайте спецификацию.',
      'По оплате потом разберёмся.',
    ]),
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
    const r = analyzeLines('ru', [
      ['rep', 'Предоплата тридцать процентов, остальное с отсрочкой двадцать дней с даты отгрузки.'],
      ['rep', 'Лимит — полтора миллиона рублей.'],
      ['rep', 'Оплата до пятнадцатого марта.'],
      ['rep', 'Если просрочите — остановим отгрузки и передадим дело юристам.'],
    ]);
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
