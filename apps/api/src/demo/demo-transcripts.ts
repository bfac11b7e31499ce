import type { Language, Transcript } from '@onterms/contracts';

/**
 * The demo's transcripts, composed from phrase templates: what a rep does with the terms in a call
 * (states them, forgets, deflects, waives the penalty) decides which lines are put together, and a
 * seeded pick among equivalent phrasings gives the variety. The analysis reads them as it reads any
 * uploaded transcript; nothing here says what it should find.
 */

/** What the rep does in one credit negotiation. */
export interface NegotiationScript {
  kind: 'negotiation';
  /** Which of the three the rep voices on their own. */
  terms: boolean;
  deadline: boolean;
  sanctions: boolean;
  /** The client asks about payment and the rep avoids the answer. */
  deflects: boolean;
  /** The client asks about late fees and the rep waives them («штрафов не будет»). */
  waives: boolean;
  /** Lower-case, unpunctuated, with fillers: what a speech-to-text engine hands over. */
  sttStyle: boolean;
}

/** A call about an invoice that is due or late. */
export interface CollectionScript {
  kind: 'collection';
  invoice: string;
  /** The client commits to a day («до пятницы»), or stays vague («на днях»). */
  promise: 'friday' | 'vague';
}

export type CallScript = NegotiationScript | CollectionScript;

export interface ScriptPeople {
  repFirstName: string;
  clientName: string;
  contactName: string;
}

type Pick = <T>(options: readonly T[]) => T;
type Line = ['rep' | 'client', string];

const RU = {
  greet: [
    (p: ScriptPeople) => `Добрый день, ${p.contactName}. Это ${p.repFirstName}, компания «ТеплоДом».`,
    (p: ScriptPeople) => `${p.contactName}, здравствуйте! ${p.repFirstName} беспокоит, по вашей заявке.`,
    (p: ScriptPeople) => `Алло, ${p.contactName}? Это ${p.repFirstName}, звоню насчёт заказа.`,
  ],
  order: [
    'Здравствуйте. Нам нужен утеплитель на новый объект, объём примерно как в прошлый раз.',
    'Добрый день. Хотим взять трубы и фитинги, список я вам отправил.',
    'Да, здравствуйте. Смотрим кровельные материалы, нужна цена на двести рулонов.',
    'Привет. Готовы заказать партию сухих смесей, если по цене договоримся.',
  ],
  price: [
    'Цену подготовил, со скидкой за объём выходит хорошо.',
    'По цене сделаем как договаривались, плюс доставка за наш счёт.',
    'Всё есть на складе, цену зафиксирую на неделю.',
  ],
  termsAndDeadline: [
    (d: number) => `По оплате сразу скажу: работаем с отсрочкой платежа ${DAYS_RU[d]} с даты отгрузки.`,
    (d: number) => `Условия такие: отсрочка ${DAYS_RU[d]}, считаем с даты отгрузки.`,
    () => 'Пятьдесят процентов предоплата, остальное оплатить в течение двух недель после поставки.',
  ],
  termsOnly: ['Отгружаем с отсрочкой платежа, как обычно.', 'Работаем с отсрочкой, договор пришлю.'],
  deadlineOnly: ['Счёт нужно оплатить до конца месяца.', 'Оплатить нужно не позднее пятницы.'],
  sanctions: [
    'В случае просрочки начисляем пени ноль целых одна десятая процента в день.',
    'При задержке оплаты следующую отгрузку не делаем, пока долг не закрыт.',
    'Если оплата задержится, переведём вас на предоплату.',
  ],
  askTerms: ['А какие у вас условия оплаты?', 'А по оплате как будем, какая отсрочка?'],
  deflect: [
    'Не беспокойтесь, эти вопросы решим, давайте сначала объём согласуем.',
    'Это мы потом обсудим, главное сейчас — отгрузить вовремя.',
  ],
  askFees: ['А если мы немного задержим оплату, штрафы есть?'],
  waive: ['Штрафов не будет, не переживайте.'],
  agree: ['Хорошо, условия понятны. Присылайте счёт.', 'Договорились, ждём договор.', 'Ладно, оформляйте.'],
  close: [
    'Договор и счёт пришлю сегодня. Спасибо!',
    'Отгрузим в четверг со склада. Всего доброго.',
    'Спасибо, на связи.',
  ],
  collectionOpen: [
    (p: ScriptPeople, invoice: string) =>
      `${p.contactName}, добрый день. ${p.repFirstName}, «ТеплоДом». Звоню по счёту ${invoice}, срок оплаты прошёл.`,
  ],
  collectionExcuse: [
    'Да, знаю, у нас задержка с поступлениями от заказчика.',
    'Извините, бухгалтерия не успела провести.',
  ],
  askDate: ['Когда сможете оплатить? Назовите, пожалуйста, дату.'],
  promise: {
    friday: 'Всю сумму оплатим до пятницы, обещаю.',
    vague: 'Постараемся на днях, как деньги придут — сразу.',
  },
  collectionClose: ['Хорошо, жду оплату. При задержке следующую отгрузку не делаем.', 'Понял, жду.'],
};

