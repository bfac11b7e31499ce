import type { Language } from '@onterms/contracts';

/**
 * The words a promise to pay is made of, per language: a commitment to pay, what makes it vague, agreement
 * to a proposal, "all of it", currencies. Matched against lower-case token texts (ё→е).
 */
export interface PromiseWords {
  /** A first-person or future "we'll pay": «оплатим», «переведу», "wire", "pay" after "will". */
  payVerb: RegExp;
  /** Verbs that mean paying only with money as their object: «отправим», "send". */
  needsMoney: RegExp;
  /** rules-1.10.1: verbs that pay only with money right after them ("do four hundred"). */
  objectOnly: RegExp;
  /** Words for money or the debt. */
  money: RegExp;
  /** "will", "going to", «обещаю»: marks the English verb as a commitment. */
  future?: RegExp;
  /** A noun that commits when it "will be" somewhere: «оплата будет в пятницу», "the payment will go out". */
  payNoun: RegExp;
  beWill: RegExp;
  negator: RegExp;
  /** What makes it no promise: «постараемся», «как только», "try", "as soon as", "if". */
  vague: RegExp;
  vaguePhrase: RegExp;
  /** rules-1.10.1: a vague word that only says where the money comes from when it follows the verb and the date. */
  source: RegExp;
  agreement: RegExp;
  proposal: RegExp;
  /**
   * A date after «от», "since": the invoice's date or when it fell due, not a deadline. rules-1.13.0
   * `afterDate`: nor after «после», "after" — «остальное после двадцатого» opens a period and closes none.
   */
  dateOf: RegExp;
  /** A part of a sum: «часть», «половину», "half". */
  part: RegExp;
  /** The rep asking when or how much. */
  when: RegExp;
  /** Talk about the past («срок прошёл», "was due"): a sum and a date there are the debt, not a promise. */
  past: RegExp;
  full: RegExp;
  /** rules-1.10.1: "the lot" — all of it only after "the" ("a lot" is not). */
  fullAfterThe?: RegExp;
  currency: [RegExp, string][];
  today: RegExp;
  tomorrow: RegExp;
  end: RegExp;
  week: RegExp;
  month: RegExp;
  quarter: RegExp;
  thisWord: RegExp;
  inDays: RegExp;
  dayUnit: RegExp;
  /** rules-1.10.1: a word between the count and the day unit («трёх банковских дней», "ten working days"). */
  dayKind: RegExp;
  /** rules-1.10.1: a fortnight, 14 days. */
  fortnight: RegExp;
  /** rules-1.10.1: «за три дня до отгрузки» counts back from an event, not forward. */
  before: RegExp;
  /** rules-1.8.1: a word of a debt there is («задолженность», «просроченный», "overdue", "past due"). */
  debt: RegExp;
  /**
   * rules-1.12.0 `slangThousands`: a sum in street words, in thousands when the call counts in thousands
   * («полтинник» 50, «двадцатку» 20; «сметана двадцатка», «по десятке» stay words outside a promise's sum).
   */
  slangThousands: [RegExp, number][];
  /**
   * rules-1.12.0 `thirdPartyPays`: the client's own customer paying the client («заказчик заплатит в конце
   * месяца», "the district pays us Friday") is where the money comes from, not a promise to us.
   */
  thirdParty: RegExp;
  /** Any form of a paying verb, whoever pays («заплатит», «переведут», "pays", "will"). */
  anyPay: RegExp;
  /** rules-1.12.0 `presentPay`: English "we pay … tomorrow" commits unless it is a habit ("we always pay"). */
  habit?: RegExp;
}

