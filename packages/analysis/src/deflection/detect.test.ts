// Deflection classes of issue 14, in wording of our own: dodges without the stock words, a client
// who raises payment by worrying aloud, and answers that are not dodges.
import { describe, expect, it } from 'vitest';
import { analyzeLines, itDodges, itPoints, type Line } from '../engine/test-calls.ts';

const dodges = (language: 'ru' | 'en', lines: Line[]) =>
  analyzeLines(language, lines).deflection.moments.map((m) => m.segment);

describe('a client worrying aloud about paying late raises the topic', () => {
  itDodges([
    [
      'ru',
      'а если мы в срок не уложимся у нас казначейство медленное',
      'ну как-нибудь решим не берите в голову',
      [1],
    ],
    ['en', 'and if our check slips a week or two', "let's not go there, I'm sure you'll be fine", [1]],
  ] as const);
});

describe('dodges without "later" or "don\'t worry"', () => {
  itDodges([
    ['ru', 'а какие у вас условия по оплате', 'я это уточню у начальства и перезвоню вам', [1]],
    ['ru', 'сколько дней отсрочки дадите', 'это уже бухгалтерия решает, не ко мне вопрос', [1]],
    [
      'en',
      'how many days do we get to pay',
      "I'd rather not commit to a number, I'll have accounting reach out",
      [1],
    ],
    ['en', "what's the deal on payment", "We'll make sure it works for both sides, trust the process.", [1]],
    // a brush-off said as a counter-question still dodges
    ['ru', 'а что будет если опоздаем с платежом', 'ну что вы в самом деле всё будет хорошо', [1]],
    // moving to another topic with no word about paying dodges
    [
      'en',
      'What happens if an invoice goes late?',
      'Anyway, the new catalogue is out next week, you will love the range.',
      [1],
    ],
  ] as const);
});

describe('answers are not dodges', () => {
  itDodges([
    // agreeing with what the client said about the consequence answers it
    [
      'en',
      'So the next order waits if this invoice is late.',
      "That's right. Honestly it has never come to that with your team.",
      [],
    ],
    // a reference to the contract after a statement of the terms is not a dodge
    ['ru', 'а сколько дней на оплату', 'двадцать один день с даты отгрузки, всё как в договоре', []],
    // the same brush-off with nobody asking is not a dodge
    ['ru', 'образцы получили, спасибо', 'потом обсудим, всё будет хорошо', []],
  ] as const);
});

describe('rules-1.8.0: a remark before the dodge is no answer to a question about being late', () => {
  it.each([
    [
      'en',
      'Net forty five from the invoice, and the limit is fifty thousand.',
      'Fine by me. My boss always wants to know: what happens if we pay late, is there a charge?',
      'Ha, people always want to know that.',
    ],
    [
      'ru',
      'Отсрочка сорок пять дней с даты счёта, лимит пятьсот тысяч.',
      'Хорошо. А вот бухгалтер спрашивает: а если мы опоздаем с оплатой, что тогда?',
      'Ой, бухгалтер всегда спрашивает.',
    ],
  ] as const)('%s', (language, terms, worry, remark) => {
    const dodge =
      language === 'en' ? "Don't worry about that, we'll figure it out." : 'Не переживайте, договоримся.';
    const lines: Line[] = [
      ['rep', terms],
      ['client', worry],
      ['rep', remark],
      ['rep', dodge],
    ];
    expect(dodges(language, lines)).toEqual([3]);
    const stated = analyzeLines(language, lines).flags['payment_terms']!.moments.map((m) => m.segment);
    expect(stated).toEqual([0]);
  });
});

