import type { Language } from '@onterms/contracts';

/**
 * Number words → values. Why a table of our own: no maintained npm package parses Russian number
 * words (inflected cardinals and ordinals such as «двадцать пятого», decimals such as «ноль целых
 * одна десятая»), and `words-to-numbers`, the usual English one, is unmaintained since 2019 and
 * works on whole strings, not on the token stream we already have. The table below holds only the
 * lexicon (one entry per number word); composition is in `numbers.ts`.
 */
export type NumberWordType = 'unit' | 'teen' | 'ten' | 'hundred' | 'mult' | 'half' | 'den';
export interface NumberWord {
  value: number;
  type: NumberWordType;
  ordinal: boolean;
  /** Russian ordinals in the genitive/neuter («пятого», «двадцать первое») name a day of the month. */
  dayForm?: boolean;
}

const RU_ORD = '(ый|ий|ой|ого|ому|ое|ая|ую|ым|ом|ые|ых|ыми|ье|ья|ьего|ьему|ью|ьей|ьим|ьи|ьих)';
// [cardinal-form regex source, ordinal stem, value, type]
const RU: [string, string, number, NumberWordType][] = [
  ['нол[ьяюе]|нул[ьяюе]', '', 0, 'unit'],
  ['один|одна|одно|одну|одной|одного|одному|одним|одном', 'перв', 1, 'unit'],
  ['два|две|двух|двум|двумя', 'втор', 2, 'unit'],
  ['три|трех|трем|тремя', 'трет', 3, 'unit'],
  ['четыре|четырех|четырем|четырьмя', 'четверт', 4, 'unit'],
  ['пять|пяти|пятью', 'пят', 5, 'unit'],
  ['шесть|шести|шестью', 'шест', 6, 'unit'],
  ['семь|семи|семью', 'седьм', 7, 'unit'],
  ['восемь|восьми|восемью|восьмью', 'восьм', 8, 'unit'],
  ['девять|девяти|девятью', 'девят', 9, 'unit'],
  ['десять|десяти|десятью', 'десят', 10, 'teen'],
  ['одиннадцать|одиннадцати', 'одиннадцат', 11, 'teen'],
  ['двенадцать|двенадцати', 'двенадцат', 12, 'teen'],
  ['тринадцать|тринадцати', 'тринадцат', 13, 'teen'],
  ['четырнадцать|четырнадцати', 'четырнадцат', 14, 'teen'],
  ['пятнадцать|пятнадцати', 'пятнадцат', 15, 'teen'],
  ['шестнадцать|шестнадцати', 'шестнадцат', 16, 'teen'],
  ['семнадцать|семнадцати', 'семнадцат', 17, 'teen'],
  ['восемнадцать|восемнадцати', 'восемнадцат', 18, 'teen'],
  ['девятнадцать|девятнадцати', 'девятнадцат', 19, 'teen'],
  ['двадцать|двадцати|двадцатью', 'двадцат', 20, 'ten'],
  ['тридцать|тридцати|тридцатью', 'тридцат', 30, 'ten'],
  ['сорок|сорока', 'сороков', 40, 'ten'],
  ['пятьдесят|пятидесяти', 'пятидесят', 50, 'ten'],
  ['шестьдесят|шестидесяти', 'шестидесят', 60, 'ten'],
  ['семьдесят|семидесяти', 'семидесят', 70, 'ten'],
  ['восемьдесят|восьмидесяти', 'восьмидесят', 80, 'ten'],
  ['девяносто|девяноста', 'девяност', 90, 'ten'],
  ['сто|ста', 'сот', 100, 'hundred'],
  ['двести|двухсот', 'двухсот', 200, 'hundred'],
  ['триста|трехсот', 'трехсот', 300, 'hundred'],
  ['четыреста|четырехсот', 'четырехсот', 400, 'hundred'],
  ['пятьсот|пятисот', 'пятисот', 500, 'hundred'],
  ['шестьсот|шестисот', 'шестисот', 600, 'hundred'],
  ['семьсот|семисот', 'семисот', 700, 'hundred'],
  ['восемьсот|восьмисот', 'восьмисот', 800, 'hundred'],
  ['девятьсот|девятисот', 'девятисот', 900, 'hundred'],
  ['тысяча|тысячи|тысячу|тысяч|тысячей|тысячам|тыс|тыщ|тыщи', '', 1000, 'mult'],
  ['миллион|миллиона|миллионов|миллионы|млн|лям|ляма', '', 1e6, 'mult'],
  ['миллиард|миллиарда|миллиардов|млрд', '', 1e9, 'mult'],
  ['полтора|полторы|полутора', '', 1.5, 'half'],
  // rules-1.8.1 (values): «пол-ляма», «пол миллиона» — «пол» is a half only before a multiplier
  // (tokenize.ts checks that), «полмиллиона» in one word; «косарь» is slang for a thousand
  ['пол', '', 0.5, 'half'],
  ['полмиллиона|поллимона', '', 5e5, 'mult'],
  ['косарь|косаря|косарей|косарю|косаре', '', 1000, 'mult'],
  // rules-1.10.1 (values): «сотка», «две сотки» — slang for a hundred thousand («соток» is land: not here)
  ['сотка|сотки|сотку|соткой', '', 1e5, 'mult'],
];
const RU_DEN: [string, number][] = [
  ['десят', 10],
  ['сот', 100],
  ['тысячн', 1000],
];

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_ORD_UNITS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
];
// every English teen ordinal is the cardinal + "th", but "twelfth"
const EN_ORD_TEENS = EN_TEENS.map((w) => (w === 'twelve' ? 'twelfth' : `${w}th`));

