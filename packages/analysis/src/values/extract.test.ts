// Values in the usual spoken and written forms (issue 14, class 9), one sentence each of our own.
import { describe, expect, it } from 'vitest';
import type { MomentValues } from '@onterms/contracts';
import { analyzeTranscript } from '../index.ts';

type Line = ['rep' | 'client', string];
/** Every moment of every flag of a call of these lines, one segment each. */
const callMoments = (language: 'ru' | 'en', lines: Line[]) =>
  Object.values(
    analyzeTranscript({
      language,
      segments: lines.map(([speaker, text], i) => ({ start: i * 5, end: i * 5 + 4, speaker, text }) as const),
    }).flags,
  ).flatMap((f) => f.moments);

const values = (language: 'ru' | 'en', text: string): MomentValues[] =>
  Object.values(
    analyzeTranscript({ language, segments: [{ start: 0, end: 4, speaker: 'rep', text }] }).flags,
  ).flatMap((f) => f.moments.flatMap((m) => (m.values ? [m.values] : [])));

describe('credit limits in every usual form', () => {
  it.each([
    ['en', 'We have set your credit limit at $75,000 for now.', 75_000, 'USD'],
    ['en', 'Your credit limit with us is 1,250,000 dollars.', 1_250_000, 'USD'],
    ['en', 'We can open a credit limit of 40k on your account.', 40_000, undefined],
    ['en', 'Credit limit of eight lakh rupees from the first order.', 800_000, 'INR'],
    ['en', 'Head office approved a credit limit of three crore.', 30_000_000, 'INR'],
    ['ru', 'Кредитный лимит вам ставим 2,5 млн.', 2_500_000, undefined],
    ['ru', 'Лимит по отгрузкам — полтора миллиона рублей.', 1_500_000, 'RUB'],
    ['ru', 'Лимит у вас будет миллион триста.', 1_300_000, undefined],
  ] as const)('%s: %s', (language, text, amount, currency) => {
    const limit = values(language, text).find((v) => v.creditLimit)?.creditLimit;
    expect(limit?.amount).toBe(amount);
    expect(limit?.currency).toBe(currency);
  });
  it('a Russian «1,2» stays a decimal', () => {
    expect(
      values('ru', 'Лимит кредитный 1,2 миллиона.').find((v) => v.creditLimit)?.creditLimit?.amount,
    ).toBe(1_200_000);
  });
});

describe('penalty rates without the word "percent", and their periods', () => {
  it.each([
    ['ru', 'При просрочке оплаты пени ноль целых две десятых в день.', 0.2, 'day'],
    ['en', 'Late balances carry interest of two and a half a month.', 2.5, 'month'],
    ['en', 'If the invoice is late, interest runs at one point five per month.', 1.5, 'month'],
    // rules-1.8.1 (values): where a rate's period is said, and the period a penalty word carries by itself
    ['en', 'If payment is late, interest at eighteen percent per annum will be charged.', 18, 'year'],
    ['en', 'Overdue invoices accrue interest at eight percent if overdue.', 8, 'year'],
    ['en', 'Late payments carry a two percent late fee.', 2, 'once'],
    ['en', 'Overdue amounts accrue interest at point oh five percent per day.', 0.05, 'day'],
    ['ru', 'По договору за каждый день просрочки идут пени ноль целых одна десятая процента.', 0.1, 'day'],
    ['ru', 'Пени ноль целых одна десятая процента от просроченной суммы за каждый день.', 0.1, 'day'],
    ['ru', 'Если просрочка больше пяти дней, у нас начисляется пени ноль один процент.', 0.1, 'day'],
    ['ru', 'При просрочке пени ноль ноль пять процентов в день.', 0.05, 'day'],
    ['ru', 'За просрочку оплаты штраф пять процентов от суммы.', 5, 'once'],
  ] as const)('%s: %s', (language, text, rate, per) => {
    expect(values(language, text).find((v) => v.penalty)?.penalty).toEqual({ ratePercent: rate, per });
  });
  it('a number of days after a penalty is a period, not a rate', () => {
    expect(
      values('ru', 'При просрочке больше пяти дней пени ноль один процент в день.').find((v) => v.penalty)
        ?.penalty,
    ).toEqual({
      ratePercent: 0.1,
      per: 'day',
    });
  });
});

// rules-1.8.1 (values): one phrase, one sanction kind
describe('sanction kinds: one phrase is one sanction', () => {
  const kinds = (language: 'ru' | 'en', text: string, collection = false) =>
    analyzeTranscript(
      { language, segments: [{ start: 0, end: 4, speaker: 'rep', text }] },
      collection ? 'collection' : 'credit_negotiation',
    )
      .flags.sanctions!.moments.flatMap((m) => m.values?.sanctionKinds ?? [])
      .sort();
  it.each([
    [
      'en',
      'If the invoice is more than forty days overdue, the account goes on credit hold.',
      ['credit_hold'],
    ],
    [
      'en',
      "If it's not in by the fifteenth, your account goes on credit hold and we stop releasing orders.",
      ['credit_hold', 'suspension'],
    ],
    [
      'ru',
      'Если оплаты не будет, с понедельника кредитный лимит замораживаем, новые заказы только по предоплате.',
      ['credit_hold', 'prepayment'],
    ],
    [
      'ru',
      'Если до конца месяца долг не погасите, передаём дело в юридический отдел для взыскания через суд.',
      ['legal'],
    ],
    // rules-1.13.0 `holdExplained`: what the hold means, said again in other words
    [
      'ru',
      'При просрочке больше двух недель лимит замораживаем, то есть новые отгрузки только после оплаты.',
      ['credit_hold'],
    ],
    ['ru', 'Пока долг не закрыт, работаем только по предоплате.', ['prepayment']],
  ] as const)('%s: %s', (language, text, want) => {
    expect(kinds(language, text, true)).toEqual(want);
  });
});

