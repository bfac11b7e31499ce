import type { Language } from '@onterms/contracts';
import { EN } from './en.ts';
import { RU } from './ru.ts';

// the Russian question words (one list for `interrogatives` and `whWords`)
const RU_QUESTION_WORDS = [
  'как*',
  'что',
  'сколько',
  'когда',
  'где',
  'почему',
  'зачем',
  'чем',
  'чего',
  'кто',
  'куда',
];

/**
 * Grammar of the conversation, by language: what negates, what makes a clause a question or a
 * hypothetical, what confirms, what a date is about. These are ours by hand (issue 2, point 3);
 * the domain vocabulary is data in the checklists.
 */
export interface Markers {
  /** The negators of `ru.ts` / `en.ts` (kept there, once). */
  negators: string[];
  conditionals: string[];
  hypothetical: string[];
  interrogatives: string[];
  /** Words that ask for content, not yes or no («какая», "how long"). */
  whWords: string[];
  /** Words that open a clause without changing its mood («а», «ну», "so"). */
  openers: string[];
  /** A clause that starts like this asks («а если …», "what if …") unless `consequence` follows. */
  questionOpeners: string[];
  consequence: string[];
  /** Yes/no question endings in unpunctuated speech («а пени есть», "… right"). */
  questionTails: string[];
  requests: string[];
  /** Shapes that ask wherever they stand in raw ASR text ("… do you want to open an account"). */
  questionAnywhere: string[];
  /** Ask in raw ASR text unless a condition comes before («сможете …?» vs «если не сможете, …»). */
  questionModals: string[];
  confirmStrong: string[];
  confirmWeak: string[];
  refusal: string[];
  paymentTopic: string[];
  otherTopic: string[];
  lateness: string[];
  /** Talk of debt or late payment that makes a bare action a sanction («пока долг не закрыт»). */
  arrears: string[];
  insistence: string[];
  need: string[];
  /**
   * A condition contrary to fact («если бы у нас были пени», "if we had late fees", "were we to
   * charge"): a cue inside it, before a comma or the consequence, is not stated.
   */
  counterfactual: string[];
  /** Where a counterfactual condition ends and its consequence starts («я бы …», "I'd"). */
  counterfactualEnd: string[];
  /** Idioms shaped like a condition that condition nothing («если что», "just in case"). */
  notCondition: string[];
  /**
   * The client's own customers and what they pay the client («наши покупатели нам платят через
   * шестьдесят», "the gc pays me slow"): in the client's mouth, not our terms.
   */
  theirCustomers: string[];
  /** "… pay us", «нам платят»: with `theirCustomers`, the buyer's own customers even in mono. */
  theyPayUs: string[];
  /** Sympathy after «да»: «да, это знакомая история», "yeah, I hear you" — not a confirmation. */
  sympathy: string[];
  /**
   * Frames (issue 14): who commits to what. A rhetorical dismissal of a sanction right before its cue
   * («да какие там пени», "forget about the late fee"): the seller waives it.
   */
  dismissal: string[];
  /** A time in the past («в прошлом году», "back in 2019", "last time"): what happened, not a term. */
  pastTime: string[];
  /** The term applies to someone else («к вам не относится», "doesn't apply to you"). */
  appliesElsewhere: string[];
  /** An obligation other than payment that a penalty can be for (delivery, pallets, exclusivity). */
  otherBreach: string[];
  /** The client imposing a penalty on the seller («я вам неустойку выставлю», "we'll fine you"). */
  clientImposes: string[];
  /** Acknowledging without agreeing («понял», "understood", "got it"). */
  acknowledgement: string[];
  /** A discount offered for a way of paying: prepayment bought with a discount is terms. */
  discount: string[];
  /** Introducing oneself («меня зовут», "calling from"): «отдел взыскания» there names a department. */
  introduction: string[];
  /** The sale agreed: the order placed, the goods to ship («отгружаем», "we'll ship it Monday"). */
  shipAgreement: string[];
  /** Moving the talk elsewhere («давайте лучше по ассортименту», "anyway, the truck schedule"). */
  topicShift: string[];
  /**
   * A reference back to what was just said as a condition («после этого», «в таком случае», "after
   * that", "from then on"): after talk of late payment, what follows is its consequence.
   */
  consequenceRef: string[];
  /**
   * A period kept or held as the client's standing arrangement, right before its number («у вас
   * тридцать дней с отгрузки», «оставляем шестьдесят», «стандарт — сорок пять», "you're on thirty
   * days"): a credit period. The checklist's standing-period cues of payment_terms start with these.
   * (rules-1.8.0, helper aflags)
   */
  standingTerms: string[];
  /**
   * What is supplied («отгрузки», «доставка», «машина», «партия», "shipment", "truck", "lot"), and the
   * account it is supplied on ("account": stopped only by a stop word): rule `supplyStops`
   * (frames/supply-stops.ts) reads a stop next to it. (rules-1.13.0, helper aflags5)
   */
  supplied: string[];
  suppliedAccount: string[];
  /**
   * Asking to change what is owed or when («давайте оплату подвинем», «это вы спишете», "can you push
   * the due date", "waive it this once"): with payment in the clause or the talk just before, the
   * client raises payment as much as by asking. (rules-1.8.0, helper aflags)
   */
  changeRequest: string[];
  /**
   * The speaker's own «у нас есть» with words after it («а ещё у нас есть правило: …», «а у меня есть
   * условие»): says what we have, so the «есть» is no yes/no tail. (rules-1.9.0, helper aflags2)
   */
  ownHaving: string[];
  /**
   * A tag at the end of a clause that only asks to confirm what it says («…, правильно?», «я правильно
   * понимаю», "…, right?", "is that correct"): the clause is the speaker's read-back, said as a
   * question. (rules-1.9.0, helper aflags2)
   */
  confirmTag: string[];
  /**
   * Our terms likened to everyone's («как у всех», «как и у остальных», "same as everybody else",
   * "just like other accounts"), or our rule said to hold for everyone («это у нас для всех так»):
   * the others named are a comparison or the rule's scope, not someone else's practice — the
   * hypothetical they would make is dropped. (rules-1.9.0, helper aflags2; scope rules-1.10.0)
   */
  sameAsOthers: string[];
  /**
   * «как» opening a comparison with what holds or held («как в прошлый раз», «как обычно», «как и
   * раньше», «как договаривались»): a conjunction, not the question word. (rules-1.9.0, helper aflags2)
   */
  asBefore: string[];
}

