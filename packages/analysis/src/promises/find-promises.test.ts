import { describe, expect, it } from 'vitest';
import type { Language, Segment } from '@onterms/contracts';
import { findPromises, opensOnDebt } from './find-promises.ts';

const seg = (speaker: Segment['speaker'], text: string, i: number): Segment => ({
  start: i * 5,
  end: i * 5 + 4,
  speaker,
  text,
});
const call = (lang: Language, ...lines: [Segment['speaker'], string][]) =>
  findPromises(
    lines.map(([speaker, text], i) => seg(speaker, text, i)),
    lang,
  ).map(({ moments, ...p }) => ({ ...p, segments: moments.map((m) => m.segment) }));

describe('promises to pay in Russian', () => {
  it('all of it by a day of the month', () => {
    expect(call('ru', ['client', 'Всю сумму закроем до двадцатого.'])).toEqual([
      { full: true, due: { dayOfMonth: 20 }, segments: [0] },
    ]);
  });

  it('two promises in one breath: part now, the rest by the end of the month', () => {
    expect(call('ru', ['client', 'Переведём пятьдесят тысяч завтра, а остаток к концу месяца.'])).toEqual([
      { amount: 50000, due: { anchor: 'tomorrow' }, segments: [0] },
      { full: true, due: { anchor: 'end_of_month' }, segments: [0] },
    ]);
  });

  it('the rep proposes a date and the client accepts it', () => {
    expect(call('ru', ['rep', 'Давайте до пятницы?'], ['client', 'Да, до пятницы заплатим.'])).toEqual([
      { due: { weekday: 5 }, segments: [0, 1] },
    ]);
    expect(call('ru', ['rep', 'Оплатите до 25 ноября?'], ['client', 'Хорошо, договорились.'])).toEqual([
      { due: { date: '--11-25' }, segments: [0, 1] },
    ]);
  });

  it('a calendar date with the amount in digits', () => {
    expect(call('ru', ['client', 'Платёж уйдёт 3 декабря, 200 000 ₽.'])).toEqual([
      { amount: 200000, currency: 'RUB', due: { date: '--12-03' }, segments: [0] },
    ]);
  });

  it('is no promise when vague, hypothetical, refused, a question, or the rep talking alone', () => {
    expect(call('ru', ['client', 'Постараемся на днях оплатить.'])).toEqual([]);
    expect(call('ru', ['client', 'Как деньги придут — сразу переведём.'])).toEqual([]);
    expect(call('ru', ['client', 'Если клиент нам заплатит до пятницы, то и мы вам заплатим.'])).toEqual([]);
    expect(call('ru', ['client', 'До пятницы не сможем оплатить.'])).toEqual([]);
    expect(call('ru', ['client', 'А если до пятницы оплатим, пени спишете?'])).toEqual([]);
    expect(
      call('ru', ['rep', 'Нужно оплатить до пятницы.'], ['client', 'Посмотрим, что можно сделать.']),
    ).toEqual([]);
    expect(call('ru', ['client', 'Документы отправим до пятницы.'])).toEqual([]);
  });

  // rules-1.8.1: the client's own «девяносто тысяч к среде», taken by the rep, is a moment of it too

  it('a written-down amount and date with no answer, or answered no, is no promise', () => {
    expect(
      call('ru', ['rep', 'Записал: девяносто тысяч до среды.'], ['client', 'Подождите, я уточню.']),
    ).toEqual([]);
    expect(call('ru', ['rep', 'Итак, девяносто тысяч до среды.'], ['client', 'Нет, не успеем.'])).toEqual([]);
    expect(
      call(
        'ru',
        ['rep', 'Если девяносто тысяч не придут до среды, отгрузки встанут.'],
        ['client', 'Хорошо.'],
      ),
    ).toEqual([]);
  });

  it('the invoice date and a past due date are the debt, not a promise', () => {
    expect(
      call('ru', ['rep', 'Звоню по накладной от седьмого числа, девяносто тысяч.'], ['client', 'Да, помню.']),
    ).toEqual([]);
    expect(call('ru', ['rep', 'Девяносто тысяч, срок был во вторник.'], ['client', 'Да, знаю.'])).toEqual([]);
  });

  it('a refused date next to the promised one: only the promised one counts', () => {
    expect(call('ru', ['client', 'нет восемнадцатого не успеем до двадцать третьего всё оплатим'])).toEqual([
      { full: true, due: { dayOfMonth: 23 }, segments: [0] },
    ]);
  });

  it('a negation before one date does not reach the verb after the next date', () => {
    expect(call('ru', ['client', 'в среду не получится в четверг переведу'])).toEqual([
      { due: { weekday: 4 }, segments: [0] },
    ]);
  });

  it('a date refused a word later drops out of the promise', () => {
    expect(call('ru', ['client', 'в понедельник уже не смогу во вторник оплачу'])).toEqual([
      { due: { weekday: 2 }, segments: [0] },
    ]);
  });

  it('the client answers «когда?» with a sum and a date, no verb: a promise', () => {
    expect(call('ru', ['rep', 'Когда погасите?'], ['client', 'Шестьдесят тысяч — во вторник.'])).toEqual([
      { amount: 60000, due: { weekday: 2 }, segments: [1] },
    ]);
    expect(
      call('ru', ['rep', 'Шестьдесят тысяч во вторник.'], ['client', 'Шестьдесят тысяч — во вторник.']),
    ).toEqual([]);
  });

  it('the sum the rep has just named is what the client promises to pay', () => {
    expect(
      call(
        'ru',
        ['rep', 'Счёт на аванс, семьдесят пять тысяч, отправлю сейчас.'],
        ['client', 'Оплатим в понедельник.'],
      ),
    ).toEqual([{ amount: 75000, due: { weekday: 1 }, segments: [1] }]);
    expect(
      call(
        'ru',
        ['rep', 'Аванс семьдесят пять тысяч, а всего сто сорок тысяч.'],
        ['client', 'Оплатим в понедельник.'],
      ),
    ).toEqual([{ due: { weekday: 1 }, segments: [1] }]);
    expect(
      call(
        'ru',
        ['rep', 'Долг семьдесят пять тысяч, когда погасите?'],
        ['client', 'Часть оплатим в понедельник.'],
      ),
    ).toEqual([{ due: { weekday: 1 }, segments: [1] }]);
  });

  it('«давайте так:» proposes the clause after the colon; «всей суммы» is all of it', () => {
    expect(
      call('ru', ['rep', 'Давайте так: девятнадцатого, оплата всей суммы.'], ['client', 'Договорились.']),
    ).toEqual([{ full: true, due: { dayOfMonth: 19 }, segments: [0, 1] }]);
  });

  it('the end of a named month is the end of the month', () => {
    expect(call('ru', ['client', 'Оплатим сто тысяч до конца марта.'])).toEqual([
      { amount: 100000, due: { anchor: 'end_of_month' }, segments: [0] },
    ]);
  });

  it('counts a commitment said by anyone in a mono call', () => {
    expect(call('ru', ['unknown', 'Хорошо, оплатим всё до конца недели.'])).toEqual([
      { full: true, due: { anchor: 'end_of_week' }, segments: [0] },
    ]);
  });
});