// rules-1.8.1 (values): a due day of the month is a deadline, not the debt's or a document's date
describe('days of the month that are not due dates', () => {
  const dueDays = (language: 'ru' | 'en', text: string) =>
    values(language, text).flatMap((v) =>
      v.dueDate?.dayOfMonth !== undefined ? [v.dueDate.dayOfMonth] : [],
    );
  it.each([
    ['ru', 'Сумма семьсот пятьдесят тысяч, срок был первого числа, оплатите до двадцатого.', [20]],
    ['ru', 'Срок оплаты истёк первого декабря, ждём оплату до пятнадцатого.', [15]],
    ['ru', 'Счёт от третьего октября нужно оплатить до десятого.', [10]],
    ['en', 'It was due on the 5th, so we need payment by the 20th.', [20]],
    ['en', "It's been past due since the 1st; please pay by the 15th.", [15]],
    ['en', 'Payment is thirty days from invoice for the first six months.', []],
    ['ru', 'Оплата до пятнадцатого числа.', [15]],
  ] as const)('%s: %s', (language, text, want) => {
    expect(dueDays(language, text)).toEqual(want);
  });
});

// rules-1.8.1 (values): which number of days is the deferral, and what a period counts from
describe('deferral days and the start of a period', () => {
  const first = (language: 'ru' | 'en', text: string) => values(language, text)[0];
  it('a period changed from one length to another is the new length', () => {
    expect(
      first('ru', 'Отсрочку сокращаем с двадцати одного дня до четырнадцати, с даты поставки.')?.deferralDays,
    ).toBe(14);
    expect(first('en', 'We are moving you from net sixty to net thirty.')?.deferralDays).toBe(30);
  });
  it('the count after the cue, not days late before it', () => {
    expect(first('ru', 'Оплата просрочена на семь дней, у вас отсрочка тридцать дней.')?.deferralDays).toBe(
      30,
    );
  });
  it('«в течение N дней после поставки» is a due date, not a deferral', () => {
    const v = values('ru', 'По договору оплата в течение десяти дней после поставки.');
    expect(v.some((x) => x.deferralDays !== undefined)).toBe(false);
    expect(v.find((x) => x.dueDate)?.dueDate).toEqual({ kind: 'relative', days: 10, from: 'delivery' });
  });
  it('a period the seller grants is the deferral too, not a period «в течение»', () => {
    expect(values('ru', 'Для вас можем дать шестьдесят дней от даты счёта.')[0]?.deferralDays).toBe(60);
    expect(
      values('en', "Now on payment we're doing sixty days from delivery for you.")[0]?.deferralDays,
    ).toBe(60);
  });
  it('a period from signing an acceptance act runs from delivery', () => {
    const v = values('ru', 'Оплата в течение тридцати дней с даты подписания акта.');
    expect(v.find((x) => x.dueDate)?.dueDate).toEqual({ kind: 'relative', days: 30, from: 'delivery' });
  });
});

// rules-1.8.1 (values): anchorRestatedPeriods, and a period's start said after the cue
describe('a period said again without its start', () => {
  const relative = (language: 'ru' | 'en', ...texts: Line[]) =>
    callMoments(language, texts).flatMap((m) =>
      m.values?.dueDate?.kind === 'relative' ? [m.values.dueDate] : [],
    );
  it('takes the start said with it before', () => {
    const got = relative(
      'en',
      ['rep', "So we ship next Monday and payment's due within fourteen days of the invoice."],
      ['client', 'Fourteen days, okay.'],
      ['rep', 'Yes, fourteen days.'],
    );
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((d) => d.from === 'invoice')).toBe(true);
  });
  it('reads the start after the cue («с даты выставления»)', () => {
    expect(
      relative('ru', ['rep', 'Счёт надо оплатить в течение пяти рабочих дней с даты выставления.'])[0]?.from,
    ).toBe('invoice');
  });
});

