// Classes of errors found on an independent held-out set, each pinned with wording of our own
// (not the held-out sentences): a fix must hold for the class, not for one phrase.
import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from './analyze.ts';
import { call, flagsOf, itDodges, itPoints, itStates, replies, said, type Line } from './test-calls.ts';

describe('unpunctuated questions need lexical cues', () => {
  itStates([
    ['ru', 'а если опоздаем с платежом как-то там пени', []],
    ['ru', 'оплату к двадцатому успеете провести или нет', []],
    ['ru', 'до конца недели заплатить получится', []],
    ['ru', 'у вас неустойку за просрочку практикуют или как', []],
    ['ru', 'у вас такое принято штрафы за задержку', []],
    ['en', 'can you get the payment over by thursday', []],
    ['en', 'net sixty from invoice does that work', []],
  ] as const);
  it('a condition or a refusal before the modal is not a question', () => {
    expect(flagsOf('ru', 'если не успеете до пятнадцатого мы начислим пени')).toEqual([
      'deadline',
      'sanctions',
    ]);
    expect(flagsOf('ru', 'нет так не получится оплата строго до пятнадцатого')).toEqual(['deadline']);
    expect(flagsOf('en', 'any invoice over ninety days past due goes to our attorney')).toEqual([
      'sanctions',
    ]);
  });
});

describe("others' practice and later possibilities are not statements", () => {
  itStates([
    ['ru', 'Многие в нашей сфере берут штраф, а у нас такого нет.', []],
    ['ru', 'На рынке принято пени ставить, мы так не делаем.', []],
    ['ru', 'Нам другой поставщик неустойку начислял за просрочку.', []],
    ['ru', 'Через полгода можно будет обсудить отсрочку.', []],
    ['en', 'In the industry a lot of people charge late fees, we keep it simple.', []],
    ['en', 'Our previous supplier slapped interest on everything late.', []],
    ['en', 'Down the road we could talk about a credit line.', []],
  ] as const);
});

describe('payment terms: split payments, payment on delivery, prepayment families', () => {
  itStates([
    [
      'en',
      'For the pilot we take a third on signing and the remainder once it is installed.',
      ['payment_terms'],
    ],
    ['en', 'we usually go fifty fifty on a first job', ['payment_terms']],
    ['en', 'Payment is made on arrival of the shipment.', ['payment_terms']],
    ['en', 'We bill you and it is settled upon completion.', ['payment_terms']],
    ['en', 'New accounts start on cash in advance.', ['payment_terms']],
    ['en', 'We work on a pro forma basis until the account is approved.', ['payment_terms']],
    ['en', 'We can do staged payments, thirty forty thirty.', ['payment_terms']],
    ['en', 'Payable in three instalments.', ['payment_terms']],
    ['ru', 'Половину сразу, оставшуюся часть по факту приёмки.', ['payment_terms']],
    ['ru', 'давайте пятьдесят на пятьдесят', ['payment_terms']],
    ['ru', 'Расчёт в момент получения товара.', ['payment_terms']],
    ['ru', 'Оплата тремя траншами: второй платёж после монтажа.', ['payment_terms']],
    ['ru', 'Можем взять на реализацию, по реализации и рассчитаетесь.', ['payment_terms']],
  ] as const);
  it('a term named as what a sanction takes away is not payment terms', () => {
    expect(flagsOf('ru', 'если к пятнице денег не будет отсрочку у вас заберём и всё на предоплату')).toEqual(
      ['deadline', 'sanctions'],
    );
    expect(flagsOf('ru', 'При долге больше месяца кредитную линию мы урезаем до нуля.')).toEqual([
      'sanctions',
    ]);
    expect(flagsOf('en', 'If it runs past due we revoke your credit line.')).toEqual(['sanctions']);
  });
});