describe('rules-1.8.0 asksChange: asking to move or write off what is owed raises payment', () => {
  it.each([
    [
      'ru',
      'Машина будет завтра к обеду.',
      'Раз вы с поставкой опоздали, давайте и оплату сдвинем на две недели.',
      'Ой, это не ко мне. Давайте сначала с машиной разберёмся.',
      [2],
    ],
    [
      'en',
      'The truck will be there tomorrow by noon.',
      'Since the truck was late, can we push the payment back a couple of weeks?',
      "Oh, that's not my call, let's sort the truck out first.",
      [2],
    ],
    // «спишемся» (we'll write to each other) is no write-off
    [
      'ru',
      'Счёт на оплату отправила вчера.',
      'Давайте спишемся по почте насчёт оплаты.',
      'Не переживайте, всё решим.',
      [],
    ],
    // a move of the delivery, with no payment anywhere near, raises nothing
    [
      'ru',
      'Добрый день, по вашей заявке на трубы.',
      'Давайте отгрузку перенесём на среду.',
      'Не переживайте, всё решим.',
      [],
    ],
  ] as const)('%s: %s / %s', (language, opening, ask, reply, found) => {
    const lines: Line[] = [
      ['rep', opening],
      ['client', ask],
      ['rep', reply],
    ];
    expect(dodges(language, lines)).toEqual(found);
  });
});

describe('rules-1.10.0 leftOpen: a reply that says nothing about payment leaves the question open', () => {
  itPoints([
    [
      'a sigh is no answer: the client asks again without a payment word, the rep dodges',
      'ru',
      [
        ['client', 'А если мы к весне не рассчитаемся, что тогда?'],
        ['rep', 'Ой, Светлана Игоревна…'],
        ['client', 'Нет, я серьёзно спрашиваю.'],
        ['rep', 'Да не переживайте, договоримся.'],
      ],
      { deflection: [3] },
    ],
    [
      'a sigh is no answer',
      'en',
      [
        ['client', 'And if we can not pay by spring, what then?'],
        ['rep', 'Ha, Peter, you know me.'],
        ['client', "No, I'm asking seriously."],
        ['rep', "Don't worry, we'll figure it out."],
      ],
      { deflection: [3] },
    ],
    [
      'a counter-offer talks terms: asking for time to check after it is no dodge',
      'ru',
      [
        ['client', 'Мы берём только с отсрочкой девяносто дней.'],
        ['rep', 'Девяносто много. А шестьдесят?'],
        ['client', 'Нет. Девяносто, и точка, все так работают.'],
        ['rep', 'Хорошо, я уточню у руководства и перезвоню.'],
      ],
      { deflection: [] },
    ],
  ]);
});

describe('rules-1.10.0 quotesTerm: a question quoting the term just stated asks about payment', () => {
  itPoints([
    [
      'the delivery word of «по факту поставки» is the term, not a topic',
      'ru',
      [
        ['client', 'Как рассчитываться будем?'],
        ['rep', 'Треть предоплата, остальное по факту поставки.'],
        ['client', 'По факту — это в день поставки или сколько-то дней после?'],
        ['rep', 'Да не переживайте, разберёмся, свои люди.'],
      ],
      { payment_terms: [1], deflection: [3] },
    ],
    [
      'the delivery word of "on delivery" is the term, not a topic',
      'en',
      [
        ['client', 'How do we pay for it?'],
        ['rep', 'A third up front, the balance on delivery.'],
        ['client', 'On delivery as in the same day, or a few days after the delivery?'],
        ['rep', "Don't worry about that, we'll work it out."],
      ],
      { payment_terms: [1], deflection: [3] },
    ],
    [
      'a question about the delivery itself is still about delivery',
      'en',
      [
        ['client', 'How do we pay for it?'],
        ['rep', 'A third up front, the balance on delivery.'],
        ['client', 'And when is the truck coming?'],
        ['rep', "Don't worry about that, we'll work it out."],
      ],
      { deflection: [] },
    ],
  ]);
});

describe('round 12: a client naming a deferral by «на N днях» raises payment', () => {
  itDodges([
    [
      'ru',
      'у нас все поставщики на сорока пяти днях, и вы тоже будете',
      'давайте про оплату потом отдельно поговорим, не сейчас',
      [1],
    ],
  ] as const);
});