// rules-1.12.0 (values) `signedTransfer`: the buyer's signature on a transfer document is its acceptance
describe('a period counted from signing a transfer document runs from delivery', () => {
  const due = (language: 'ru' | 'en', text: string) => values(language, text).find((x) => x.dueDate)?.dueDate;
  it.each([
    ['ru', 'Оплата в течение семи рабочих дней с даты подписания заказчиком документа о приёмке.', 7],
    ['ru', 'Платите в течение десяти дней после подписания товарной накладной.', 10],
    ['ru', 'Отсрочка сорок пять календарных дней с даты подписания УПД.', 45],
    ['en', 'Payment is due within twenty days of signing of the delivery note.', 20],
    ['en', 'Payment is due within forty-five days of acceptance.', 45],
  ] as const)('%s: %s', (language, text, days) => {
    expect(due(language, text)).toEqual({ kind: 'relative', days, from: 'delivery' });
  });
  it('the contract signed is still the contract', () => {
    expect(due('ru', 'Оплата в течение десяти дней с даты подписания договора поставки.')?.from).toBe(
      'contract',
    );
    expect(due('ru', 'Оплата в течение десяти дней с даты подписания.')?.from).toBe('contract');
  });
  it('an invoice not signed stays the invoice', () => {
    expect(due('ru', 'Оплата в течение десяти дней с даты УПД.')?.from).toBe('invoice');
  });
});

// rules-1.12.0 (values) `limitChangedTo`: a limit moved from one amount to another
describe('a credit limit changed from one amount to another is the new amount', () => {
  const limit = (language: 'ru' | 'en', text: string) =>
    values(language, text).find((v) => v.creditLimit)?.creditLimit;
  it.each([
    ['ru', 'Кредитный лимит поднимаем с пятисот тысяч до восьмисот.', 800_000, undefined],
    ['ru', 'Лимит снижаем с двух миллионов до полутора миллионов рублей.', 1_500_000, 'RUB'],
    ['ru', 'Лимит меняем с полутора миллионов до двух.', 2_000_000, undefined],
    ['en', "We're reducing your credit limit from $75,000 to $50,000.", 50_000, 'USD'],
    ['en', 'Your credit limit goes from 40k to 60k next month.', 60_000, undefined],
  ] as const)('%s: %s', (language, text, amount, currency) => {
    expect(limit(language, text)).toEqual(currency ? { amount, currency } : { amount });
  });
  it('a limit said once is unchanged', () => {
    expect(limit('ru', 'Лимит у вас с понедельника восемьсот тысяч.')?.amount).toBe(800_000);
    expect(limit('en', 'From Monday your credit limit is $30,000.')?.amount).toBe(30_000);
  });
});

// rules-1.12.0 (values) `creditPeriodBare` / `creditPeriodUnit`: a credit period said without "days"
describe('a credit period said right after the credit word, without its unit', () => {
  const deferral = (language: 'ru' | 'en', text: string) =>
    values(language, text).find((v) => v.deferralDays !== undefined)?.deferralDays;
  it.each([
    ['ru', 'Финансовый директор согласовал вам отсрочку тридцать.', 30],
    ['ru', 'Напомню, у вас по договору нетто сорок пять.', 45],
    ['ru', 'Как договаривались, отсрочка неделя с отгрузки.', 7],
    ['ru', 'Для вашей сети отсрочка месяц, как обычно.', 30],
    // English says it "net forty-five", read since rules-1.8.1: the same reading, kept here as its pair
    ['en', 'As agreed, your terms are net forty-five.', 45],
  ] as const)('%s: %s', (language, text, days) => {
    expect(deferral(language, text)).toBe(days);
  });
  it('a unit after the count still counts («отсрочку две недели» is fourteen days)', () => {
    expect(deferral('ru', 'По договору вам даём отсрочку две недели с даты отгрузки.')).toBe(14);
  });
  it('an amount after the credit word is not a period', () => {
    expect(deferral('ru', 'Даём отсрочку на сто тысяч рублей на две недели.')).toBe(14);
    expect(deferral('ru', 'Даём отсрочку сто тысяч рублей, на две недели.')).toBe(14);
  });
});

// rules-1.13.0 (values) `periodAnswersCredit`: a number is about what the turn it answers was about
describe('a period said in reply to the client naming the credit period is the credit period', () => {
  const deferrals = (language: 'ru' | 'en', ...texts: Line[]) =>
    callMoments(language, texts).flatMap((m) =>
      m.values?.deferralDays !== undefined ? [m.values.deferralDays] : [],
    );
  it('the rep grants a shorter period than the client asked for', () => {
    expect(
      deferrals(
        'ru',
        ['client', 'Нам бы отсрочку сорок пять дней, иначе не потянем.'],
        ['rep', 'Сорок пять не получится. Двадцать один день с даты поставки.'],
      ),
    ).toContain(21);
  });
  it('the rep answers a question about the terms', () => {
    expect(
      deferrals(
        'en',
        ['client', 'And what terms would we be on?'],
        ['rep', 'Forty days from the invoice date.'],
      ),
    ).toContain(40);
  });
  it('not a period to pay within after an event, nor a period said with no credit talk before it', () => {
    expect(
      deferrals(
        'ru',
        ['client', 'А отсрочка какая у вас?'],
        ['rep', 'Оплата в течение десяти дней после поставки.'],
      ),
    ).toEqual([]);
    expect(
      deferrals(
        'en',
        ['client', 'When do you need the money?'],
        ['rep', 'Forty days from the invoice date.'],
      ),
    ).toEqual([]);
  });
});