describe('deadlines: schedules and periods from a payment document', () => {
  itStates([
    ['ru', 'ну да девяносто дней от даты товарной накладной', ['deadline']],
    ['ru', 'Второй взнос — через четырнадцать дней с даты счёта-фактуры.', ['payment_terms', 'deadline']],
    ['ru', 'Тридцать дней отсчитываем с того дня, как подпишете акт.', ['deadline']],
    ['ru', 'Срок оплаты — десять банковских дней.', ['deadline']],
    ['ru', 'Остаток надо закрыть к пятнадцатому числу.', ['deadline']],
    ['ru', 'Оплата строго к 10-му.', ['deadline']],
    ['en', 'Invoices are payable within ten working days.', ['deadline']],
    ['en', 'We need the funds by close of business Thursday.', ['deadline']],
  ] as const);
  itPoints([
    [
      'signing, call-backs and visits are not payment dates',
      'ru',
      [
        ['rep', 'Оплату ждём как обычно.'],
        ['rep', 'договор подпишем к среде'],
        ['rep', 'я вам перезвоню в четверг'],
      ],
      { deadline: [] },
    ],
    [
      'signing, call-backs and visits are not payment dates',
      'en',
      [
        ['rep', 'About the payment schedule.'],
        ['rep', 'i will call you back on monday'],
      ],
      { deadline: [] },
    ],
  ]);
});

describe('sanctions: charges on overdue amounts, blocking, legal and collection families', () => {
  itStates([
    ['en', 'Anything past due picks up a two percent monthly fee.', ['sanctions']],
    ['en', 'Statutory interest applies to late invoices.', ['sanctions']],
    ['en', 'Once an invoice is overdue the account goes on stop.', ['sanctions']],
    ['en', 'Unpaid balances get referred to a collection agency.', ['sanctions']],
    ['en', 'Miss two payments and we cut off your fuel cards.', ['sanctions']],
    ['ru', 'Если счёт висит дольше двух недель, доступ в личный кабинет закрываем.', ['sanctions']],
    ['ru', 'При задолженности сверх лимита мы отключаем обслуживание.', ['sanctions']],
    ['ru', 'Пока не рассчитаетесь за прошлую партию, новую заявку не примем.', ['sanctions']],
    ['ru', 'на сумму долга начисляем проценты по ставке рефинансирования', ['sanctions']],
    ['ru', 'При просрочке взыщем проценты по ст. 395 ГК.', ['sanctions']],
    ['ru', 'Долг больше двух месяцев — расторгаем договор.', ['sanctions']],
  ] as const);
  it('the same actions without debt or lateness are not sanctions', () => {
    expect(flagsOf('ru', 'Карты заблокируем по вашей заявке, если потеряете.')).toEqual([]);
    expect(flagsOf('ru', 'Новые заказы не принимаем до января: склад на инвентаризации.')).toEqual([]);
    expect(flagsOf('en', 'We can cut off the old service when the new line is live.')).toEqual([]);
  });
});

describe('deflection: the families of dodges', () => {
  itDodges([
    ['ru', 'А сколько дней на оплату у нас будет?', 'Это мелочи, разберёмся по ходу дела.', [1]],
    ['ru', 'А сколько дней на оплату у нас будет?', 'Ой, давайте попозже, сначала образцы.', [1]],
    ['ru', 'А сколько дней на оплату у нас будет?', 'Это к бухгалтерии, они вам всё скажут.', [1]],
    ['ru', 'А сколько дней на оплату у нас будет?', 'Всё будет хорошо, мы же не первый год работаем.', [1]],
    ['en', 'How long do we get to pay?', "That's a conversation for another day, honestly.", [1]],
    ['en', 'How long do we get to pay?', "You're overthinking it, let's get the first load out.", [1]],
    ['en', 'How long do we get to pay?', "Let's not get bogged down in that right now.", [1]],
  ] as const);
});