describe('promises to pay in English', () => {
  it("we'll wire the full balance by the 15th", () => {
    expect(call('en', ['client', "We'll wire the full balance by the 15th."])).toEqual([
      { full: true, due: { dayOfMonth: 15 }, segments: [0] },
    ]);
  });

  it('an amount in dollars by a date', () => {
    expect(call('en', ['client', 'We will pay $40,000 by March 3rd.'])).toEqual([
      { amount: 40000, currency: 'USD', due: { date: '--03-03' }, segments: [0] },
    ]);
  });

  it('half this week, the rest by month end: two promises', () => {
    expect(call('en', ['client', "We'll send half this week and the rest by month end."])).toEqual([
      { due: { anchor: 'end_of_week' }, segments: [0] },
      { full: true, due: { anchor: 'end_of_month' }, segments: [0] },
    ]);
  });

  it('a proposal the client accepts, and N days', () => {
    expect(call('en', ['rep', 'So can you pay by Friday?'], ['client', 'Yes, that works.'])).toEqual([
      { due: { weekday: 5 }, segments: [0, 1] },
    ]);
    expect(call('en', ['client', 'The payment will go out in three days.'])).toEqual([
      { due: { days: 3, from: 'unspecified' }, segments: [0] },
    ]);
  });

  it('"I can send $8,000 by Friday" commits; "can you send it by Friday?" asks', () => {
    expect(call('en', ['client', 'I can send $8,000 by Friday.'])).toEqual([
      { amount: 8000, currency: 'USD', due: { weekday: 5 }, segments: [0] },
    ]);
    expect(call('en', ['client', 'Can you send it by Friday?'])).toEqual([]);
  });

  it('the rep restates the sum in words and the client confirms', () => {
    expect(call('en', ['rep', 'Alright, sixty two thousand by the 9th.'], ['client', 'Yep.'])).toEqual([
      { amount: 62000, due: { dayOfMonth: 9 }, segments: [0, 1] },
    ]);
    expect(
      call('en', ['rep', 'Alright, sixty two thousand by the 9th.'], ['client', 'I never said that.']),
    ).toEqual([]);
  });

  it('a spoken decimal of millions and an "aye" to the recap', () => {
    expect(call('en', ['rep', 'So that is two point five million by the 12th.'], ['client', 'Aye.'])).toEqual(
      [{ amount: 2_500_000, due: { dayOfMonth: 12 }, segments: [0, 1] }],
    );
  });

  it('a week narrowed to a weekday in one breath is one deadline, the weekday', () => {
    expect(call('en', ['client', "I'll pay half this week, four thousand two hundred by Thursday."])).toEqual(
      [{ amount: 4200, due: { weekday: 4 }, segments: [0] }],
    );
    expect(call('en', ['client', "I'll pay $4,200 by the end of the week, Thursday."])).toEqual([
      { amount: 4200, currency: 'USD', due: { anchor: 'end_of_week' }, segments: [0] },
    ]);
  });

  it('"by the end of the month" with the article', () => {
    expect(call('en', ['client', "We'll clear the whole balance by the end of the month."])).toEqual([
      { full: true, due: { anchor: 'end_of_month' }, segments: [0] },
    ]);
  });

  it('is no promise when vague or refused', () => {
    expect(call('en', ['client', "We'll pay as soon as we can."])).toEqual([]);
    expect(call('en', ['client', "I'll see what I can do by Friday."])).toEqual([]);
    expect(call('en', ['client', "We won't be able to pay by Friday."])).toEqual([]);
    expect(call('en', ['rep', 'Can you pay by Friday?'], ['client', 'No, not this week.'])).toEqual([]);
    expect(call('en', ['client', "We'll try to pay by the 20th."])).toEqual([]);
  });
});