describe('round 13: a dodge without the stock words (strong buyers, busy owners)', () => {
  itDodges([
    // the rep says they cannot name the term now
    ['ru', 'Так сколько дней отсрочки нам дадите?', 'Пока не могу назвать, честно, рано ещё.', [1]],
    [
      'en',
      'How many days will we get on the invoices?',
      "I'm not able to discuss that at this stage, sorry.",
      [1],
    ],
    // the answer is said to depend on someone else, or to come from them
    ['ru', 'А какой будет срок оплаты?', 'Это будет зависеть от того, что решит кредитный комитет.', [1]],
    [
      'en',
      "What's the payment window going to be?",
      'That will be decided by our risk team, they will indicate it.',
      [1],
    ],
    ['ru', 'Какие у вас пени за просрочку?', 'Ой, это пусть юристы между собой, я не в курсе.', [1]],
    // not now
    ['ru', 'А отсрочку сорок пять дней сделаете?', 'Давай не сейчас, у меня склад на второй линии.', [1]],
    ['en', 'Can we move to net forty-five?', 'Not right now, I have the warehouse on the other line.', [1]],
    // «I'll check and tell you», "let me come back to you"
    ['ru', 'А пени мне насчитают за прошлый месяц?', 'Я уточню у Марины и скажу.', [1]],
    ['en', 'Is thirty days from invoice okay with you?', 'Let me come back to you on that one.', [1]],
    // a bare reference to the contract
    ['ru', 'Какие у вас условия оплаты по этой поставке?', 'Всё по контракту, там всё расписано.', [1]],
    // an exhortation instead of the answer
    ['ru', 'А если я вторую часть на неделю задержу?', 'Вы главное не тяните, ладно?', [1]],
    ['en', 'And if the second half is a week late?', 'Just try not to let it slip, okay?', [1]],
  ] as const);
});

describe('round 13: these are still answers', () => {
  itDodges([
    // a refusal of the term answers
    ['ru', 'Сделаете шестьдесят дней?', 'Нет, не можем, только тридцать дней отсрочки.', []],
    // the term said after "it depends"
    ['en', 'How long do we get to pay?', 'It depends on volume, but net thirty is our standard.', []],
    // the contract named beside a change to it is no dodge
    [
      'ru',
      'Значит, пока не замените, оплату не проводим.',
      'Понимаю, но срок оплаты по контракту от этого не меняется.',
      [],
    ],
  ] as const);
});

describe('round 13, rule answersOtherItem: the due date again is no answer to "and if I am late?"', () => {
  itPoints([
    [
      'ru: the client asks what happens if late; the rep only repeats the date',
      'ru',
      [
        ['client', 'Постараюсь в пятницу всё перевести.'],
        ['rep', 'Хорошо, в пятницу жду.'],
        ['client', 'А если в пятницу не выйдет, штраф будет?'],
        ['rep', 'Давайте не будем об этом, просто оплатите до пятницы.'],
      ],
      { deflection: [3] },
    ],
    [
      'en: the client asks about the late fee; the rep only repeats the date',
      'en',
      [
        ['client', "We'll have it over to you on the twelfth."],
        ['rep', 'Great, the twelfth it is.'],
        ['client', 'And if it lands late, is there a fee?'],
        ['rep', "Let's not worry about that, just get it to us on the twelfth."],
      ],
      { deflection: [3] },
    ],
    [
      'the sanction itself answers the same question',
      'ru',
      [
        ['client', 'А если в пятницу не выйдет, штраф будет?'],
        ['rep', 'Давайте не будем о плохом, но пени ноль одна десятая процента в день.'],
      ],
      { deflection: [] },
    ],
  ]);
});