describe('repeats, read-backs and answers', () => {
  itPoints([
    [
      'a value said again soon after it was stated restates the item; a refused proposal does not',
      'en',
      [
        ['unknown', 'your line would be fifty k and payment is due forty five days from the invoice'],
        ['unknown', 'right so forty five days and fifty k noted'],
      ],
      { payment_terms: [0, 1], deadline: [0, 1] },
    ],
    ...replies(
      'a value said again soon after it was stated restates the item; a refused proposal does not',
      { deadline: [] },
      ['ru', 'Нам бы отсрочку девяносто дней.', 'Девяносто дней не дадим, это слишком.'],
    ),
    [
      'a value said again soon after it was stated restates the item; a refused proposal does not',
      'ru',
      [
        ['rep', 'Отсрочка сорок пять дней с даты поставки.'],
        ['rep', 'А монтаж займёт сорок пять дней с момента отгрузки оборудования.'],
      ],
      { deadline: [0] },
    ],
    ...replies(
      'a yes/no question about an item answered «да» is stated by the answer, not the question',
      { sanctions: [1] },
      ['ru', 'А отгрузки при просрочке остановите?', 'Да, пока долг не закроете.'],
    ),
    ...replies(
      'a yes/no question about an item answered «да» is stated by the answer, not the question',
      { sanctions: [] },
      ['en', 'Is there a late fee?', 'No, nothing like that.'],
    ),
    [
      'mono: «да» with talk of paying confirms the line before it',
      'ru',
      [
        ['unknown', 'при долге больше недели отключаем доступ к порталу'],
        ['unknown', 'да пока оплату не увидим'],
        ['unknown', 'да пришлите договор'],
      ],
      { sanctions: [0, 1] },
    ],
    [
      'a short question takes its topic from the talk before, so a dodge is deflection',
      'ru',
      [
        ['rep', 'Работаем с отсрочкой платежа.'],
        ['client', 'Хорошо. А на сколько?'],
        ['rep', 'Ну это мелочи, потом обсудим.'],
      ],
      { deflection: [2] },
    ],
  ]);

  it('one-letter changes count only in long words (short real words collide)', () => {
    expect(flagsOf('en', 'Counting from the first of the month, thanks.')).toEqual([]);
    expect(flagsOf('ru', 'при просрочке начисляем пенью ноль один процент в день')).toEqual(['sanctions']);
  });
});

describe('round 3 classes (from holdout-2), with wording of our own', () => {
  itStates([
    // a charge per period on past-due amounts; "one percent" is a number
    ['en', 'Heads up, we add one percent per month to any balance that goes past due.', ['sanctions']],
    // ASR «от строчки» = «отсрочки»; «по оплате у нас N дней» is a deferral
    ['ru', 'по оплате у нас от строчки двадцать один день', ['payment_terms', 'deadline']],
    ['ru', 'по расчетам у нас десять дней', ['payment_terms', 'deadline']],
    // a period from delivery counted by a document, «считаем» at the end
    ['ru', 'двадцать дней с момента получения по упд', ['deadline']],
    ['ru', 'десять дней от даты отгрузки считаем', ['deadline']],
    // digits with case suffixes; the payment is what arrives
    ['ru', 'нужно чтобы деньги пришли к 25-му числу', ['deadline']],
    ['ru', 'оплата до 7 числа', ['deadline']],
    // counterfactual existence of a sanction
    ['ru', 'если бы у нас была неустойка я бы вас предупредил', []],
    ['en', "if we had any late charges i'd have told you up front", []],
    // negation by «без» / "no" scoped over the noun after an idiom that looks like a condition
    ['ru', 'если вдруг что у нас без пени но не тяните', []],
    ['en', 'just in case you wonder, no late fees with us', []],
    // «скажите, что …» passes a statement on
    ['ru', 'Скажите директору, что для вас согласована рассрочка.', ['payment_terms']],
    // a volume discount is a price
    ['ru', 'скидка три процента при заказе от ста коробок', []],
    ['en', 'ten percent off when you order fifty cases or more', []],
    // limiters are not negation; an ordinal that counts payments is not a day
    [
      'ru',
      'вторая часть тридцать процентов не позднее чем за пять дней до отгрузки',
      ['payment_terms', 'deadline'],
    ],
    ['ru', 'при задержке третьего платежа мы откладываем отгрузку', ['sanctions']],
    ['en', 'your maintenance visits stay on hold until the invoice is paid', ['sanctions']],
  ] as const);

  itPoints([
    ...replies(
      "the client's own customers are not our terms, and sympathy is not a confirmation",
      { deadline: [] },
      [
        'ru',
        'У меня заказчики, стройки, рассчитываются через сорок пять дней.',
        'Да, понимаю вас, у всех так.',
      ],
    ),
  ]);

  it('a counterfactual condition ends at its consequence: what follows is stated', () => {
    expect(flagsOf('ru', 'если бы вы задержали оплату, мы бы начислили пени')).toEqual(['sanctions']);
  });
});