export const MARKERS: Record<Language, Markers> = {
  ru: {
    negators: RU.negators,
    conditionals: ['если', 'пока', 'когда', 'ежели'],
    hypothetical: [
      'у других|некоторых|многих|иных|всех',
      'другие|некоторые|многие|иные поставщик*|компани*|дистрибьютор*|фирм*',
      // rules-1.10.0 (aflags3): the supplier the client has now is someone else too
      'нынешн*|текущ*|теперешн*|прежн*|старый|старого|старому|старым поставщик*|дистрибьютор*',
      'у конкурент*',
      'конкурент*',
      // what others do: «в отрасли многие ставят», «один завод пени выставлял», «на рынке принято»
      'многие|некоторые',
      'в отрасли|индустрии',
      'на рынке',
      'один|другой|другого|другим|одного|какой-то поставщик*|завод*|дистрибьютор*|компани*|фирм*|контрагент*',
      // a possibility for later is not a term given now: «можно будет говорить о лимите»
      'можно|сможем будет? говорить|поговорить|обсудить|обсуждать|рассмотреть|подумать',
      'в перспективе|будущем',
    ],
    // «ли», «разве» ask yes or no; the question words ask for a fact
    interrogatives: [...RU_QUESTION_WORDS, 'ли', 'разве'],
    whWords: [...RU_QUESTION_WORDS, 'каков*'],
    openers: ['а', 'и', 'так', 'ну', 'ладно', 'хорошо', 'понятно', 'ясно', 'да', 'ага', 'угу', 'слушайте'],
    questionOpeners: ['если', 'что', 'как'],
    consequence: ['то', 'тогда'],
    questionTails: [
      'есть',
      'будет',
      'будут',
      'бывает',
      'бывают',
      'правильно',
      'верно',
      'предусмотрен*',
      'начислите',
      'дадите',
      'какие-то|какие-нибудь|какой-то|какая-то',
      'какие|какой|какая то|нибудь',
      'или как',
      'или нет',
    ],
    requests: ['скажите*', 'подскажите*', 'расскажите*', 'уточните*', 'озвучьте*'],
    questionAnywhere: [
      'вас устроит|устраивает',
      'можно ли',
      'а можно',
      // unpunctuated yes/no questions: «… сможете сделать или нет», «у вас такое практикуется»
      'или нет|как',
      'да или нет',
      'у вас такое|так практику*|принято|бывает|делается',
      'не так ли',
      // «в смысле пени что ли», «это вы про пени»: a clarifying question
      'что ли',
      'в смысле',
    ],
    questionModals: ['сможете', 'успеете', 'получится', 'устроит', 'подойдет', 'реально'],
    confirmStrong: [
      'да',
      'верно',
      'всё верно',
      'все верно',
      'именно',
      'точно',
      'так и есть',
      'договорились',
      'согласен|согласна|согласны',
      'конечно',
      'правильно',
      'подтверждаю',
      'фиксируем',
      'ага',
      'угу',
      'всё так',
      'все так',
    ],
    confirmWeak: ['хорошо', 'отлично', 'ладно', 'пойдет', 'принято', 'записал*', 'жду', 'ок|окей'],
    refusal: ['нет', 'не получится', 'не могу|можем', 'не даем', 'не наши', 'не пойдет'],
    paymentTopic: [
      'оплат*',
      'переведем|переведу|перечисл* до',
      'оплач*',
      'плат*',
      'заплат*',
      'заплач*',
      'уплач*',
      // rules-1.9.0 (aflags2): «расплачиваетесь через шесть недель», «рассчитаетесь до пятого»
      'расплач*|расплат*|расплатит*',
      'рассчитаетесь|рассчитываетесь|рассчитаться|рассчитываться|рассчитайтесь',
      'погаш*',
      'аванс*',
      'предоплат*',
      'постоплат*',
      'оставш*',
      'транш*',
      'взнос*',
      'деньг*',
      'денег',
      'долг*',
      'задолженност*',
      'остаток',
      'остатк*',
      'остальное',
      'сумм*',
      'счет',
      'счета',
      'счету',
      'счете',
      'погас*',
      'просроч*',
      'отсрочк*',
      'рассрочк*',
      'расчет*',
      'перечисл*',
      'закро*',
      'закры*',
      'выручк*',
      'поступлени*',
      'лимит*',
    ],
    otherTopic: [
      'придут',
      'приедет',
      'приедут',
      'курьер*',
      'тару',
      'тара',
      'акци*',
      'распродаж*',
      'поставк*',
      'поставим',
      'постав*',
      'отгруз*',
      'отгруж*',
      'привез*',
      'привоз*',
      'довез*',
      'достав*',
      'машин*',
      'вывез*',
      'монтаж*',
      'смонтир*',
      'монтажник*',
      'склад*',
      'заявк*',
      'заказ*',
      'подпис*',
      'подпиш*',
      'присыл*',
      'пришлит*',
      'созвон*',
      'перезвон*',
      'позвон*',
      'набер*',
      'встрет*',
      'встреч*',
      'свяж*',
      'спецификац*',
      'акт',
      'образц*',
      'документ*',
      'выход*',
      'выйд*',
      'отправ*',
      'вышл*',
      'пришл*',
      'получите*',
      'получим*',
      'получени*',
      'переезд*',
      'цен*',
      'выгрузк*',
      'разгрузк*',
      'будут',
      'возим',
      'изготовлени*',
      'производств*',
    ],
    lateness: [
      'задерж*',
      'просроч*',
      'опозда*',
      'не успе*',
      'не уложим*|уложимся|уложатся',
      'затян*',
      'вовремя',
      'пропуст* платеж*|взнос*|оплат*',
    ],
    arrears: [
      'долг*',
      'задолженност*',
      'погаш*',
      'погас*',
      'пока не',
      'до оплат*|погаш*|закрыти*|расчет*',
      'не оплат*|оплач*|заплат*|погас*|погаш*|закро*|закры*|рассчита*|поступ*|прид*|переведете|перечисл*',
      'денег|оплаты|платежа нет|не будет',
      'задерж*',
      'просроч*',
      'затян*',
      'висит|висят|зависл*|подвис*',
      'оплат*|платеж*|деньг*|денег|средств* не|нет прид*|приход*|поступ*|будет|будут|пришл*|пришел|пришли',
    ],
    insistence: [
      'все таки',
      'все же',
      'все равно',
      'я серьезно',
      'хотя бы примерно|приблизительно',
      'не ответ',
    ],
    counterfactual: ['если|если б|бы', 'кабы', 'будь у нас|вас|меня', 'было|были|был|была бы'],
    counterfactualEnd: ['я|мы|то|тогда|вам|вы бы', 'то', 'тогда'],
    notCondition: ['если что', 'если что-то', 'если вдруг что', 'на всякий случай'],
    theirCustomers: [
      'наши|наши-то|мои|свои покупател*|клиент*|заказчик*|дебитор*|магазин*|сети|точки|генподрядчик*|подрядчик*',
      'нам|мне платят|заплатят|оплачивают|рассчитываются|перечисляют',
    ],
    theyPayUs: ['нам|мне платят|заплатят|оплачивают|рассчитываются|перечисляют', 'платят|оплачивают нам|мне'],
    sympathy: [
      'знаком* истори*|ситуаци*|картин*|тема',
      'понимаю вас|тебя',
      'сочувствую',
      'бывает',
      'у всех так',
      'знаю знаю',
    ],
    dismissal: [
      'да|ну какие|какой|какая|какое',
      'какие|какой|какая там|еще',
      'забудьте|забудь|забыли про|о|об',
      'не берите|бери в голову',
      'спишем|списали',
    ],
    pastTime: [
      'в прошлом|позапрошлом году|месяце|квартале|сезоне',
      'в прошлый|тот раз',
      'в свое время',
      'когда-то',
      'помню как',
      'в итоге судил*',
      'был у нас один',
    ],
    appliesElsewhere: [
      'к вам|тебе|вам не относится|относятся',
      'вас|тебя не касается|касаются',
      'вас|тебя это тоже? не касается',
      'для злостных|новых',
      'на вашем месте',
    ],
    otherBreach: [
      'недовоз*|недопостав*|недовложени*',
      'поддон*|паллет*|тару|тары',
      'эксклюзив*',
      'спецификаци*',
      'отказ*|откажетесь от заказ*',
      'сорвете|сорвет|сорвем|сорвут|сорвешь|сорвали',
      'задержите|задержим|задержат|задержали поставк*|отгрузк*|монтаж*|сдач*',
      'слот*',
      'премии|премию|премия',
    ],
    clientImposes: [
      'я|мы вам|тебе выставлю|выставим|начислю|начислим|предъявлю|предъявим|оштрафую|оштрафуем|выставлю',
      'мы|я с вас|тебя возьмем|возьму|взыщем|удержим',
      'удержим|вычтем|удержу|вычту из оплат*|счет*|суммы',
    ],
    acknowledgement: ['понял*', 'понятно', 'ясно', 'услышал*', 'принял*'],
    discount: ['скидк*', 'скидку|скидки дам|даем|дадим'],
    introduction: ['меня зовут', 'это компания', 'вас беспокоит|беспокоят', 'звоню из|от'],
    shipAgreement: [
      'отгрузим|отгружаем|отгружу|поставим|привезем|привезу|отправим|запускаем|оформляем|оформим',
      'берем|забираем|заказываем|оформляйте|выставляйте',
      'по рукам',
    ],
    topicShift: ['давайте|давай лучше', 'кстати о|про', 'по ассортименту', 'а вот по'],
    // («заказчик» is the customer, «заказывать» a verb: the order only as a noun)
    supplied: [
      'отгрузк*|отгрузок|поставк*|поставок|доставк*|доставок|машин*|фур*|контейнер*|заявк*|заявок',
      'партия|партию|партии|заказ|заказы|заказа|заказов|заказу|заказом|заказе|заказам|заказами|заказах',
    ],
    suppliedAccount: [],
    consequenceRef: [
      'после этого|того',
      'в таком|этом случае',
      'с этого|того момента',
      'тогда уже',
      'дальше уже',
      'а дальше',
    ],
    need: [
      'важно понимать|знать',
      'надо|нужно понимать|знать',
      'хочу понимать|знать',
      'надо',
      'нужно',
      'мне важно',
      'мне бюджет|закупку планировать',
      'главный|основной|первый вопрос',
      'вопрос по|про оплат*|деньг*|деньгам|условия*',
    ],
    // rules-1.8.0 (aflags): a period held as the account's standing arrangement
    standingTerms: [
      'у вас|тебя',
      'оставляем|оставим|сохраняем|сохраним',
      'стандарт*',
      'как сейчас|всегда|обычно|раньше',
    ],
    changeRequest: [
      'подвин*|подвигать|сдвин*|сдвигать|перенест*|перенес*|переносить|отодвин*',
      'спишет*|спишит*|списат*|списыва*|простит*|скост*',
    ],
    // rules-1.9.0 (aflags2): «а ещё у нас есть правило …» states
    ownHaving: ['у нас|меня есть'],
    asBefore: [
      'как и? в прошлый|тот|прошлые раз|раза',
      'как и? обычно|всегда|раньше|прежде|сейчас|сегодня',
      'как и? договаривались|договорились|обсуждали|согласовали',
    ],
    sameAsOthers: [
      'как и? у всех|остальных|других|многих',
      'так же|также как и? у всех|остальных',
      // rules-1.10.0 (aflags3): «это у нас для всех так» — our rule and whom it is for
      'у нас для|со всех|всеми',
      'у нас так для|со всех|всеми',
    ],
    confirmTag: [
      'правильно|верно',
      'так',
      'да',
      'не так ли',
      'правильно|верно понимаю|понял|поняла|понимаем|поняли',
      'я|мы правильно|верно понимаю|понял|поняла|понимаем|поняли',
    ],
  },
  en: {
    negators: EN.negators,
    conditionals: ['if', 'unless', 'until', 'when', 'once', 'till'],
    hypothetical: [
      'other|some|many|most|lot suppliers|distributors|vendors|companies|places|wholesalers',
      'elsewhere',
      'competitor*',
      'in the industry|market',
      'industry practice|norm',
      'another|previous|last|old supplier|distributor|vendor|wholesaler',
      // rules-1.10.0 (aflags3): the supplier the client has now is someone else too
      'current|existing|present supplier|distributor|vendor|wholesaler',
      'other people|folks|guys',
      'everyone|everybody else',
      'we could|might talk|look|revisit|discuss',
      'we can revisit|discuss',
      'down the road|line',
      'in the future',
    ],
    interrogatives: [
      'what',
      'how',
      'when',
      'which',
      'who',
      'where',
      'why',
      'do',
      'does',
      'did',
      'are',
      'is',
      'can',
      'could',
      'would',
      'will',
      'should',
      'shall',
      'have',
      'has',
      'any',
    ],
    whWords: ['what', 'how', 'when', 'which', 'who', 'where', 'why'],
    openers: [
      'and',
      'so',
      'okay',
      'ok',
      'yeah',
      'yes',
      'well',
      'nice',
      'perfect',
      'great',
      'good',
      'right',
      'alright',
      'also',
      'then',
      'now',
      'hey',
      'oh',
    ],
    questionOpeners: ['what if'],
    consequence: [],
    questionTails: [
      'right',
      'correct',
      'yes',
      'or what',
      'or anything',
      'or something',
      'or not',
      'or',
      'anything like that',
    ],
    requests: ['tell me', 'let me know', 'walk me through'],
    questionAnywhere: [
      'do|does|did|could|would|should|are|can|will you',
      'what about',
      'how about',
      'or not',
      'does|would|will that work',
      'is that ok|okay|possible|doable',
      'you mean',
      // "on payment what's the deal", "and the late fee what's the story": asks wherever it stands
      'what is? the deal|story|situation|score',
    ],
    questionModals: ['doable', 'possible for you'],
    confirmStrong: [
      'yes',
      'yeah',
      'yep',
      'yup',
      // the Scots and northern English yes (promises/words.ts has it among its agreements already)
      'aye',
      'correct',
      'exactly',
      'right',
      'that is right',
      'sure',
      'absolutely',
      'confirmed',
      'agreed',
      'deal',
      'it is',
      'that is? how it works',
      'precisely',
      'indeed',
    ],
    confirmWeak: ['great', 'good', 'perfect', 'okay', 'ok', 'fine', 'sounds good', 'noted', 'cool', 'works'],
    refusal: ['no', 'nope', 'cannot', 'can not', 'i can not'],
    paymentTopic: [
      'pay',
      'paid',
      'paying',
      'payment*',
      'due',
      'invoice*',
      'balance',
      // the English for «сумма»: "wednesday the eighteenth for the full amount"
      'amount',
      'money',
      'fund*',
      'cash',
      'check',
      'wire',
      'remit*',
      'settle*',
      'terms',
      'billing',
      'finance',
      'overdue',
      'owe*',
      'account*',
      'credit',
      'clear',
      'cleared',
      'remainder',
      'deposit',
      'upfront',
      'installment*',
      'instalment*',
      'limit',
    ],
    otherTopic: [
      'promo*',
      'see you',
      'deliver*',
      'ship*',
      'arriv*',
      'install*',
      'truck',
      'site',
      'sign*',
      'send',
      'sent',
      'contract',
      'proposal',
      'application',
      'quote',
      'paperwork',
      'order*',
      'schedule',
      'pick*',
      'get here',
      'leave*',
      'leaves',
      'warehouse',
      'price*',
      'pricing',
      'email',
      'approval',
      'out',
      'follow up',
      'call*',
      'check in',
      'touch base',
      'meet*',
      'visit*',
    ],
    lateness: ['late', 'overdue', 'past due', 'behind', 'miss*', 'slip*'],
    arrears: [
      'late',
      'overdue',
      'past due',
      'behind',
      'outstanding',
      'arrears',
      'until|till|unless paid|cleared|settled|caught',
      'until|till|unless it|the|your|that|this is|gets|has? been? paid|cleared|settled|in',
      // "until that balance clears", "till the account is settled"
      'until|till|unless the|that|your|this? balance|debt|account|invoice|invoices clear*|settled|paid',
      'until|till|unless the|that|your|this? balance|debt|account|invoice|invoices is|are|gets|get paid|cleared|settled',
      'days out|over|past',
      'over|past|beyond <num> days',
      'payment|money|funds|check|invoice not|does|did|has|is not|never? in|come|came|arrive*|clear*|paid',
      'not paid|cleared|settled|in',
      'do not|does not|can not pay',
      'debt',
      'unpaid',
    ],
    insistence: [
      'still',
      'all the same',
      'but really',
      'anyway',
      'though',
      'seriously',
      'ballpark',
      'roughly',
      'not an answer',
    ],
    counterfactual: [
      'if we|i|you|they|there had|were|was|did',
      'if we|i were|was to',
      'were we|i to',
      'had we|i',
    ],
    counterfactualEnd: ['we|i|you|it|that|there would', 'then'],
    notCondition: ['just in case', 'if anything', 'if need be'],
    theirCustomers: [
      'our|my customers|clients|buyers|accounts|gc|contractor|contractors|builders',
      'the gc|contractor|developer|builder|owner|customer|customers pays|pay me|us',
      'pays|pay me|us slow|late',
    ],
    theyPayUs: ['pay|pays|paying me|us'],
    sympathy: [
      'i hear you',
      'i feel you',
      'tell me about it',
      'been there',
      'i know the feeling',
      'i know how it is',
      'that is rough|tough',
      'familiar story',
      'happens to everyone|everybody|all',
    ],
    dismissal: [
      'forget about|the',
      'never mind the',
      'we have? never charged|enforced|applied|done|used|fined',
      'let us write|wipe|waive|scrap|drop|knock',
    ],
    pastTime: [
      'last year|time|month|quarter|spring|summer|fall|winter',
      'back in|then',
      'in the past',
      'used to',
      'years ago',
      'previously',
      'you were on',
      'got a|the penalty|fine',
    ],
    appliesElsewhere: [
      'does|do|would|will not apply to you|your',
      'not for you|folks like you',
      'only for new',
    ],
    otherBreach: [
      'ship window',
      'slot',
      'pallet*',
      'exclusiv*',
      'driver',
      'gate',
      'late delivery|deliveries|shipment',
      'deliver late',
      'miss the|a delivery|window|date',
      'cancel* the? order',
      'bonus',
    ],
    clientImposes: [
      'we|i will|would charge|fine|penalize|bill|dock you',
      'going to charge|fine|penalize|bill|dock you',
      'we|i charge|fine|penalize|dock you',
      'charge you back',
      'we|i will|would be? deducting|deduct|withholding|withhold',
      'chargeback*',
    ],
    acknowledgement: ['understood', 'got it', 'i hear you', 'heard', 'noted'],
    discount: ['discount', 'off the invoice|price|top', 'knock off'],
    introduction: ['calling from', 'my name is', 'this is from', 'i am calling about|from'],
    shipAgreement: [
      'we will|i will|we can ship|send|deliver|get',
      'ship it|them|that|the order',
      'place|put in the|an|your? order',
      'we will take it|them',
      'let us do it',
      'you have got a deal',
    ],
    topicShift: ['anyway', 'by the way', 'moving on', 'speaking of', 'let us talk about', 'on another note'],
    supplied: [
      'shipment|shipments|shipping|delivery|deliveries|truck|trucks|lot|lots|order|orders|container|containers|consignment|consignments',
    ],
    suppliedAccount: ['account'],
    consequenceRef: [
      'after that',
      'from then on',
      'from that point on',
      'from that point',
      'in that case',
      'at that point',
    ],
    need: [
      'need to know',
      'have to know',
      'want to know',
      'need to plan',
      'like|need|want a number|figure',
      'question for me|question is',
      'need to put something',
    ],
    // rules-1.8.0 (aflags): a period held as the account's standing arrangement
    standingTerms: [
      'you are|stay|stays|remain|remains on',
      'keep|keeping you on',
      'standard',
      'same as now|before|always|usual|today',
      'as usual|always',
    ],
    changeRequest: [
      'push|pushing|move|moving|bump back',
      'push|move|bump|extend the? due|payment|date|deadline',
      'waive|waiving|write off|forgive|let it slide',
    ],
    // rules-1.9.0 (aflags2): English questions have no «есть» tail to mistake
    ownHaving: [],
    // English "as usual", "like last time" have no question word to mistake
    asBefore: [],
    sameAsOthers: [
      'same as|like everyone|everybody|anyone|anybody else?',
      'same as|like the rest|others',
      'same as|like all|most|many other? customers|accounts|clients|suppliers|distributors|vendors',
      'same as|like our? other customers|accounts|clients|suppliers|distributors|vendors',
    ],
    confirmTag: ['right', 'correct', 'yes', 'that right|correct', 'am i right', 'have i got that right'],
  },
};