// rules-1.8.1 (promises): repTakesClientSum, present-tense and slang paying verbs, a document's date
type Line = [Segment['speaker'], string];
const CASES: { what: string; lang: Language; lines: Line[]; want: ReturnType<typeof call> }[] = [
  // the multi-line calls of the two describes above, one row each
  {
    what: 'an amount by a weekday, said by the client',
    lang: 'ru',
    lines: [
      ['rep', 'Когда ждать оплату по просроченному счёту?'],
      ['client', 'Оплатим сто пятьдесят тысяч рублей до пятницы.'],
    ],
    want: [{ amount: 150000, currency: 'RUB', due: { weekday: 5 }, segments: [1] }],
  },
  {
    what: 'the rep writes down an amount and a date, the client says a bare «да»: the client has promised',
    lang: 'ru',
    lines: [
      ['client', 'Девяносто тысяч к среде — реально.'],
      ['rep', 'Записал: девяносто тысяч до среды.'],
      ['client', 'Да.'],
    ],
    want: [{ amount: 90000, due: { weekday: 3 }, segments: [0, 1, 2] }],
  },
  {
    what: 'the rep echoes the client promise with the amount: one promise, with the amount',
    lang: 'ru',
    lines: [
      ['client', 'Переведу в четверг.'],
      ['rep', 'В четверг семьдесят две тысячи, жду.'],
      ['client', 'А пени спишете?'],
    ],
    want: [{ amount: 72000, due: { weekday: 4 }, segments: [0, 1] }],
  },
  {
    what: 'the rest named later by its amount: the «all of it» promise takes the amount',
    lang: 'ru',
    lines: [
      ['client', 'Остаток погасим до восемнадцатого.'],
      ['rep', 'Значит, двести десять тысяч до восемнадцатого.'],
      ['client', 'Договорились.'],
    ],
    want: [{ full: true, amount: 210000, due: { dayOfMonth: 18 }, segments: [0, 1, 2] }],
  },
  {
    what: 'a schedule written down in one reply: bare hundreds mean thousands once the call talks in thousands',
    lang: 'ru',
    lines: [
      ['rep', 'Долг шестьсот сорок тысяч.'],
      ['rep', 'Фиксирую: триста двадцать в понедельник, триста двадцать до двадцать восьмого.'],
      ['client', 'Да, так.'],
    ],
    want: [
      { amount: 320000, due: { weekday: 1 }, segments: [1, 2] },
      { amount: 320000, due: { dayOfMonth: 28 }, segments: [1, 2] },
    ],
  },
  {
    what: 'thousands and hundreds of one sum said as two numbers',
    lang: 'ru',
    lines: [
      ['rep', 'За вами пятьдесят одна тысяча.'],
      ['rep', 'итак пятьдесят одна триста до понедельника'],
      ['client', 'угу'],
    ],
    want: [{ amount: 51300, due: { weekday: 1 }, segments: [1, 2] }],
  },
  {
    what: 'the client repeats the proposal with a yes in the middle of the reply',
    lang: 'ru',
    lines: [
      ['rep', 'давайте семьдесят тысяч до четверга'],
      ['client', 'семьдесят тысяч до четверга да сделаем'],
    ],
    want: [{ amount: 70000, due: { weekday: 4 }, segments: [0, 1] }],
  },
  {
    what: 'one promise restated in the summary at the end of the call: one promise, both moments',
    lang: 'en',
    lines: [
      ['client', 'I can pay two million on Wednesday.'],
      ['rep', 'Noted.'],
      ['rep', 'Anything else on the shipment schedule?'],
      ['client', 'No.'],
      ['client', 'Again: I will pay two million on Wednesday.'],
    ],
    want: [{ amount: 2_000_000, due: { weekday: 3 }, segments: [0, 4] }],
  },
  {
    what: 'a verbless sum by a weekday, read back by the rep',
    lang: 'ru',
    lines: [
      ['rep', 'В понедельник двести, так. А остальное?'],
      ['client', 'А остальное, четыреста семьдесят тысяч, — в пятницу.'],
      ['rep', 'Хорошо, пятница — четыреста семьдесят тысяч.'],
    ],
    // rules-1.10.1: «остальное» with its sum is both all of the rest and the sum
    want: [{ amount: 470000, full: true, due: { weekday: 5 }, segments: [1, 2] }],
  },
  {
    what: '«давай так: миллион во вторник» — «Миллион во вторник, хорошо»',
    lang: 'ru',
    lines: [
      ['client', 'Давай так: миллион во вторник, это точно.'],
      ['rep', 'Миллион во вторник, хорошо.'],
    ],
    want: [{ amount: 1000000, due: { weekday: 2 }, segments: [0, 1] }],
  },
  {
    what: 'not when the rep turns the sum down',
    lang: 'ru',
    lines: [
      ['client', 'Миллион во вторник.'],
      ['rep', 'Нет, во вторник поздно, нужно сегодня.'],
    ],
    want: [],
  },
  {
    what: '«сто тысяч сегодня отправляем»',
    lang: 'ru',
    lines: [['client', 'Директор сказал — сто тысяч сегодня отправляем.']],
    want: [{ amount: 100000, due: { anchor: 'today' }, segments: [0] }],
  },
  {
    what: '«в среду двести тысяч закинем»',
    lang: 'ru',
    lines: [['client', 'Мы в среду двести тысяч закинем.']],
    want: [{ amount: 200000, due: { weekday: 3 }, segments: [0] }],
  },
  {
    what: '«переводим вас на предоплату с понедельника» is a sanction, not a payment',
    lang: 'ru',
    lines: [['client', 'Переводим вас на предоплату с понедельника.']],
    want: [],
  },
  {
    what: '"the one from the ninth" is a document\'s date',
    lang: 'en',
    lines: [
      ['rep', 'Which invoice is that?'],
      ['client', 'The one from the ninth, about six grand.'],
    ],
    want: [],
  },
  // rules-1.10.1 (round 11): the classes of the promise misses of seven corpora, in our own wording
  {
    what: '"I can do £600 by Thursday": «do» pays with money as its object',
    lang: 'en',
    lines: [['client', 'I can do £600 by Thursday.']],
    want: [{ amount: 600, currency: 'GBP', due: { weekday: 4 }, segments: [0] }],
  },
  {
    what: '"we can do four months … starting on the first" is a plan, not a payment',
    lang: 'en',
    lines: [['client', 'We can do four months, nine thousand a month, starting on the first.']],
    want: [],
  },
  {
    what: '"the lot" is all of it; "a lot" is not',
    lang: 'en',
    lines: [
      ['client', "I'll pay the lot on Monday."],
      ['client', "We've had a lot on, I'll pay Monday."],
    ],
    want: [{ full: true, due: { weekday: 1 }, segments: [0, 1] }],
  },
  {
    what: '«а остаток, шестьсот тысяч?» — «Остаток до двадцатого переведём»: the rest has the sum the rep put on it',
    lang: 'ru',
    lines: [
      ['rep', 'Четыреста в пятницу записала. А остаток, шестьсот тысяч?'],
      ['client', 'Остаток до двадцатого переведём.'],
    ],
    want: [{ amount: 600000, full: true, due: { dayOfMonth: 20 }, segments: [1] }],
  },
  {
    what: '"and the remaining twelve thousand?" — "the remaining we\'ll clear by the 20th"',
    lang: 'en',
    lines: [
      ['rep', 'Eight thousand on Monday, noted. And the remaining twelve thousand?'],
      ['client', "The remaining we'll clear by the 20th."],
    ],
    want: [{ amount: 12000, full: true, due: { dayOfMonth: 20 }, segments: [1] }],
  },
  {
    what: '«До двадцатого, да» … «записала: до двадцатого, вся сумма»: all of it is filled in later',
    lang: 'ru',
    lines: [
      ['rep', 'До двадцатого закроете?'],
      ['client', 'До двадцатого, да.'],
      ['rep', 'Записала: до двадцатого, вся сумма.'],
    ],
    want: [{ full: true, due: { dayOfMonth: 20 }, segments: [0, 1, 2] }],
  },
  {
    what: 'a week, working days and a fortnight from now; «за три дня до отгрузки» counts back',
    lang: 'ru',
    lines: [
      ['client', 'В течение недели переведём сто тысяч.'],
      ['client', 'Остаток оплатим в течение трёх банковских дней.'],
      ['client', 'За три дня до отгрузки оплатим.'],
    ],
    want: [
      { amount: 100000, due: { days: 7, from: 'unspecified' }, segments: [0] },
      { full: true, due: { days: 3, from: 'unspecified' }, segments: [1] },
    ],
  },
  {
    what: '"within a week", "in a fortnight"',
    lang: 'en',
    lines: [['client', "We'll pay $2,000 within a week and the balance in a fortnight."]],
    want: [
      { amount: 2000, currency: 'USD', due: { days: 7, from: 'unspecified' }, segments: [0] },
      { full: true, due: { days: 14, from: 'unspecified' }, segments: [0] },
    ],
  },
  {
    what: 'mono: the reply that accepts a plan names the sum the plan left out',
    lang: 'ru',
    lines: [
      ['unknown', 'Долг у тебя шестьдесят тысяч.'],
      ['unknown', 'Давай так: сегодня двадцать скину, а остальное в течение недели.'],
      ['unknown', 'Двадцать сегодня, сорок в течение недели. Договорились?'],
    ],
    want: [
      { amount: 20000, due: { anchor: 'today' }, segments: [1, 2] },
      { full: true, amount: 40000, due: { days: 7, from: 'unspecified' }, segments: [1, 2] },
    ],
  },
  {
    what: '«до конца недели» read back as «до пятницы» is the one promise, as the client said it',
    lang: 'ru',
    lines: [
      ['client', 'До конца недели оплатим триста тысяч.'],
      ['rep', 'Триста тысяч до пятницы, хорошо.'],
    ],
    want: [{ amount: 300000, due: { anchor: 'end_of_week' }, segments: [0, 1] }],
  },
  {
    what: '"half this week, the rest by month end" read back with Friday and the 30th',
    lang: 'en',
    lines: [
      ['client', 'We can do half this week and the rest by month end.'],
      ['rep', 'So $5,000 by Friday and $5,000 by the 30th?'],
      ['client', 'Yes.'],
    ],
    want: [
      { amount: 5000, currency: 'USD', due: { anchor: 'end_of_week' }, segments: [0, 1, 2] },
      { full: true, amount: 5000, currency: 'USD', due: { anchor: 'end_of_month' }, segments: [0, 1, 2] },
    ],
  },
  {
    what: '"…on Monday, when our customer pays us": a «when» after the verb and the date names the source',
    lang: 'en',
    lines: [
      ['client', 'We will pay five hundred on Monday, when our customer pays us.'],
      ['client', "When the customer pays us, we'll pay on Tuesday."],
    ],
    want: [{ amount: 500, due: { weekday: 1 }, segments: [0] }],
  },
  {
    what: '«оплатим в пятницу, когда придут деньги» commits; «когда придут деньги, оплатим в четверг» does not',
    lang: 'ru',
    lines: [
      ['client', 'Оплатим в пятницу, когда придут деньги от заказчика.'],
      ['client', 'Когда придут деньги, оплатим в четверг.'],
    ],
    want: [{ due: { weekday: 5 }, segments: [0] }],
  },
  {
    what: '«В четверг тридцать тысяч кину»: slang paying verbs',
    lang: 'ru',
    lines: [['client', 'В четверг тридцать тысяч кину.']],
    want: [{ amount: 30000, due: { weekday: 4 }, segments: [0] }],
  },
  // rules-1.12.0 (avalues4): everyday and second-language forms of a commitment, in our own wording
  {
    what: '"We pay eight thousand dollars tomorrow": a first-person present pay verb commits',
    lang: 'en',
    lines: [['client', 'We pay eight thousand dollars tomorrow, all of it.']],
    want: [{ amount: 8000, currency: 'USD', full: true, due: { anchor: 'tomorrow' }, segments: [0] }],
  },
  {
    what: '"we always pay by the 15th" is a habit, not a promise',
    lang: 'en',
    lines: [['client', 'We always pay by the 15th, you know that.']],
    want: [],
  },
  {
    what: '«В конце месяца закроемся, всё целиком»: settling up said reflexively, at the end of the month',
    lang: 'ru',
    lines: [['client', 'В конце месяца закроемся, всё целиком.']],
    want: [{ full: true, due: { anchor: 'end_of_month' }, segments: [0] }],
  },
  {
    what: '«закроемся в субботу» with no money is the shop closing, not a payment',
    lang: 'ru',
    lines: [['client', 'Мы в субботу закроемся пораньше.']],
    want: [],
  },
  {
    what: '«Платёжное поручение уйдёт в четверг»: the payment order going out commits',
    lang: 'ru',
    lines: [['client', 'Платёжное поручение уйдёт в четверг, на всю сумму.']],
    want: [{ full: true, due: { weekday: 4 }, segments: [0] }],
  },
  {
    what: "«заказчик заплатит в конце месяца»: the client's own customer paying the client is no promise",
    lang: 'ru',
    lines: [['client', 'По этому объекту заказчик заплатит в конце месяца, это миллион семьсот.']],
    want: [],
  },
  {
    what: '"the customer will pay us on Friday" is no promise; "we will pay you on Friday" is',
    lang: 'en',
    lines: [
      ['client', 'The customer will pay us on Friday, nine thousand dollars.'],
      ['client', 'We will pay you nine thousand dollars on Monday.'],
    ],
    want: [{ amount: 9000, currency: 'USD', due: { weekday: 1 }, segments: [1] }],
  },
  {
    what: '«двадцатку до среды»: a street sum, in thousands when the call counts in thousands',
    lang: 'ru',
    lines: [
      ['rep', 'За вами сто десять тысяч. Давайте хотя бы двадцатку до среды?'],
      ['client', 'Да, двадцатку до среды сделаю.'],
    ],
    want: [{ amount: 20000, due: { weekday: 3 }, segments: [0, 1] }],
  },
  {
    what: '«полтинник в пятницу закину» in a call that counts in thousands',
    lang: 'ru',
    lines: [
      ['rep', 'Долг у вас восемьдесят тысяч.'],
      ['client', 'Полтинник в пятницу закину.'],
    ],
    want: [{ amount: 50000, due: { weekday: 5 }, segments: [1] }],
  },
  // rules-1.13.0 (avalues5): what is promised and when, read across turns, in our own wording
  {
    what: '`fullKept`: «всю сумму переведём» after a reminder with the sum keeps "all of it" beside the sum',
    lang: 'ru',
    lines: [
      ['rep', 'Напоминаю: до десятого оплата по счёту, четыреста тысяч.'],
      ['client', 'Да, помню.'],
      ['client', 'Десятого всю сумму переведём.'],
    ],
    want: [{ amount: 400000, full: true, due: { dayOfMonth: 10 }, segments: [0, 1, 2] }],
  },
  {
    what: '`splitTurns`: a promise cut into two segments of one voice, read back by the rep with firmer dates',
    lang: 'ru',
    lines: [
      ['client', 'Ладно, треть на этой неделе перечислим'],
      ['client', 'а остаток до конца месяца'],
      ['rep', 'то есть сорок тысяч до пятницы и восемьдесят до тридцать первого'],
      ['client', 'да'],
    ],
    want: [
      { amount: 40000, due: { anchor: 'end_of_week' }, segments: [0, 2, 3] },
      { amount: 80000, full: true, due: { anchor: 'end_of_month' }, segments: [1, 2, 3] },
    ],
  },
  {
    what: '`splitTurns`: the next segment carries the commitment only when it names what is paid',
    lang: 'ru',
    lines: [
      ['client', 'Оплатим в пятницу.'],
      ['client', 'А машину ждём в понедельник.'],
    ],
    want: [{ due: { weekday: 5 }, segments: [0] }],
  },
  {
    what: '`splitTurns`: in mono two segments in a row may be two voices, so nothing carries',
    lang: 'en',
    lines: [
      ['unknown', "I'll pay half by Friday"],
      ['unknown', 'and the other half by the end of the month?'],
    ],
    want: [{ due: { weekday: 5 }, segments: [0] }],
  },
  {
    what: '`dayRestated`: the client says the proposed day again without its month, and yes',
    lang: 'ru',
    lines: [
      ['rep', 'Предлагаю: триста тысяч до двенадцатого марта.'],
      ['client', 'Триста до двенадцатого — да, нормально.'],
    ],
    want: [{ amount: 300000, due: { date: '--03-12' }, segments: [0, 1] }],
  },
  {
    what: '`dayRestated`: another day of the month said back is not the proposal taken',
    lang: 'ru',
    lines: [
      ['rep', 'Предлагаю: триста тысяч до двенадцатого марта.'],
      ['client', 'Триста до двадцатого — да, нормально.'],
    ],
    want: [],
  },
  {
    what: '`countOfDays`: «четырнадцать дней» in a call counting thousands is a period, not a sum to write down',
    lang: 'ru',
    lines: [
      ['rep', 'По счёту сто двадцать тысяч.'],
      ['rep', 'Четырнадцать дней — ладно, до двадцать второго жду.'],
      ['client', 'Да, до двадцать второго.'],
    ],
    want: [],
  },
  {
    what: '`hundredsAlike`: "the other three hundred" after "I can do three hundred" is a sum too',
    lang: 'en',
    lines: [['client', 'I can do three hundred on Monday and the other three hundred on the 20th.']],
    want: [
      { amount: 300, due: { weekday: 1 }, segments: [0] },
      { amount: 300, due: { dayOfMonth: 20 }, segments: [0] },
    ],
  },
  {
    what: '`hundredsAlike`: a count of days in that clause stays a period',
    lang: 'en',
    lines: [['client', 'I can do three hundred on Monday, and the rest within 120 days.']],
    want: [
      { amount: 300, due: { weekday: 1 }, segments: [0] },
      { full: true, due: { days: 120, from: 'unspecified' }, segments: [0] },
    ],
  },
  {
    what: '`clientCounters`: the client offers another date for the sum the rep proposed, and the rep takes it',
    lang: 'ru',
    lines: [
      ['rep', 'Следующий платёж — четыреста тысяч до десятого марта.'],
      ['client', 'Десятое не вытянем. Давайте до семнадцатого марта.'],
      ['rep', 'Ладно, семнадцатое.'],
    ],
    want: [{ amount: 400000, due: { date: '--03-17' }, segments: [1, 2] }],
  },
  {
    what: '`clientCounters`: a date the client only asks about is no offer',
    lang: 'ru',
    lines: [
      ['rep', 'Следующий платёж — четыреста тысяч до десятого марта.'],
      ['client', 'А до семнадцатого марта можно?'],
      ['rep', 'Нет, десятого.'],
    ],
    want: [],
  },
  {
    what: '«в среду вроде оплатим»: a hedge («вроде») is as vague as «наверное»',
    lang: 'ru',
    lines: [['client', 'Директор сказал, в среду вроде оплатим.']],
    want: [],
  },
  {
    what: '`afterDate`: «после десятого» opens a period, so only the dated part is promised',
    lang: 'ru',
    lines: [['client', 'Двести тысяч переведём завтра, а остальное после десятого.']],
    want: [{ amount: 200000, due: { anchor: 'tomorrow' }, segments: [0] }],
  },
  {
    what: '`afterDate`: "after the 10th" in English',
    lang: 'en',
    lines: [['client', "We'll pay the rest after the 10th."]],
    want: [],
  },
];