// Round 4 (from holdout-3): broad classes, each with our own sentences.
describe('round 4: broad classes', () => {
  itStates([
    // a short common word one letter off a cue word is itself ("free" ~ "freeze")
    ['en', 'you mentioned stocking our gluten-free line in both stores', []],
    ['en', 'calling about the spring collection we showed you at the fair', []],
    ['en', 'price includes a fuel surcharge of two dollars per stop', []],
    ['en', 'unpaid invoices over sixty days go to a collection agency', ['sanctions']],
    ['ru', 'из-за санкций логистика через Казахстан', []],
    ['ru', 'претензию по качеству оформим отдельно', []],
    // ASR contractions without the apostrophe; post-posed and contrastive denials
    ['en', 'we dont charge any late fees on this account type', []],
    ['en', 'theres no interest we wont add penalties', []],
    ['ru', 'неустойки за опоздание с оплатой у нас нет', []],
    ['en', 'if we billed interest on late invoices i would mention it, but we do not', []],
    // "only on prepayment" is a term unless it follows late payment
    ['ru', 'с новыми точками работаем только по полной предоплате', ['payment_terms']],
    ['ru', 'если будет просрочка, дальше только по предоплате', ['sanctions']],
    // payment plans and early-payment discounts are terms
    ['ru', 'треть до среды, остаток к пятнадцатому', ['payment_terms', 'deadline']],
    [
      'en',
      'you pay five grand by friday, another five grand by the twentieth',
      ['payment_terms', 'deadline'],
    ],
    ['ru', 'минус три процента, если оплатите в течение семи дней', ['payment_terms', 'deadline']],
    ['en', "it's 1/15 net 45 on this account", ['payment_terms', 'deadline']],
    // written abbreviations of units
    ['ru', 'оплата 45 кал. дн. с даты УПД', ['deadline']],
    ['ru', 'платёж в течение 10 р.д. после поставки', ['deadline']],
    // soft suspensions until paid
    ['ru', 'если оплата затянется, придержим следующие машины, пока не рассчитаетесь', ['sanctions']],
    ['ru', 'пока долг висит, отгрузки будут стоять', ['sanctions']],
    // not a payment date: a promotion's end, a change taking effect
    ['ru', 'акция на фитинги: минус семь процентов до конца недели', []],
    ['en', 'we are lifting your limit to eighty thousand effective Tuesday', ['payment_terms']],
  ] as const);

  it('mono: an unpunctuated «а если … какие то» asks', () => {
    expect(flagsOf('ru', 'а если на неделю опоздаем неустойка какая то будет', 'unknown')).toEqual([]);
  });

  it("mono: the buyer's own customers paying them are not our terms", () => {
    expect(flagsOf('en', 'our hotel clients pay us in ninety days so prepaying hurts', 'unknown')).toEqual(
      [],
    );
  });

  it('an overdue invoice mentioned is not a term', () => {
    expect(flagsOf('en', 'im ringing about invoice two two nine it shows past due')).toEqual([]);
  });

  itPoints([
    ...replies(
      'ASR dodges: "lets not go there", "do what you can", «тогда и поговорим»',
      { deflection: [1] },
      ['en', 'what happens if im late on this one', 'lets not go there just do what you can'],
      ['ru', 'А если мы задержим оплату, что будет?', 'Когда задержите — тогда и поговорим.'],
    ),
  ]);
});

describe('round 5: reassurance and postponement as dodges', () => {
  itDodges([
    [
      'en',
      'So what are your terms, net thirty or sixty?',
      'Honestly I would not stress about it, we always work something out.',
      [1],
    ],
    [
      'en',
      'And if we pay a couple of weeks late, is there a charge?',
      'Oh that is fine, we are really flexible with folks like you.',
      [1],
    ],
    [
      'en',
      'The big question for me is how payment works on a job this size.',
      'Trust me, we will find something that works for you.',
      [1],
    ],
    ['ru', 'А по деньгам как — отсрочка будет?', 'Да это вообще не проблема, мы всегда идём навстречу.', [1]],
    [
      'ru',
      'А если мы на неделю задержим оплату, что будет?',
      'Ой, даже не думайте об этом, такого не бывает.',
      [1],
    ],
    ['ru', 'Скажите, сколько дней отсрочки?', 'Давайте по деньгам я вам чуть попозже отдельно скажу.', [1]],
  ] as const);

  describe('a reassurance that then states the terms is an answer', () => {
    itDodges([
      [
        'en',
        'What are your terms?',
        'Do not worry about that, it is net forty five from the invoice date.',
        [],
      ],
      ['ru', 'А если задержим оплату?', 'Не переживайте, пени ноль одна процента в день, не больше.', []],
    ] as const);
  });

  itPoints([
    [
      'a persistence after a dodge: any follow-up question, "roughly", «хотя бы примерно»',
      'en',
      [
        ['client', 'What if a payment slips?'],
        ['rep', 'We will see when it comes up.'],
        ['client', 'Okay but roughly, a week, two?'],
        ['rep', 'Honestly we are super flexible, we will figure something out.'],
      ],
      { deflection: [1, 3] },
    ],
    ...replies(
      '"yeah no totally" is not a refusal; "first" in a schedule is not a dodge',
      { deflection: [1] },
      [
        'en',
        'what about payment we cant do it in one go',
        'yeah no totally were flexible there well figure it out',
      ],
    ),
    ...replies(
      '"yeah no totally" is not a refusal; "first" in a schedule is not a dodge',
      { deflection: [] },
      [
        'en',
        'and when is each one due',
        'first one forty five days after delivery then the second at ninety',
      ],
    ),
  ]);
});

