import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.ts';

const nums = (text: string, lang: 'ru' | 'en') =>
  tokenize(text, lang)
    .flatMap((c) => c.tokens)
    .filter((t) => t.num !== undefined)
    .map((t) => t.num);

describe('numbers as words', () => {
  // Russian cardinals, ordinals, decimals and colloquial amounts; English numbers
  it.each([
    ['ru', 'отсрочка сорок пять дней', [45]],
    ['ru', 'до двадцать пятого числа', [25]],
    ['ru', 'пени ноль целых одна десятая процента', [0.1]],
    ['ru', 'ноль пять сотых процента', [0.05]],
    ['ru', 'лимит полтора миллиона', [1_500_000]],
    ['ru', 'лимит миллион двести', [1_200_000]],
    ['ru', 'сто шестьдесят тысяч', [160_000]],
    ['ru', '0,1% в день до 15-го', [0.1, 15]],
    ['en', 'net forty five', [45]],
    ['en', 'one and a half percent', [1.5]],
    ['en', 'a credit line of one fifty k', [150_000]],
    ['en', 'due by the twenty-first', [21]],
    ['en', 'two hundred fifty thousand', [250_000]],
  ] as const)('%s: reads «%s» as %j', (lang, text, want) => {
    expect(nums(text, lang)).toEqual(want);
  });

  it('knows a day of the month from an ordinal that counts things', () => {
    const day = (text: string, lang: 'ru' | 'en') =>
      tokenize(text, lang)
        .flatMap((c) => c.tokens)
        .find((t) => t.ordinal)?.dayForm ?? false;
    expect(day('оплата до пятого', 'ru')).toBe(true);
    expect(day('лимит на первое время', 'ru')).toBe(false);
    expect(day('пятница двадцать первое', 'ru')).toBe(true);
    expect(day('payment by the thirtieth', 'en')).toBe(true);
    expect(day('the first delivery', 'en')).toBe(false);
  });

  it('splits clauses at sentence ends and contrastive conjunctions, and marks questions', () => {
    const c = tokenize('Какая отсрочка? У других штрафы, а у нас нет.', 'ru');
    expect(c.map((x) => x.questionMark)).toEqual([true, false, false]);
  });
});

describe('ASR splits and joins', () => {
  const words = (text: string, lang: 'ru' | 'en') =>
    tokenize(text, lang).flatMap((c) => c.tokens.map((t) => t.text));
  it('joins a word the recogniser split at a prefix, without gluing real phrases', () => {
    expect(words('даём от срочку на месяц', 'ru')).toContain('отсрочку');
    expect(words('плюс не устойку начислим', 'ru')).toContain('неустойку');
    expect(words('берём пред оплату', 'ru')).toContain('предоплату');
    expect(words('we ask for pre payment', 'en')).toContain('prepayment');
    expect(words('если не оплатите', 'ru')).toEqual(['если', 'не', 'оплатите']);
    expect(words('откажемся от оплаты', 'ru')).toEqual(['откажемся', 'от', 'оплаты']);
  });
  it('keeps «что-то», «как-нибудь» whole, so their «то» is not «то» of a consequence', () => {
    expect(words('а если опоздаем как-то с деньгами', 'ru')).toContain('как-то');
    expect(words('решим как-нибудь', 'ru')).toEqual(['решим', 'как-нибудь']);
  });
  it('reads «к седьмому» as a day and «ноль две процента» as 0.2 %', () => {
    const t = tokenize('к седьмому числу', 'ru')[0]!.tokens[1]!;
    expect([t.num, t.dayForm]).toEqual([7, true]);
    expect(tokenize('по второму заказу', 'ru')[0]!.tokens[1]!.dayForm).toBeFalsy();
    expect(nums('пеня ноль две процента в день', 'ru')).toEqual([0.2]);
  });
});

// rules-1.8.1 (values): amounts and rates in the other usual spoken and written forms, by language
const SAID: Record<'ru' | 'en', Record<string, number>> = {
  ru: {
    'лимит пол-ляма': 500_000,
    'дадим пол миллиона': 500_000,
    'до полмиллиона': 500_000,
    'два с половиной миллиона': 2_500_000,
    'триста косарей': 300_000,
    'лимит 2 000 000 рублей': 2_000_000,
    'долг 150 000 р': 150_000,
    'пени ноль ноль пять процентов в день': 0.05,
    'пени ноль три в день': 0.3,
    'ноль двадцать пять процента': 0.25,
    'неустойка одна двадцатая процента': 0.05,
    'ноль целых три десятых процента': 0.3,
    // rules-1.10.1 (values)
    'лимит на тебя сотка': 100_000,
    'скину две сотки': 200_000,
  },
  en: {
    'two and a half million': 2_500_000,
    'half a million': 500_000,
    'a million and a half': 1_500_000,
    'one point five million': 1_500_000,
    'interest at point oh five percent per day': 0.05,
    'zero point zero five percent per day': 0.05,
    'we charge point one percent per day': 0.1,
    'one point two five percent a month': 1.25,
    // rules-1.10.1 (values): hundreds past ten and the British "and"
    'twelve hundred quid': 1200,
    'twenty-five hundred dollars': 2500,
    'eleven hundred and forty pounds': 1140,
    'two thousand and fifty': 2050,
  },
};

describe('amounts and decimal rates said the colloquial and the written way', () => {
  for (const lang of ['ru', 'en'] as const)
    for (const [text, value] of Object.entries(SAID[lang]))
      it(`${lang}: ${text} = ${value}`, () => expect(nums(text, lang)).toEqual([value]));
  it('leaves «пол» that is not a half alone, keeps separate numbers apart, and "the point is" is no decimal', () => {
    expect(nums('помыть пол в складе', 'ru')).toEqual([]);
    expect(nums('до 5 числа 100 тысяч', 'ru')).toEqual([5, 100_000]);
    expect(nums('the point is five days', 'en')).toEqual([5]);
    expect(nums('thirty days and two weeks', 'en')).toEqual([30, 2]);
    expect(nums('ten and twenty', 'en')).toEqual([10, 20]);
    expect(nums('шесть соток земли', 'ru')).toEqual([6]);
  });
  it('rules-1.10.1: «тыс.», «млн.» before a currency do not end the sentence; at its end they do', () => {
    const clauses = (text: string) => tokenize(text, 'ru').map((c) => c.tokens.map((t) => t.num ?? t.text));
    expect(clauses('Лимит 300 тыс. руб. на старт')).toEqual([
      ['лимит', 300_000, 'руб'],
      ['на', 'старт'],
    ]);
    expect(clauses('Долг 1,2 млн. ₽')).toEqual([['долг', 1_200_000, '₽']]);
    expect(clauses('Долг 300 тыс. Когда закроете')).toEqual([
      ['долг', 300_000],
      ['когда', 'закроете'],
    ]);
  });
});