export const PROMISE_WORDS: Record<Language, PromiseWords> = {
  ru: {
    payVerb:
      /^(оплатим|оплачу|оплатят|оплатит|заплатим|заплачу|заплатят|проплатим|проплачу|переведем|переведу|переведут|перечислим|перечислю|перечислят|закроем|закрою|погасим|погашу|внесем|внесу|отправим|отправлю|скинем|скину|рассчитаемся|рассчитаюсь|отдадим|отдам|вернем|верну|оплатить|заплатить|перевести|перечислить|закрыть|погасить|закинем|закину|закинуть|отправляем|переводим|платим|оплачиваем|перечисляем|закрываем|гасим|погашаем|закидываем|скидываем|кину|кинем|закроемся|закроюсь)$/,
    needsMoney:
      /^(отправим|отправлю|скинем|скину|отдадим|отдам|вернем|верну|закроем|закрою|закрыть|закинем|закину|закинуть|отправляем|переводим|закрываем|закидываем|скидываем|кину|кинем|закроемся|закроюсь)$/,
    objectOnly: /^$/,
    money:
      /^(деньги|денег|оплату|оплата|платеж|сумму|сумма|долг|задолженность|счет|счета|половину|часть|₽|рублей|руб|тысяч|миллион)$/,
    future: /^(обещаю|обещаем|гарантирую|гарантируем|точно|будем|буду|сможем|смогу|успеем|планируем|готовы)$/,
    // rules-1.12.0: «платёжное поручение уйдёт в четверг» — the payment order is the payment
    payNoun: /^(оплата|платеж|деньги|средства|перевод|оплату|платежка|платежку|поручение|платежное)$/,
    beWill: /^(будет|будут|уйдет|уйдут|поступит|поступят|придет|придут|пройдет|получите|увидите)$/,
    negator: /^(не|нет|ни)$/,
    vague:
      /^(постараемся|постараюсь|попробуем|попробую|наверное|может|возможно|надеюсь|надеемся|вероятно|вроде|если|ежели|когда|посмотрим|попытаемся)$/,
    source: /^когда$/,
    vaguePhrase: /(как только|на днях|как-нибудь|как нибудь|по возможности|как получится|как сможем)/,
    agreement:
      /^(да|давайте|хорошо|договорились|ок|окей|ладно|согласен|согласна|согласны|идет|годится|принято|так и сделаем|конечно|угу|ага|верно|точно)$/,
    dateOf: /^(от|с|со|после)$/,
    when: /^(когда|сколько)$/,
    part: /^(часть|части|половину|половина|треть|половинку)$/,
    past: /^(прошел|прошла|прошло|был|была|было|были|просрочен|просрочена|просрочено|просрочка|просрочки|просрочкой|вчера|позавчера)$/,
    proposal: /^(давайте|значит|итак|тогда|договоримся|можете|сможете)$/,
    full: /^(всю|вся|весь|все|всей|всего|полностью|целиком|остаток|остальное|оставшуюся|оставшееся|остальную|остальные|остатки)$/,
    currency: [
      [/^(руб|рубл|р$|₽)/, 'RUB'],
      [/^(доллар|бакс|\$)/, 'USD'],
      [/^(евро|€)$/, 'EUR'],
      [/^(тенге|₸)$/, 'KZT'],
      [/^юан/, 'CNY'],
    ],
    today: /^сегодня$/,
    tomorrow: /^(завтра|завтрашнего)$/,
    // rules-1.12.0: «в конце месяца закроемся» — at the end, as «до конца»
    end: /^(конца|конец|концу|концом|конце)$/,
    week: /^(недели|неделе|неделю|неделя)$/,
    month: /^(месяца|месяце|месяц)$/,
    quarter: /^(квартала|квартале|квартал)$/,
    thisWord: /^(этой|эту|этого|текущей|текущего)$/,
    inDays: /^(через|в течение|в течении|течение|за)$/,
    dayUnit: /^(дня|дней|день|суток|сутки)$/,
    dayKind: /^(банковских|рабочих|календарных|банковский|рабочий|календарный|банковского|рабочего)$/,
    fortnight: /^$/,
    before: /^до$/,
    debt: /^(задолженност|долг$|долга$|долгу$|долгом$|просрочен|неоплачен|недоплат)/,
    anyPay: /^((за|о|про|у)?плат|оплач|перевед|перечисл|рассчита|погас|отдаст|отдадут|будет|будут)/,
    thirdParty:
      /^(заказчик|заказчики|генподрядчик|девелопер|застройщик|покупатель|покупатели|казначейство|бюджет)$/,
    slangThousands: [
      [/^полтинник(а|ом|у)?$/, 50],
      [/^полтос(а|ом|у)?$/, 50],
      [/^двадцатк(а|у|ой|и)$/, 20],
      [/^тридцатк(а|у|ой|и)$/, 30],
      [/^десятк(а|у|ой|и)$/, 10],
    ],
  },
  en: {
    payVerb:
      /^(pay|wire|transfer|send|settle|clear|remit|cover|paid|wired|transferred|sent|settled|cleared|do)$/,
    needsMoney: /^(send|sent|cover|clear|cleared)$/,
    // rules-1.10.1: "I can do four hundred on Friday" — «do» pays only with money as its object
    objectOnly: /^do$/,
    money:
      /^(payment|money|funds|amount|balance|half|invoice|invoices|debt|\$|dollars|rubles|it|check|cheque|wire)$/,
    future: /^(will|shall|gonna|going|promise|guarantee|definitely|can)$/,
    payNoun: /^(payment|money|funds|transfer|wire|check|cheque)$/,
    beWill: /^(be|go|arrive|reach|land|hit|have|see|get)$/,
    negator: /^(not|no|never|cannot|nothing)$/,
    vague: /^(try|trying|hopefully|maybe|perhaps|probably|might|if|once|whenever|possibly|hope|when)$/,
    source: /^when$/,
    vaguePhrase: /(as soon as|see what|do our best|do my best|at some point|sometime)/,
    agreement:
      /^(yes|yeah|yep|yup|aye|ok|okay|sure|deal|fine|agreed|alright|right|absolutely|definitely|works|correct|exactly)$/,
    dateOf: /^(since|from|dated|after)$/,
    when: /^(when|much)$/,
    part: /^(part|half|some|portion|third)$/,
    past: /^(was|were|overdue|owe|owed|ago|yesterday|last)$/,
    proposal: /^(so|let's|lets|can|could|would|will|then)$/,
    full: /^(full|entire|whole|everything|all|rest|remaining|remainder|balance)$/,
    fullAfterThe: /^lot$/,
    currency: [
      [/^(\$|dollar|usd|buck)/, 'USD'],
      [/^(ruble|rouble|rub|₽)/, 'RUB'],
      [/^(euro|eur|€)/, 'EUR'],
      // rules-1.10.1: "eight hundred quid", "₹50,000"
      [/^(pound|gbp|£|quid)/, 'GBP'],
      [/^(rupee|inr|₹)/, 'INR'],
    ],
    today: /^(today|tonight)$/,
    tomorrow: /^tomorrow$/,
    end: /^(end)$/,
    week: /^(week|week's)$/,
    month: /^(month|month's)$/,
    quarter: /^(quarter|quarter's)$/,
    thisWord: /^(this)$/,
    inDays: /^(in|within)$/,
    dayUnit: /^(days|day|business)$/,
    dayKind: /^(business|working|banking|calendar)$/,
    fortnight: /^(fortnight|fortnight's)$/,
    before: /^(before|prior)$/,
    debt: /^(overdue|outstanding|arrears|unpaid|delinquent|owe|owed|owing)$/,
    anyPay: /^(pay|pays|paid|paying|wire|wires|settle|settles|will|should|is|are)$/,
    thirdParty: /^(customer|customers|client|clients|district|developer|contractor|gc|owner|treasury)$/,
    slangThousands: [],
    habit: /^(always|usually|normally|generally|typically|every|each|often|never)$/,
  },
};