describe('round 5: recaps, schedules, periods from events, overdue status, clarifying questions', () => {
  itStates([
    [
      'ru',
      'так что подведём: плитка двести метров, отсрочка четырнадцать дней, грузим в среду',
      ['payment_terms', 'deadline'],
    ],
    [
      'en',
      'quick recap two installments at forty five and ninety days after installation late chart two percent',
      ['payment_terms', 'deadline', 'sanctions'],
    ],
    ['ru', 'Срок оплаты истёк пять дней назад, долг до сих пор висит.', []],
    ['ru', 'Напоминаю, крайний срок — среда, двенадцатое.', ['deadline']],
    ['ru', 'Отсрочка отсчитывается с даты подписания акта.', ['payment_terms', 'deadline']],
    ['ru', 'в смысле неустойка что ли', []],
    ['en', 'you mean a late fee', []],
  ] as const);

  itPoints([
    ...replies(
      'a schedule counted from an event after "when are they due" is a deadline',
      { deadline: [1] },
      [
        'en',
        'and when are they due',
        'the first sixty days after installation then the second at one twenty',
      ],
    ),
    [
      'a read-back of a period from delivery, without a deferral word, is the deadline only',
      'ru',
      [
        ['rep', 'Отсрочка у вас сорок пять дней с даты поставки.'],
        ['client', 'Понял, то есть платим в течение сорока пяти дней после того, как товар приехал.'],
        ['rep', 'Да, всё верно.'],
      ],
      { payment_terms: [0], deadline: [0, 1, 2] },
    ],
  ]);
});

describe('round 6: negation scope, penalties per day, acceleration, needs about the job', () => {
  itStates([
    ['ru', 'Штрафов нет. Но при задержке платежа берём ноль три десятых процента в сутки.', ['sanctions']],
    ['ru', 'просрочили — тогда ноль пять процента за каждый день', ['sanctions']],
    ['ru', 'при просрочке мы потребуем всю сумму досрочно', ['sanctions']],
    ['en', 'if you miss two payments, the whole remaining balance becomes due immediately', ['sanctions']],
    ['ru', 'неустойка у нас для постоянных партнёров не начисляется, можете спать спокойно', []],
    ['en', 'what we can offer this quarter is a credit limit of twenty grand', ['payment_terms']],
  ] as const);

  itPoints([
    ...replies('a need about the job, not payment, opens no deflection', { deflection: [] }, [
      'ru',
      'Монтаж закончить нужно к двадцатому, так что плитку надо на этой неделе.',
      'Привезём в четверг. По деньгам потом разберёмся, сначала замеры.',
    ]),
    ...replies('confirming the usual terms is an answer', { deflection: [] }, [
      'en',
      'and invoicing stays the way it was right',
      'yep same as before, nothing changed on our end',
    ]),
    [
      'payment talk three segments back does not make a delivery date a payment date',
      'ru',
      [
        ['rep', 'Оплата у нас до двадцатого числа.'],
        ['client', 'Понял.'],
        ['client', 'Плёнку когда ждать?'],
        ['rep', 'Плёнку в пятницу, ленту — в понедельник, одной машиной.'],
      ],
      { deadline: [0] },
    ],
  ]);
});

describe('round 8: a value right after a question tail states («а отсрочка будет в 30 дней»)', () => {
  itStates([
    ['ru', 'а рассрочка будет в сорок пять дней с даты поставки', ['payment_terms', 'deadline']],
    ['ru', 'а отсрочка будет двадцать календарных дней от отгрузки', ['payment_terms', 'deadline']],
    // still asking: the tail with nothing after it, or a word, not a value
    ['ru', 'а отсрочка будет', []],
    ['ru', 'а пени будут для нас', []],
  ] as const);
});

