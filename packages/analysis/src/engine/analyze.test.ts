import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../index.ts';
import { call, dodges, segs } from './test-calls.ts';

describe('what counts as stated', () => {
  it('a deferral with a number states terms and deadline; without a number, terms only', () => {
    const t = call('ru', [
      ['rep', 'Работаем с отсрочкой платежа — двадцать один день с даты отгрузки.'],
      ['rep', 'Для остальных заказов тоже с отсрочкой.'],
    ]);
    expect(segs(t, 'payment_terms')).toEqual([0, 1]);
    expect(segs(t, 'deadline')).toEqual([0]);
  });

  it('negation and waivers do not state sanctions', () => {
    expect(segs(call('ru', [['rep', 'Штрафов у нас никаких нет, работаем спокойно.']]), 'sanctions')).toEqual(
      [],
    );
    expect(segs(call('ru', [['rep', 'Без пеней и неустоек, не переживайте.']]), 'sanctions')).toEqual([]);
    expect(
      segs(call('en', [['rep', "We don't charge late fees to accounts like yours."]]), 'sanctions'),
    ).toEqual([]);
    // a negated penalty beside a real suspension: the suspension still counts
    expect(
      segs(call('ru', [['rep', 'Просрочили — приостанавливаем отгрузки. Без пеней.']]), 'sanctions'),
    ).toEqual([0]);
  });

  it('a «не» inside the condition belongs to the condition, not to the sanction', () => {
    expect(
      segs(call('ru', [['rep', 'если денег к пятнице не будет мы блокируем отгрузки']]), 'sanctions'),
    ).toEqual([0]);
    expect(segs(call('en', [['rep', "if it's not paid by friday we stop shipping"]]), 'sanctions')).toEqual([
      0,
    ]);
  });

  it('hypotheticals about other suppliers do not count', () => {
    expect(
      segs(
        call('ru', [['rep', 'У многих поставщиков бывают пени с первого дня, а у нас иначе.']]),
        'sanctions',
      ),
    ).toEqual([]);
    expect(segs(call('en', [['rep', 'Most distributors charge a penalty for that.']]), 'sanctions')).toEqual(
      [],
    );
  });

  it('delivery and paperwork dates are not payment deadlines', () => {
    const t = call('ru', [
      ['rep', 'Отгрузим двадцать третьего, машина придёт к обеду.'],
      ['rep', 'Подписанный договор жду до четверга.'],
      ['rep', 'А оплату ждём до тридцатого числа.'],
    ]);
    expect(segs(t, 'deadline')).toEqual([2]);
    const en = call('en', [
      ['client', 'When will the panels arrive?'],
      ['rep', 'By Tuesday the fourth.'],
      ['rep', 'Payment is due by the twentieth.'],
    ]);
    expect(segs(en, 'deadline')).toEqual([2]);
  });

  it('a bare date answer takes its topic from the talk before', () => {
    const t = call('en', [
      ['rep', 'On this invoice, when can you get payment to us?'],
      ['client', 'Monday at the latest.'],
      ['rep', 'Great, Monday it is.'],
    ]);
    expect(segs(t, 'deadline')).toEqual([1, 2]);
  });

  it('thresholds are not deadlines', () => {
    const t = call('en', [
      ['rep', 'If an invoice is more than forty five days late we put the account on credit hold.'],
    ]);
    expect(segs(t, 'deadline')).toEqual([]);
    expect(segs(t, 'sanctions')).toEqual([0]);
  });

  it('switching to prepayment as a consequence is a sanction, not payment terms', () => {
    const t = call('ru', [['rep', 'При просрочке больше недели переведём вас на стопроцентную предоплату.']]);
    expect(segs(t, 'sanctions')).toEqual([0]);
    expect(segs(t, 'payment_terms')).toEqual([]);
  });
});