function buildEn(): Map<string, NumberWord> {
  const m = new Map<string, NumberWord>();
  EN_UNITS.forEach((w, v) => m.set(w, { value: v, type: 'unit', ordinal: false }));
  EN_TEENS.forEach((w, i) => m.set(w, { value: 10 + i, type: 'teen', ordinal: false }));
  EN_TENS.forEach((w, i) => w && m.set(w, { value: i * 10, type: 'ten', ordinal: false }));
  EN_ORD_UNITS.forEach((w, v) => w && m.set(w, { value: v, type: 'unit', ordinal: true }));
  EN_ORD_TEENS.forEach((w, i) => m.set(w, { value: 10 + i, type: 'teen', ordinal: true }));
  EN_TENS.forEach(
    (w, i) => w && m.set(w.replace(/y$/, 'ieth'), { value: i * 10, type: 'ten', ordinal: true }),
  );
  m.set('hundred', { value: 100, type: 'hundred', ordinal: false });
  m.set('thousand', { value: 1000, type: 'mult', ordinal: false });
  m.set('grand', { value: 1000, type: 'mult', ordinal: false });
  m.set('k', { value: 1000, type: 'mult', ordinal: false });
  m.set('million', { value: 1e6, type: 'mult', ordinal: false });
  m.set('mil', { value: 1e6, type: 'mult', ordinal: false });
  m.set('billion', { value: 1e9, type: 'mult', ordinal: false });
  // Indian English: "five lakh" = 500,000, "two crore" = 20,000,000
  m.set('lakh', { value: 1e5, type: 'mult', ordinal: false });
  m.set('lakhs', { value: 1e5, type: 'mult', ordinal: false });
  m.set('lac', { value: 1e5, type: 'mult', ordinal: false });
  m.set('crore', { value: 1e7, type: 'mult', ordinal: false });
  m.set('crores', { value: 1e7, type: 'mult', ordinal: false });
  m.set('half', { value: 0.5, type: 'half', ordinal: false });
  m.set('dozen', { value: 12, type: 'teen', ordinal: false });
  return m;
}

const EN_MAP = buildEn();
const RU_CARD = RU.map(([forms, , value, type]) => ({ re: new RegExp(`^(?:${forms})$`), value, type }));
const RU_ORD_RE = RU.filter(([, ord]) => ord).map(([, ord, value, type]) => ({
  re: new RegExp(`^${ord}${RU_ORD}$`),
  value,
  type,
}));
const RU_DEN_RE = RU_DEN.map(([s, v]) => ({ re: new RegExp(`^${s}(ая|ых|ую|ой|ые)$`), value: v }));

const ruCache = new Map<string, NumberWord | null>();

/** The number word `word` (lower case, ё→е) names, or null. */
export function numberWord(word: string, language: Language): NumberWord | null {
  if (language === 'en') return EN_MAP.get(word) ?? null;
  const hit = ruCache.get(word);
  if (hit !== undefined) return hit;
  let found: NumberWord | null = null;
  const c0 = word.charCodeAt(0);
  // Every Russian number word starts with one of these letters: skip the table for all others.
  if ('нодтчпшсвмлпк'.includes(String.fromCharCode(c0))) {
    for (const e of RU_CARD)
      if (e.re.test(word)) {
        found = { value: e.value, type: e.type, ordinal: false };
        break;
      }
    if (!found) {
      for (const e of RU_DEN_RE)
        if (e.re.test(word)) {
          found = { value: e.value, type: 'den', ordinal: true };
          break;
        }
    }
    if (!found || found.type === 'den') {
      for (const e of RU_ORD_RE)
        if (e.re.test(word)) {
          const dayForm = /(ого|ое|ье|ьего|ому|ьему)$/.test(word);
          // «десятая», «сотых» are read as denominators only right after another number (numbers.ts).
          found = {
            value: e.value,
            type: e.type,
            ordinal: true,
            dayForm,
            ...(found ? { den: true } : {}),
          } as NumberWord;
          break;
        }
    }
  }
  if (ruCache.size > 50_000) ruCache.clear();
  ruCache.set(word, found);
  return found;
}

/**
 * rules-1.8.1 (values): one decimal digit said as a word — «ноль», "zero", "oh", "o" are 0, the units
 * 1–9 are themselves («ноль ноль пять» = 0.05, "point oh five" = .05), or null.
 */
export function decimalDigit(word: string, language: Language): number | null {
  if (language === 'en' && (word === 'oh' || word === 'o')) return 0;
  const nw = numberWord(word, language);
  return nw && !nw.ordinal && nw.type === 'unit' && Number.isInteger(nw.value) ? nw.value : null;
}

/** «десятая», «сотых», "tenth": the denominator of a spoken decimal fraction, or 0. */
export function denominator(word: string, language: Language): number {
  if (language === 'en') return 0;
  for (const e of RU_DEN_RE) if (e.re.test(word)) return e.value;
  return 0;
}