describe('round 9 (rules-1.8.0): «потому что» is a conjunction, not a question', () => {
  it('a rule given as a reason states its sanction', () => {
    expect(
      flagsOf(
        'ru',
        'потому что у нас такой порядок если оплата задерживается больше недели мы замораживаем лимит',
      ),
    ).toContain('sanctions');
    expect(flagsOf('ru', 'оттого что при просрочке мы сразу начисляем пени')).toContain('sanctions');
  });

  it('«а по оплате то что» still asks', () => {
    expect(flagsOf('ru', 'а по пени то что', 'client')).toEqual([]);
  });
});

describe('round 9 (rules-1.8.0): a negated shipping verb after late payment is a suspension', () => {
  it.each([
    ['ru', 'при задержке оплаты щебень не отгружаем совсем'],
    ['ru', 'если к среде денег не будет, поставку на следующей неделе мы не сделаем'],
    ['ru', 'если долг не закроете, отгрузки не будет'],
    ['en', "if the balance isn't cleared by monday we don't ship the next order"],
    ['en', 'if nothing comes in by the tenth the account goes to the agency'],
  ] as const)('%s: %s', (language, text) => {
    expect(flagsOf(language, text)).toContain('sanctions');
  });

  it('without any talk of late payment it is no sanction', () => {
    expect(flagsOf('ru', 'мы не отгружаем по воскресеньям')).not.toContain('sanctions');
    expect(flagsOf('en', "we don't ship on sundays")).not.toContain('sanctions');
  });
});

// Round 10 (rules-1.9.0): per rule, the flags stated and the sentences («ru:» / «en:» first); the
// rows marked «…» pin where the rule above them stops.
const PT = ['payment_terms'];
const PTD = ['payment_terms', 'deadline'];
const round10: [rule: string, flags: string[], sentences: string[]][] = [
  [
    'no prepayment asked',
    PT,
    [
      'ru: Заказ на плитку отвезём без всякого аванса.',
      'ru: аванс от вас не требуется отгрузим сразу',
      'ru: Предоплата с вас не нужна, счёт приедет вместе с машиной.',
      "en: We won't need a deposit on the flooring order.",
      'en: no prepayment required for your account',
    ],
  ],
  [
    '…but as a consequence of lateness',
    ['sanctions'],
    ['ru: если будет просрочка, без аванса больше ничего не отгрузим'],
  ],
  [
    'assentIdiom',
    PT,
    [
      'ru: работаем с вами с отсрочкой, это без проблем',
      'ru: отсрочка для вас не вопрос',
      'en: we can do deferred terms for you, no problem',
      'en: a credit line is not a problem for us',
    ],
  ],
  [
    '…a real negation still waives',
    [],
    ['ru: отсрочки у нас нет', 'en: no credit line for new accounts, sorry'],
  ],
  [
    'ownHavingStates',
    ['sanctions'],
    [
      'ru: понятно а у нас есть такой порядок при просрочке больше недели отгрузки стоп',
      'ru: а у меня есть условие если задержка оплаты то пени ноль один процент в день',
    ],
  ],
  ['…«а у вас есть …» still asks', [], ['ru: а у вас есть пени за просрочку']],
  ['…«а пени у нас есть» still asks', [], ['ru: а пени у нас есть']],
  [
    'sameAsOthers',
    PTD,
    [
      'ru: оплата через сорок пять дней с отгрузки, отсрочка как и у остальных',
      'en: you get net sixty from delivery, same as everybody else',
      'en: Net thirty, just like our other accounts.',
    ],
  ],
  [
    'asBefore',
    PT,
    [
      'ru: значит как в прошлый раз треть вперёд остальное по факту поставки',
      'ru: как договаривались работаем с отсрочкой',
    ],
  ],
  ['…«как» still asks', [], ['ru: как будем рассчитываться по отсрочке']],
  [
    'one unit of time from an event',
    ['deadline'],
    [
      'ru: оплата через неделю после приёмки товара',
      'ru: деньги в течение месяца с даты накладной',
      'en: payment comes in a week after delivery',
      'en: the balance is payable a fortnight from invoice',
    ],
  ],
  [
    '…a delivery or a document timed so',
    [],
    ['ru: отгрузим через неделю после оплаты', 'ru: через месяц после поставки пришлём акт'],
  ],
  [
    '…the others alone',
    [],
    ['ru: у всех поставщиков в регионе отсрочка шестьдесят дней', 'en: everybody else gives net sixty'],
  ],
  [
    'anchorEvent',
    ['deadline'],
    [
      'ru: Деньги за партию — через десять дней после того, как фура у вас разгрузится.',
      'ru: расплачиваетесь за кирпич через три недели после приёмки на объекте',
      'ru: рассчитаетесь с нами до двадцатого числа',
      'en: payment to us is due within twenty days of delivery to your site',
    ],
  ],
  [
    '…a delivery timed from payment',
    [],
    ['ru: отгрузим через две недели после оплаты', 'en: the truck leaves two days after we get the payment'],
  ],
  [
    '«отсрочка» + a bare number',
    PTD,
    ['ru: директор подписал отсрочку шестьдесят', 'ru: отсрочку на сорок пять вам согласовали'],
  ],
  [
    '…a number of something else',
    PT,
    ['ru: отсрочка на две партии подряд', 'ru: отсрочка на тридцать процентов суммы'],
  ],
];
const round10Cases = round10.flatMap(([rule, flags, sentences]) =>
  sentences.map((s) => [rule, s.slice(0, 2) as 'ru' | 'en', s.slice(4), flags] as const),
);