describe('questions are not statements', () => {
  it('the client asking states nothing; the answer does', () => {
    const t = call('ru', [
      ['client', 'А какая у вас отсрочка?'],
      ['rep', 'Тридцать дней с даты поставки, отсрочка для всех одна.'],
    ]);
    expect(segs(t, 'payment_terms')).toEqual([1]);
  });

  it('the rep asking is not a statement either, also in unpunctuated speech', () => {
    expect(
      segs(call('ru', [['rep', 'вас устроит если оплату будем ждать до пятнадцатого']]), 'deadline'),
    ).toEqual([]);
    expect(segs(call('en', [['rep', 'Could you get payment to us by Friday?']]), 'deadline')).toEqual([]);
    expect(segs(call('ru', [['unknown', 'а пени есть если задержим']]), 'sanctions')).toEqual([]);
  });

  it('a value question is stated by its answer', () => {
    const t = call('en', [
      ['client', 'And the limit?'],
      ['rep', 'Sixty thousand to start.'],
    ]);
    expect(segs(t, 'payment_terms')).toEqual([1]);
  });
});

describe('speaker rules', () => {
  it('client-stated and confirmed by the rep: both segments', () => {
    const t = call('ru', [
      ['client', 'Значит, отсрочка четырнадцать дней от даты УПД.'],
      ['rep', 'Да, всё верно.'],
    ]);
    expect(segs(t, 'payment_terms')).toEqual([0, 1]);
    expect(segs(t, 'deadline')).toEqual([0, 1]);
  });

  it('client-stated without confirmation, or refused: nothing', () => {
    expect(
      segs(
        call('en', [
          ['client', "We'd want net 90."],
          ['rep', "That's not something we can do."],
        ]),
        'payment_terms',
      ),
    ).toEqual([]);
    expect(
      segs(
        call('ru', [
          ['client', 'Нам бы отсрочку шестьдесят дней.'],
          ['rep', 'Нет, так не получится.'],
        ]),
        'payment_terms',
      ),
    ).toEqual([]);
    expect(
      segs(
        call('en', [
          ['client', 'Net 30 as usual.'],
          ['rep', 'Let me check the price list.'],
        ]),
        'payment_terms',
      ),
    ).toEqual([]);
  });

  it('a sanction the client threatens the seller with does not count', () => {
    const t = call('ru', [
      ['client', 'Если опять сорвёте сроки поставки, выставим вам неустойку.'],
      ['rep', 'Понял, не сорвём.'],
    ]);
    expect(segs(t, 'sanctions')).toEqual([]);
  });

  it('mono calls: anyone states, questions still do not', () => {
    const t = call('en', [
      ['unknown', 'what are your terms'],
      ['unknown', 'net thirty from the invoice'],
      ['unknown', 'okay net thirty got it'],
    ]);
    expect(segs(t, 'payment_terms')).toEqual([1, 2]);
  });
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
  it('the rep dodging a client question is deflection; the client question is not labelled', () => {
    const t = call('en', [
      ['client', 'What happens if we pay late?'],
      ['rep', "Don't worry about that, we'll figure it out."],
    ]);
    expect(dodges(t)).toEqual([1]);
  });

  it('a waiver in answer is concrete, not deflection; a brush-off nobody asked for is not deflection', () => {
    expect(
      dodges(
        call('ru', [
          ['client', 'А пени будут?'],
          ['rep', 'Пени не начисляем, не переживайте.'],
        ]),
      ),
    ).toEqual([]);
    expect(
      dodges(
        call('ru', [
          ['client', 'Присылайте спецификацию.'],
          ['rep', 'По оплате потом разберёмся.'],
        ]),
      ),
    ).toEqual([]);
  });

  it('is never found in mono calls', () => {
    expect(
      dodges(
        call('ru', [
          ['unknown', 'а отсрочку какую дадите'],
          ['unknown', 'да не переживайте потом решим'],
        ]),
      ),
    ).toEqual([]);
  });
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
  const flagsOf = (language: 'ru' | 'en', text: string) => {
    const r = analyzeTranscript(call(language, [['rep', text]]));
    return ['payment_terms', 'deadline', 'sanctions'].filter((f) => r.flags[f]!.stated);
  };
  it.each([
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
  ] as const)('%s: %s', (language, text, expected) => {
    expect(flagsOf(language, text)).toEqual(expected);
  });
});