describe('more ways of promising and of not promising', () => {
  for (const c of CASES) it(c.what, () => expect(call(c.lang, ...c.lines)).toEqual(c.want));
});

describe('opensOnDebt: a call about an overdue debt, whatever its type', () => {
  const segs = (...lines: [Segment['speaker'], string][]) => lines.map(([sp, text], i) => seg(sp, text, i));
  it('the rep names the debt in the first turns', () => {
    expect(
      opensOnDebt(
        segs(
          ['rep', 'Добрый день, это «Альянс».'],
          ['client', 'Здравствуйте.'],
          ['rep', 'У вас открыт долг двести тысяч с сентября.'],
        ),
        'ru',
      ),
    ).toBe(true);
    expect(
      opensOnDebt(segs(['rep', 'Hi Paul, so you owe thirty six thousand and asked for six months.']), 'en'),
    ).toBe(true);
  });
  it('not a negotiation of terms, nor a question about a debt', () => {
    expect(opensOnDebt(segs(['rep', 'Давайте обсудим отсрочку и лимит для нового договора.']), 'ru')).toBe(
      false,
    );
    expect(opensOnDebt(segs(['rep', 'Is there anything overdue on your side?']), 'en')).toBe(false);
    expect(
      opensOnDebt(segs(['rep', 'Отсрочка тридцать дней с даты отгрузки, при просрочке пени.']), 'ru'),
    ).toBe(false);
    expect(opensOnDebt(segs(['rep', 'If the invoice is overdue, we put the account on hold.']), 'en')).toBe(
      false,
    );
  });
});