describe('round 10 (rules-1.9.0): no prepayment, assent, own rules, likened terms, anchors', () => {
  it.each(round10Cases)('%s — %s: %s', (_rule, language, text, flags) => {
    expect(flagsOf(language, text)).toEqual(flags);
  });

  it('a client saying it states nothing by itself', () => {
    expect(flagsOf('en', 'we take no deposit from you', 'client')).toEqual([]);
  });
});

describe('round 11 (rules-1.10.0): our rule for everyone, «единственное что», the client’s supplier', () => {
  itStates([
    // `sameAsOthers`, scope: «у нас для всех» is whom our rule is for, not others' practice
    ['ru', 'при просрочке отгрузки ставим на паузу, это у нас для всех так', ['sanctions']],
    ['ru', 'отсрочка двадцать один день, так у нас со всеми клиентами', ['payment_terms', 'deadline']],
    // «у всех поставщиков» with no «нас» stays someone else's
    ['ru', 'у всех поставщиков при просрочке отгрузки на паузе', []],
    // «единственное что» / «главное что» open what the speaker says, not a question
    ['ru', 'единственное что предупрежу при просрочке пени полпроцента в день', ['sanctions']],
    ['ru', 'главное что оплата строго до десятого числа', ['deadline']],
  ] as const);
  itPoints(
    said(
      'the supplier the client has now is someone else',
      { sanctions: [] },
      ['en', 'our existing vendor charges us late fees on every invoice and we hate it', 'unknown'],
      ['ru', 'нынешний поставщик нам пени за каждый день просрочки выставляет', 'unknown'],
    ),
  );
});

describe('round 12 (rules-1.11.1): a deferral named as «на N днях» / «при N днях»', () => {
  itStates([
    // the trade idiom for a deferral of N days, without the word «отсрочка»
    ['ru', 'мы с вами будем работать на сорока пяти днях', ['payment_terms', 'deadline']],
    ['ru', 'при тридцати днях цена на два процента выше', ['payment_terms', 'deadline']],
    // «на днях» with no number is vague, not a term
    ['ru', 'мы на днях всё решим', []],
  ] as const);
});

describe('round 12: "amount" is a payment word, as «сумма» is', () => {
  itStates([
    ['en', "let's book monday the twelfth for the whole amount", ['deadline']],
    ['en', 'the outstanding amount has to be in by the twentieth', ['deadline']],
    // with no payment word the date is about nothing we can tell
    ['en', "let's book monday the twelfth", []],
  ] as const);
});

describe('round 12: `demandedDate`, a date needed in a debt call is when the debt is paid', () => {
  // the debt is named first, then talk with no topic word lets the payment context lapse
  const opening: Line[] = [
    ['rep', 'звоню по долгу за май, сорок две тысячи'],
    ['client', 'ой, а бухгалтер у нас на больничном'],
    ['rep', 'хорошо, давайте договоримся'],
    ['client', 'давайте через пару недель'],
  ];
  const deadlineIn = (language: 'ru' | 'en', lines: Line[]) =>
    analyzeTranscript(call(language, lines), 'collection').flags.deadline!.moments.map((m) => m.segment);
  it.each([
    ['needed by a day', 'это слишком поздно, нам нужно до пятницы', [4]],
    ['a call-back day', 'это слишком поздно, созвонимся в пятницу', []],
    ['a day with nothing needed', 'это слишком поздно, до пятницы', []],
  ] as const)('%s', (_title, reply, want) => {
    expect(deadlineIn('ru', [...opening, ['rep', reply]])).toEqual(want);
  });
});

