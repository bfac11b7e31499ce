import type { Language } from '@onterms/contracts';

/**
 * Grammar of the conversation, by language: what negates, what makes a clause a question or a
 * hypothetical, what confirms, what a date is about. These are ours by hand (issue 2, point 3);
 * the domain vocabulary is data in the checklists.
 */
export interface Markers {
  negators: string[];
  conditionals: string[];
  hypothetical: string[];
  interrogatives: string[];
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
  confirmStrong: string[];
  confirmWeak: string[];
  refusal: string[];
  paymentTopic: string[];
  otherTopic: string[];
  lateness: string[];
  insistence: string[];
  need: string[];
}

export const MARKERS: Record<Language, Markers> = {
  ru: {
    negators: ['не', 'нет', 'нету', 'без', 'никаких', 'никакой', 'никакие', 'никаких', 'ни', 'отменил*', 'убрал*'],
    conditionals: ['если', 'пока', 'когда', 'ежели'],
    hypothetical: ['у других|некоторых|многих|иных|всех', 'другие|некоторые|многие|иные поставщик*|компани*|дистрибьютор*|фирм*', 'у конкурент*', 'конкурент*'],
    interrogatives: ['как*', 'что', 'сколько', 'когда', 'где', 'почему', 'зачем', 'ли', 'разве', 'чем', 'чего', 'кто', 'куда'],
    openers: ['а', 'и', 'так', 'ну', 'ладно', 'хорошо', 'понятно', 'ясно', 'да', 'ага', 'угу', 'слушайте'],
    questionOpeners: ['если', 'что', 'как'],
    consequence: ['то', 'тогда'],
    questionTails: ['есть', 'будет', 'будут', 'бывает', 'бывают', 'правильно', 'верно', 'предусмотрен*', 'начислите', 'дадите'],
    requests: ['скажите*', 'подскажите*', 'расскажите*', 'уточните*', 'озвучьте*'],
    questionAnywhere: ['вас устроит|устраивает', 'можно ли', 'а можно'],
    confirmStrong: ['да', 'верно', 'всё верно', 'все верно', 'именно', 'точно', 'так и есть', 'договорились', 'согласен|согласна|согласны', 'конечно', 'правильно', 'подтверждаю', 'фиксируем', 'ага', 'угу', 'всё так', 'все так'],
    confirmWeak: ['хорошо', 'отлично', 'ладно', 'пойдет', 'принято', 'записал*', 'жду', 'ок|окей'],
    refusal: ['нет', 'не получится', 'не могу|можем', 'не даем', 'не наши', 'не пойдет'],
    paymentTopic: ['оплат*', 'плат*', 'заплат*', 'деньг*', 'денег', 'долг*', 'задолженност*', 'остаток', 'остатк*', 'остальное', 'сумм*', 'счет', 'счета', 'счету', 'счете', 'погас*', 'просроч*', 'отсрочк*', 'рассрочк*', 'расчет*', 'перечисл*', 'закро*', 'закры*', 'выручк*', 'поступлени*'],
    otherTopic: ['поставк*', 'поставим', 'постав*', 'отгруз*', 'отгруж*', 'привез*', 'привоз*', 'довез*', 'достав*', 'машин*', 'вывез*', 'монтаж*', 'смонтир*', 'монтажник*', 'склад*', 'заявк*', 'заказ*', 'подпис*', 'спецификац*', 'акт', 'образц*', 'документ*', 'выход*', 'выйд*', 'отправ*', 'вышл*', 'пришл*', 'получите*', 'получим*', 'получени*', 'переезд*', 'цен*', 'выгрузк*', 'разгрузк*', 'будут', 'возим', 'изготовлени*', 'производств*'],
    lateness: ['задерж*', 'просроч*', 'опозда*', 'не успе*', 'затян*', 'вовремя'],
    insistence: ['все таки', 'все же', 'все равно'],
    need: ['важно понимать|знать', 'надо|нужно понимать|знать', 'хочу понимать|знать', 'надо', 'нужно', 'мне важно'],
  },
  en: {
    negators: ['no', 'not', 'never', 'without', 'none', 'dropped', 'removed', 'waive*', 'neither', 'nor'],
    conditionals: ['if', 'unless', 'until', 'when', 'once', 'till'],
    hypothetical: ['other|some|many|most|lot suppliers|distributors|vendors|companies|places|wholesalers', 'elsewhere', 'competitor*'],
    interrogatives: ['what', 'how', 'when', 'which', 'who', 'where', 'why', 'do', 'does', 'did', 'are', 'is', 'can', 'could', 'would', 'will', 'should', 'shall', 'have', 'has', 'any'],
    openers: ['and', 'so', 'okay', 'ok', 'yeah', 'yes', 'well', 'nice', 'perfect', 'great', 'good', 'right', 'alright', 'also', 'then', 'now', 'hey', 'oh'],
    questionOpeners: ['what if'],
    consequence: [],
    questionTails: ['right', 'correct', 'yes', 'or what', 'or anything'],
    requests: ['tell me', 'let me know', 'walk me through'],
    questionAnywhere: ['do|does|did|could|would|should|are you', 'what about', 'how about'],
    confirmStrong: ['yes', 'yeah', 'yep', 'yup', 'correct', 'exactly', 'right', 'that is right', 'sure', 'absolutely', 'confirmed', 'agreed', 'deal', 'it is', 'that is how it works', 'precisely', 'indeed'],
    confirmWeak: ['great', 'good', 'perfect', 'okay', 'ok', 'fine', 'sounds good', 'noted', 'cool', 'works'],
    refusal: ['no', 'nope', 'cannot', 'can not', 'i can not'],
    paymentTopic: ['pay', 'paid', 'paying', 'payment*', 'due', 'invoice*', 'balance', 'money', 'fund*', 'cash', 'check', 'wire', 'remit*', 'settle*', 'terms', 'billing', 'finance', 'overdue', 'owe*', 'account*', 'credit'],
    otherTopic: ['deliver*', 'ship*', 'arriv*', 'install*', 'truck', 'site', 'sign*', 'send', 'sent', 'contract', 'proposal', 'application', 'quote', 'paperwork', 'order*', 'schedule', 'pick*', 'get here', 'leave*', 'leaves', 'warehouse', 'price*', 'pricing', 'email', 'approval', 'out'],
    lateness: ['late', 'overdue', 'past due', 'behind', 'miss*'],
    insistence: ['still', 'all the same', 'but really', 'anyway'],
    need: ['need to know', 'have to know', 'want to know', 'need to plan'],
  },
};