describe('rules-1.12.0 `dodgedAgain`: pressed after a dodge, the rep dodges again without stock words', () => {
  itPoints([
    [
      'a pushback «нет, ты скажи» and a second brush-off',
      'ru',
      [
        ['client', 'А если оплата задержится из-за банка, что тогда?'],
        ['rep', 'Это мы потом обсудим, сейчас главное товар отгрузить.'],
        ['client', 'Нет, ты скажи, я же не виноват, что банк тянет.'],
        ['rep', 'Ну посмотрим по ходу, свои же люди.'],
      ],
      { deflection: [1, 3] },
    ],
    [
      'the client names the sanction again and the rep puts it off',
      'en',
      [
        ['client', 'If we pay a couple of weeks late in the winter, what happens?'],
        ['rep', "Let's not go there, you've always paid fine."],
        ['client', 'Only asking because our old supplier put us on hold once.'],
        ['rep', 'We can deal with that when the time comes, just give me a ring.'],
      ],
      { deflection: [1, 3] },
    ],
  ]);
  itPoints([
    [
      'a client who accepts closes the topic: the next news is not a dodge',
      'en',
      [
        ['client', 'If we pay a couple of weeks late in the winter, what happens?'],
        ['rep', "Let's not go there, you've always paid fine."],
        ['client', 'Okay, fair enough.'],
        ['rep', 'I will send the paperwork over this afternoon.'],
      ],
      { deflection: [1] },
    ],
    [
      'a client turning to the order closes it too',
      'ru',
      [
        ['client', 'А если оплата задержится из-за банка, что тогда?'],
        ['rep', 'Это мы потом обсудим, сейчас главное товар отгрузить.'],
        ['client', 'Ну а по доставке когда машина будет?'],
        ['rep', 'Машина будет в четверг утром.'],
      ],
      { deflection: [1] },
    ],
    [
      'a figure after the pressing is an answer of sorts, not the dodge again',
      'en',
      [
        ['client', 'How long do we get to pay the invoices?'],
        ['rep', "Don't worry about that, accounts will be in touch."],
        ['client', 'No, I need to know it for my cash flow.'],
        ['rep', 'We opened twelve accounts like yours last month.'],
      ],
      { deflection: [1] },
    ],
  ]);
});

describe('rules-1.13.0 `dodgeGoesOn`: after a dodge, the rep dodges again in stock words though the client only talks on', () => {
  itPoints([
    [
      'the client muses about their budget, the rep puts it off again',
      'ru',
      [
        ['client', 'А если мы задержим оплату, что будет?'],
        ['rep', 'Да не переживайте, это потом обсудим.'],
        ['client', 'Ну у нас бюджет в этом году тяжёлый.'],
        ['rep', 'Ну договоримся, не переживайте, свои люди.'],
      ],
      { deflection: [1, 3] },
    ],
    [
      'the client says it matters to them, the rep brushes it off again',
      'en',
      [
        ['client', 'What happens if we pay late?'],
        ['rep', "Don't worry about that, we'll figure it out."],
        ['client', 'It matters to our board, that is all.'],
        ['rep', "Honestly, let's not get ahead of ourselves."],
      ],
      { deflection: [1, 3] },
    ],
  ]);
  itPoints([
    [
      'a client who accepts closes the topic: stock words after it are small talk',
      'en',
      [
        ['client', 'What happens if we pay late?'],
        ['rep', "Don't worry about that, we'll figure it out."],
        ['client', 'Okay, fair enough.'],
        ['rep', "Don't worry, we'll figure it out together."],
      ],
      { deflection: [1] },
    ],
    [
      'stock words with the item stated answer it',
      'ru',
      [
        ['client', 'А если мы задержим оплату, что будет?'],
        ['rep', 'Да не переживайте, это потом обсудим.'],
        ['client', 'Ну у нас бюджет в этом году тяжёлый.'],
        ['rep', 'Не переживайте, при просрочке начислим пени ноль один процент в день, и всё.'],
      ],
      { deflection: [1] },
    ],
  ]);
});