describe('round 12: a «не» before «включаем» waives, up to eight words after the cue', () => {
  itStates([
    ['ru', 'неустойку мы в договор не включаем', []],
    ['ru', 'штрафы за просрочку оплаты мы в ваш договор не включаем', []],
    // a «не» inside the condition still belongs to the condition
    ['ru', 'неустойку включаем в договор если оплату не внесёте в срок', ['sanctions']],
  ] as const);
});

describe('round 13: being put "on stop" is a suspension, as a stop of shipments is', () => {
  itStates([
    ['ru', 'если оплата опять задержится, ставлю вас на стоп', ['sanctions']],
    ['ru', 'у вас долг второй месяц, вы сейчас на стопе', ['sanctions']],
    ['ru', 'при просрочке поставим вас на кредит-холд', ['sanctions']],
    ['en', 'if the invoice runs late we put your account on stop', ['sanctions']],
    ['en', 'if payment is late we hold the next container at the port', ['sanctions']],
    // with no talk of lateness it is nothing of ours
    ['ru', 'поставьте таймер на стоп', []],
    ['en', 'the truck will stop at your gate first', []],
  ] as const);
});

describe('round 13, rule `missedDate`: «если до десятого не будет» is late payment with no payment word', () => {
  itPoints([
    [
      'ru: prepayment after a missed date is the sanction, not the terms',
      'ru',
      [
        ['rep', 'Оплатить нужно до десятого числа.'],
        ['rep', 'Но если до десятого не будет, со следующей партии только предоплата.'],
      ],
      { payment_terms: [], sanctions: [1] },
    ],
    [
      'en: prepayment after a missed date is the sanction, not the terms',
      'en',
      [
        ['rep', 'Payment is due by the tenth.'],
        ['rep', "And if it's not in by the tenth, the next order is prepaid."],
      ],
      { payment_terms: [], sanctions: [1] },
    ],
    [
      'prepayment with no condition stays the terms',
      'ru',
      [
        ['rep', 'Оплатить нужно до десятого числа.'],
        ['rep', 'А со следующей партии работаем по предоплате.'],
      ],
      { payment_terms: [1], sanctions: [] },
    ],
  ]);
});

describe('round 13: a penalty tied to a base rate; a limit being closed', () => {
  itStates([
    ['en', 'late invoices carry interest at two points over the base rate', ['sanctions']],
    ['en', 'overdue amounts attract a charge of three times the bank rate', ['sanctions']],
    // a rate with no penalty word is no sanction
    ['en', 'our prices move with the base rate', []],
    ['ru', 'если просрочка больше месяца, лимит закрываем', ['sanctions']],
    ['ru', 'за просрочку оплаты пени в размере одной трёхсотой ключевой ставки', ['sanctions']],
  ] as const);
});

describe('rules-1.13.1: the debt, not «долго»', () => {
  // The stemmer folds «долго», «долгий» into «долг», and «долг*» took them too: a long cooperation
  // vetoed terms with no prepayment, and a slow delivery was talk of debt. The debt in its cases counts.
  itStates([
    ['ru', 'работаем без предоплаты, мы с вами долго сотрудничаем', ['payment_terms']],
    ['ru', 'работаем без предоплаты, у нас с вами долгие отношения', ['payment_terms']],
    ['ru', 'работаем без предоплаты, пока долг не закрыт — нет', []],
  ] as const);
});

describe('rules-1.13.2: "OA N days", the exporter’s open account, is a credit period', () => {
  // "open account" was a deferral cue; its abbreviation in trade finance was not. The bare word names
  // nothing, and «OA» with no period states no deadline.
  itStates([
    ['en', 'we ship to you on OA sixty days', ['payment_terms', 'deadline']],
    ['en', 'for you we can do forty-five days OA', ['payment_terms', 'deadline']],
    ['en', 'the OA account is with our Hong Kong office', []],
  ] as const);
});