const DAYS_RU: Record<number, string> = {
  14: 'четырнадцать дней',
  21: 'двадцать один день',
  30: 'тридцать дней',
};

const EN = {
  greet: [
    (p: ScriptPeople) => `Hi ${p.contactName}, it's ${p.repFirstName} from Brightline Furniture.`,
    (p: ScriptPeople) => `Good morning ${p.contactName}, ${p.repFirstName} here, following up on your quote.`,
  ],
  order: [
    'Hi. The price works for us, we would like forty chairs.',
    'Hello. We need desks for the new office.',
  ],
  price: ['Great, I can hold that price for a week.', 'Sure, delivery is included at that volume.'],
  termsAndDeadline: [
    (d: number) =>
      `We ship on net ${d === 14 ? 'fourteen' : 'thirty'}, so the invoice is due ${d === 14 ? 'fourteen' : 'thirty'} days from the invoice date.`,
  ],
  termsOnly: ['We can ship on deferred payment as usual.'],
  deadlineOnly: ['The invoice is due by the end of the month.'],
  sanctions: [
    'A late fee of one and a half percent per month applies, and further orders go on hold.',
    'If payment is late we put further shipments on hold.',
  ],
  askTerms: ['What are the payment terms?'],
  deflect: ["Don't worry about that, we'll figure it out later."],
  askFees: ['And if we pay a bit late?'],
  waive: ['No late fees, no worries.'],
  agree: ['Understood. Please send the order confirmation.', 'Sounds good, send it over.'],
  close: ['Will do, thanks!', 'Thanks, talk soon.'],
  collectionOpen: [
    (p: ScriptPeople, invoice: string) =>
      `Hi ${p.contactName}, ${p.repFirstName} from Brightline. I'm calling about invoice ${invoice}, it is past due.`,
  ],
  collectionExcuse: ['Yes, sorry, our payment run slipped.'],
  askDate: ['When can you pay? Could you give me a date?'],
  promise: {
    friday: "We'll wire the full balance by Friday.",
    vague: "We'll pay as soon as we can.",
  },
  collectionClose: ['Thanks, I will watch for it.'],
};

/** The lines of one call, in order. */
export function scriptLines(
  script: CallScript,
  language: Language,
  people: ScriptPeople,
  pick: Pick,
): Line[] {
  const t = language === 'en' ? EN : RU;
  if (script.kind === 'collection') {
    return [
      ['rep', pick(t.collectionOpen)(people, script.invoice)],
      ['client', pick(t.collectionExcuse)],
      ['rep', pick(t.askDate)],
      ['client', t.promise[script.promise]],
      ['rep', pick(t.collectionClose)],
    ];
  }
  const lines: Line[] = [
    ['rep', pick(t.greet)(people)],
    ['client', pick(t.order)],
    ['rep', pick(t.price)],
  ];
  if (script.deflects) lines.push(['client', pick(t.askTerms)], ['rep', pick(t.deflect)]);
  if (script.terms && script.deadline) lines.push(['rep', pick(t.termsAndDeadline)(pick([14, 21, 30]))]);
  else if (script.terms) lines.push(['rep', pick(t.termsOnly)]);
  else if (script.deadline) lines.push(['rep', pick(t.deadlineOnly)]);
  if (script.waives) lines.push(['client', pick(t.askFees)], ['rep', pick(t.waive)]);
  if (script.sanctions) lines.push(['rep', pick(t.sanctions)]);
  lines.push(['client', pick(t.agree)], ['rep', pick(t.close)]);
  const fillers = language === 'en' ? ['', 'uh ', 'so ', ''] : ['', 'ну ', 'э-э ', ''];
  return script.sttStyle ? lines.map(([who, text]) => [who, asSpeechToText(text, fillers, pick)]) : lines;
}

/** The lines timed as a speaker would say them (about 14 characters a second, a short pause between turns). */
export function timedTranscript(lines: Line[], language: Language): Transcript {
  let at = 0.4;
  const segments = lines.map(([speaker, text]) => {
    const start = at;
    const end = round(start + Math.max(1.5, text.length / 14));
    at = round(end + 0.6);
    return { start: round(start), end, speaker, text };
  });
  return { language, segments };
}

function asSpeechToText(text: string, fillers: string[], pick: Pick): string {
  const plain = text
    .toLowerCase()
    .replace(/[.,!?:;«»—]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `${pick(fillers)}${plain}`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
