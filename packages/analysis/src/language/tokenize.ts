import type { Language } from '@onterms/contracts';
import type { Token } from './tokens.ts';
import { stem } from './stem.ts';
import { decimalDigit, denominator, numberWord, type NumberWord } from './number-words.ts';
import { monthOf, weekdayOf } from './calendar.ts';
import { LANGUAGE_DATA } from './language-data.ts';

/** A clause: the unit in which questions, negation and hypotheticals are judged. */
export interface Clause {
  tokens: Token[];
  /** The clause ends with «?». */
  questionMark: boolean;
  /** The segment has sentence punctuation at all (clean text rather than raw ASR output). */
  punctuated: boolean;
}

// Fillers carry nothing and only stretch the distance between words of a pattern.
const FILLERS = new Set([
  'ну',
  'э',
  'ээ',
  'эээ',
  'эм',
  'мм',
  'м',
  'uh',
  'um',
  'uhh',
  'umm',
  'er',
  'erm',
  'hmm',
  'uhm',
  'ah',
]);
// A contrastive conjunction opens a new clause: «у других бывают штрафы, а мы …», "… but we don't".
const CONTRAST = new Set([...LANGUAGE_DATA.ru.contrast, ...LANGUAGE_DATA.en.contrast]);
const PERCENT = /^(процент|percent|pct)/;
// «второго платежа», «третьего этапа», «первого раза»: an ordinal that counts these is not a day
const RU_COUNTED =
  /^(плат|этап|транш|взнос|раз(а|у|ом)?$|парти|постав|отгруз|счет|заказ|месяц|год|квартал|недел|дн(я|е|ей)$|день$|час|пункт|вариант|уровн|класс|сорт|очеред)/;
const ONE_UNIT =
  /^(%|percent|pct|per|days?|weeks?|months?|business|calendar|working|thousand|million|grand)$/;
// "the first delivery", "the second phase": an ordinal before these counts things, not days.
const NOT_DAY_AFTER = new Set([
  'delivery',
  'deliveries',
  'order',
  'orders',
  'shipment',
  'shipments',
  'payment',
  'payments',
  'installment',
  'installments',
  'time',
  'times',
  'phase',
  'phases',
  'location',
  'locations',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'day',
  'days',
  'quarter',
  'load',
  'truck',
  'invoice',
  'invoices',
  'batch',
  'round',
  'step',
  'thing',
  'floor',
  'item',
  'items',
  'unit',
  'units',
  'one',
  'ones',
  'option',
  'place',
  'part',
  'half',
]);

// rules-1.8.1 (values): "the first couple of months", "the first few orders": a count follows
const COUNT_AFTER = new Set(['couple', 'few', 'several', 'two', 'three']);

const SPLIT_PREFIX =
  /(^|[\s,.!?;:—–])(?:(от)\s(срочк|срочек|строчк|строчек)|(не)\s(устойк)|(пред|пост)\s(оплат)|(pre)[\s-](pay|paid))/g;

// (a cheap non-global pre-check: a global regex's `test` would keep its lastIndex between calls)
const SPLIT_HINT = /срочк|срочек|строчк|строчек|устойк|(?:пред|пост)\sоплат|pre[\s-]pa/;

// rules-1.10.1 (values): the currency signs the value and promise readers know (£, ₹, ₸, ₦ were dropped)
const WORD_RE =
  /\d{1,3}(?:,\d{3}){2,}(?![\d])|\d+(?:[.,]\d+)?(?:-?[a-zа-я]{1,3}(?![a-zа-я]))?|(?:кое-)?[a-zа-я]+(?:['’][a-z]+|-(?:то|нибудь|либо)(?![а-я]))?|[%$₽€£₹₸₦]|\?|[.!;:…]|[,—–]|\s-\s/g;

// ASR writes English contractions without the apostrophe: "dont", "wont", "im", "lets". Read
// them as the contraction (a fixed table: "well", "were", "ill" as words are too ambiguous except
// "ill" before a verb is read as "i will", which sales talk almost always means).
const BARE_CONTRACTIONS = new Map<string, string[]>(
  Object.entries({
    dont: ['do', 'not'],
    doesnt: ['does', 'not'],
    didnt: ['did', 'not'],
    wont: ['will', 'not'],
    cant: ['can', 'not'],
    isnt: ['is', 'not'],
    arent: ['are', 'not'],
    wasnt: ['was', 'not'],
    werent: ['were', 'not'],
    havent: ['have', 'not'],
    hasnt: ['has', 'not'],
    shouldnt: ['should', 'not'],
    wouldnt: ['would', 'not'],
    couldnt: ['could', 'not'],
    aint: ['is', 'not'],
    im: ['i', 'am'],
    ive: ['i', 'have'],
    ill: ['i', 'will'],
    lets: ['let', 'us'],
    youre: ['you', 'are'],
    theyre: ['they', 'are'],
    weve: ['we', 'have'],
    youll: ['you', 'will'],
    theyll: ['they', 'will'],
    thats: ['that'],
    whats: ['what'],
    its: ['it'],
  }),
);

// Written abbreviations of units: «30 дн.», «5 раб. дн.», «р.д.», «мес.», "bus. days". Their dot is
// not the end of a sentence; they are spelled out before the text is split into clauses.
// rules-1.10.1 (values): «300 тыс. руб», «1,2 млн. ₽» — a money scale's dot before its currency, too.
const ABBREV_HINT = /(?:дн|раб|рабоч|кал|календ|банк|мес|р\.\s?д|тыс|млн|млрд|bus|cal|wk|wks|mos?)\./;
const ABBREVS: [RegExp, string][] = [
  [/(^|[^a-zа-я])р\.\s?д\.?(?![a-zа-я])/g, '$1рабочих дней'],
  [/(^|[^a-zа-я])(раб|рабоч)\.\s*(дн|дней)\.?(?![a-zа-я])/g, '$1рабочих дней'],
  [/(^|[^a-zа-я])(кал|календ)\.\s*(дн|дней)\.?(?![a-zа-я])/g, '$1календарных дней'],
  [/(^|[^a-zа-я])банк\.\s*(дн|дней)\.?(?![a-zа-я])/g, '$1банковских дней'],
  [/(^|[^a-zа-я])дн\.(?![a-zа-я])/g, '$1дней'],
  [/(^|[^a-zа-я])мес\.(?![a-zа-я])/g, '$1месяцев'],
  [/(^|[^a-zа-я])(тыс|млн|млрд)\.(?=\s*(?:руб|р\.|₽|долл|евро|\$|€|тенге|₸|бел))/g, '$1$2'],
  [/(^|[^a-z])bus\.\s*(days?)(?![a-z])/g, '$1business $2'],
  [/(^|[^a-z])cal\.\s*(days?)(?![a-z])/g, '$1calendar $2'],
  [/(^|[^a-z\d])(\d+)\s*wks?\.?(?![a-z])/g, '$1$2 weeks'],
  [/(^|[^a-z\d])(\d+)\s*mos?\.(?![a-z])/g, '$1$2 months'],
];

const INDEF_SPLIT =
  /(^|[^а-я])(что|чего|чем|как|как(?:ой|ая|ое|ие|их|ую|им)|кто|кого|где|когда|куда|откуда|зачем|почему|сколько|чей|чья|чье|чьи) (то|нибудь|либо)(?![а-я])/g;

/**
 * A token with every field present, in one order: all tokens share one object shape, so the
 * engine's reads of `num`, `weekday`, `sep` … stay monomorphic (a token built field by field had
 * one shape per combination of fields).
 */
function newToken(text: string, stem: string): Token {
  return {
    text,
    stem,
    num: undefined,
    ordinal: undefined,
    dayForm: undefined,
    percent: undefined,
    amount: undefined,
    weekday: undefined,
    month: undefined,
    sep: undefined,
  };
}

// (what every INDEF_SPLIT match has: « то» is in most segments — «тогда», «только» — a bare « то» is not)
const INDEF_HINT = / (?:то|нибудь|либо)(?![а-я])/;

interface Raw {
  w: string;
  sep: boolean;
  info: WordInfo;
}

/**
 * What the tokeniser needs of a word form, looked up once per distinct form (one Map lookup per
 * token instead of four: stem, number word, weekday, month). All four are pure functions of the form.
 */
interface WordInfo {
  stem: string;
  numberWord: boolean;
  weekday: number | undefined;
  month: number | undefined;
  /** What the clause splitter asks of the form (CONTRAST, FILLERS, BARE_CONTRACTIONS). */
  contrast: boolean;
  filler: boolean;
  bare: string[] | undefined;
}
const wordInfos: Record<Language, Map<string, WordInfo>> = { ru: new Map(), en: new Map() };
function wordInfo(w: string, lang: Language): WordInfo {
  const c = wordInfos[lang];
  let hit = c.get(w);
  if (hit === undefined) {
    hit = {
      stem: stem(w, lang),
      numberWord: numberWord(w, lang) !== null,
      weekday: weekdayOf(w, lang),
      month: monthOf(w, lang),
      contrast: CONTRAST.has(w),
      filler: FILLERS.has(w),
      bare: BARE_CONTRACTIONS.get(w),
    };
    if (c.size >= 100_000) c.clear();
    c.set(w, hit);
  }
  return hit;
}

function expandContraction(w: string, out: string[]): void {
  const m = /^([a-z]+)['’]([a-z]+)$/.exec(w);
  if (!m) return void out.push(w);
  const [, base, tail] = m as unknown as [string, string, string];
  if (tail === 't' && base.endsWith('n')) {
    const b = base.slice(0, -1);
    out.push(b === 'wo' ? 'will' : b === 'ca' ? 'can' : b, 'not');
  } else if (tail === 'll') out.push(base, 'will');
  else if (tail === 'd') out.push(base, 'would');
  else if (tail === 're') out.push(base, 'are');
  else if (tail === 've') out.push(base, 'have');
  else if (tail === 'm') out.push(base, 'am');
  else if (base === 'let' && tail === 's') out.push('let', 'us');
  else out.push(base); // 's: possessive or "is": the base word is what patterns need
}

/**
 * Splits a segment's text into clauses of raw lower-case words, each with its word info (looked up
 * once per word here, not again in the tokeniser).
 */
function rawClauses(text: string, lang: Language): { words: Raw[]; q: boolean }[] {
  // ASR spells abbreviations letter by letter: «у пэ дэ» is УПД, «э дэ о» is ЭДО.
  let lower = text.toLowerCase();
  if (lower.includes('ё')) lower = lower.replace(/ё/g, 'е');
  if (lower.includes('дэ'))
    lower = lower
      .replace(/(^|\s)у\s?пэ\s?дэ(?=\s|$|[,.!?])/g, '$1упд')
      .replace(/(^|\s)э\s?дэ\s?о(?=\s|$|[,.!?])/g, '$1эдо');
  // ASR also splits a word at a prefix that is a word of its own: «от срочки», «не устойка»,
  // «пред оплата», "pre payment". Joined back, or «не» would negate the penalty it is part of.
  if (SPLIT_HINT.test(lower))
    lower = lower.replace(
      SPLIT_PREFIX,
      (_m, pre: string, ...g: (string | undefined)[]) => pre + g.slice(0, 8).filter(Boolean).join(''),
    );
  // ASR drops the hyphen of «какие-то», «как-нибудь»: «какие то» would read as a consequence «то»
  if (INDEF_HINT.test(lower)) lower = lower.replace(INDEF_SPLIT, '$1$2-$3');
  if (ABBREV_HINT.test(lower)) for (const [re, to] of ABBREVS) lower = lower.replace(re, to);
  const clauses: { words: Raw[]; q: boolean }[] = [];
  let cur: Raw[] = [];
  let sep = false;
  // (no `close` closure: under tsx's keepNames a named closure costs a defineProperty per call)
  // (exec on the shared global regex: matchAll would clone the regex for every segment)
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(lower); m !== null; m = WORD_RE.exec(lower)) {
    const t = m[0];
    const c = t.charCodeAt(0);
    if (t === '?') {
      if (closeClause(clauses, cur, true)) cur = [];
      sep = false;
    } else if (t.length === 1 && (c === 46 || c === 33 || c === 59 || c === 58 || c === 8230)) {
      // . ! ; : …
      if (closeClause(clauses, cur, false)) cur = [];
      sep = false;
    } else if (c === 44 || c === 8212 || c === 8211 || (c === 32 && t.length === 3))
      sep = true; // , — – " - "
    else {
      const info = wordInfo(t, lang);
      if (info.contrast && cur.length) {
        closeClause(clauses, cur, false);
        cur = [];
        sep = false;
      }
      if (t.includes("'") || t.includes('’')) {
        const parts: string[] = [];
        expandContraction(t, parts);
        for (const p of parts) {
          const pi = wordInfo(p, lang);
          if (pi.filler) continue;
          cur.push({ w: p, sep, info: pi });
          sep = false;
        }
      } else if (!info.filler) {
        const bare = info.bare;
        // "ill" is "i will" only where a verb or adverb can follow, not "ill" as an adjective at the end
        if (bare && (t !== 'ill' || cur.length === 0 || cur[cur.length - 1]!.w !== 'is')) {
          for (const p of bare) {
            cur.push({ w: p, sep, info: wordInfo(p, lang) });
            sep = false;
          }
        } else {
          cur.push({ w: t, sep, info });
          sep = false;
        }
      }
    }
  }
  closeClause(clauses, cur, false);
  return clauses;
}

/** Ends the current clause; true when `cur` was taken (the caller starts a new array). */
function closeClause(clauses: { words: Raw[]; q: boolean }[], cur: Raw[], q: boolean): boolean {
  if (cur.length) {
    clauses.push({ words: cur, q });
    return true;
  }
  if (q && clauses.length) clauses[clauses.length - 1]!.q = true;
  return false;
}

function digitToken(w: string, lang: Language): { value: number; ordinal: boolean; mult: number } | null {
  // "$50,000", "1,250,000": thousands groups — always in English; in Russian «1,2» is a decimal,
  // so only several groups or a whole part of two digits and more («50,000»)
  const g = /^(\d{1,3})((?:,\d{3})+)$/.exec(w);
  if (g && (lang === 'en' || g[2]!.length > 4 || g[1]!.length > 1))
    return { value: Number(w.replace(/,/g, '')), ordinal: false, mult: 1 };
  const m = /^(\d+(?:[.,]\d+)?)(?:-?([a-zа-я]+))?$/.exec(w);
  if (!m) return null;
  const value = Number(m[1]!.replace(',', '.'));
  const suf = m[2] ?? '';
  if (/^(го|ое|ого|ому|му|е|й|ый|th|st|nd|rd)$/.test(suf)) return { value, ordinal: true, mult: 1 };
  if (suf === 'k' || suf === 'к') return { value, ordinal: false, mult: 1000 };
  if (suf === 'm') return { value, ordinal: false, mult: 1e6 };
  return { value, ordinal: false, mult: 1 };
}

/**
 * Reads one number starting at `i`: digits, or number words composed by place value
 * («двести сорок пять», "forty five"), scaled by тысяча/миллион/k, with spoken decimals
 * («ноль целых одна десятая», "one and a half", "one point five").
 */
function readNumber(words: Raw[], i: number, lang: Language): { end: number; tok: Partial<Token> } | null {
  const first = words[i]!.w;
  if (first === 'point') return leadingPoint(words, i, lang);
  const d = digitToken(first, lang);
  let total = 0;
  let group = 0;
  let j = i;
  let ordinal = false;
  let dayForm = false;
  let amount = false;
  let last: NumberWord['type'] | 'digit' | null = null;
  let lastMult = 0;
  if (d) {
    group = d.value;
    // rules-1.8.1 (values): «2 000 000», «150 000 рублей» — thousands groups written with spaces
    if (d.mult === 1 && !d.ordinal && /^\d{1,3}$/.test(first)) {
      let k = i + 1;
      while (k < words.length && !words[k]!.sep && /^\d{3}$/.test(words[k]!.w)) {
        group = group * 1000 + Number(words[k]!.w);
        k++;
      }
      if (k > i + 1) {
        words.splice(i + 1, k - i - 1);
        words[i] = { ...words[i]!, w: String(group) };
      }
    }
    ordinal = d.ordinal;
    dayForm = d.ordinal && !(lang === 'ru' && RU_COUNTED.test(words[i + 1]?.w ?? ''));
    // «до 5 числа», «к 10 числу»: a day of the month
    if (
      !d.ordinal &&
      d.mult === 1 &&
      lang === 'ru' &&
      /^числ/.test(words[i + 1]?.w ?? '') &&
      d.value >= 1 &&
      d.value <= 31
    )
      dayForm = true;
    if (d.mult > 1) {
      total = group * d.mult;
      group = 0;
      amount = true;
    }
    last = d.mult > 1 ? 'mult' : 'digit';
    j = i + 1;
  }
  while (!ordinal && j < words.length) {
    const w = words[j]!.w;
    // rules-1.8.1 (values): a leading «ноль» takes no more number words: «ноль двадцать пять» is 0,25
    if (lang === 'ru' && j === i + 1 && last === 'unit' && group === 0 && !d) break;
    // rules-1.8.1 (values): «два с половиной миллиона», "two and a half million": a half more
    if (j > i && group > 0 && Number.isInteger(group) && last !== 'mult') {
      const halfAfter = halfSuffix(words, j, lang);
      if (halfAfter) {
        group += 0.5;
        j = halfAfter;
        last = 'half';
        continue;
      }
    }
    // rules-1.10.1 (values): "eleven hundred and forty", "two thousand and fifty" — the British "and"
    if (lang === 'en' && w === 'and' && (last === 'hundred' || last === 'mult') && group % 100 === 0) {
      const after = numberWord(words[j + 1]?.w ?? '', lang);
      if (after && !after.ordinal && ['unit', 'teen', 'ten'].includes(after.type) && !words[j + 1]!.sep) {
        j++;
        continue;
      }
    }
    const nw = d && j === i ? null : numberWord(w, lang);
    const dt = j > i && last !== 'mult' && last !== 'digit' ? null : j > i ? digitToken(w, lang) : null;
    if (dt && last === 'mult' && dt.mult === 1 && !dt.ordinal) break;
    if (!nw) break;
    if (nw.type === 'den') break;
    if (j > i && words[j]!.sep) break;
    const v = nw.value;
    let ok = false;
    switch (nw.type) {
      case 'hundred':
        // rules-1.10.1 (values): "twelve hundred", "twenty-five hundred" — English counts hundreds past ten
        ok =
          group === 0 ||
          (lang === 'en' && group < 10 && last === 'unit') ||
          (lang === 'en' && group >= 10 && group < 100 && total === 0 && last !== 'digit' && last !== 'half');
        if (ok) group = lang === 'en' && v === 100 ? (group || 1) * 100 : group + v;
        break;
      case 'ten':
      case 'teen':
        if (group % 100 === 0 && last !== 'digit') {
          ok = true;
          group += v;
        } else if (
          lang === 'en' &&
          last === 'unit' &&
          group < 10 &&
          numberWord(words[j + 1]?.w ?? '', lang)?.type === 'mult'
        ) {
          // "one fifty k": colloquial hundreds
          ok = true;
          group = group * 100 + v;
        }
        break;
      case 'unit':
        ok =
          group % 10 === 0 &&
          last !== 'unit' &&
          last !== 'teen' &&
          last !== 'digit' &&
          !(v === 0 && group > 0);
        if (ok) group += v;
        break;
      case 'half':
        ok = group === 0 && last === null;
        // «пол», "half" are a number only before a multiplier: «пол-ляма», "half a million"
        if (ok && v === 0.5) {
          const skipA = lang === 'en' && words[j + 1]?.w === 'a' ? 1 : 0;
          const mult = numberWord(words[j + 1 + skipA]?.w ?? '', lang);
          if (mult?.type === 'mult' && !words[j + 1 + skipA]!.sep) j += skipA;
          else if (w === 'пол') ok = false;
        }
        if (ok) group = v === 0.5 ? 0.5 : v;
        break;
      case 'mult':
        // a leading «тысяча», «миллион» is one of them; a leading "k" is just a letter
        ok = last === null ? !['k', 'grand', 'mil'].includes(w) : last !== 'mult';
        if (ok) {
          total += (group || 1) * v;
          group = 0;
          amount = true;
          lastMult = v;
        }
        break;
    }
    if (!ok) break;
    last = nw.type;
    j++;
    if (nw.ordinal) {
      ordinal = true;
      // «пятого» names a day alone; «первое» only as «первое июня/числа» or after a weekday
      // («пятница, двадцать первое»), not in «на первое время».
      // «к пятому», «к десятому числу»: a dative ordinal after «к» is a day too
      const genitive =
        /(ого|ьего)$/.test(w) || (/(ому|ьему)$/.test(w) && /^ко?$/.test(words[i - 1]?.w ?? ''));
      const nx = words[j]?.w ?? '';
      const pv = words[i - 1]?.w ?? '';
      dayForm =
        lang === 'ru'
          ? Boolean(nw.dayForm) &&
            !RU_COUNTED.test(nx) &&
            (genitive ||
              /^числ/.test(nx) ||
              monthOf(nx, lang) !== undefined ||
              weekdayOf(pv, lang) !== undefined)
          : true;
    }
  }
  if (j === i) return null;
  // Russian: «миллион двести» is 1.2 million in speech, not 1 000 200.
  if (lang === 'ru' && total >= 1e6 && group > 0 && group < 1000 && group % 100 === 0) group *= 1000;
  let value = total + group;
  // Spoken decimals.
  const next = words[j]?.w;
  if (!ordinal && next !== undefined) {
    const spoken = next === 'point' ? spokenDecimals(words, j + 1, lang) : null;
    if (spoken) {
      // rules-1.8.1 (values): "point oh five", "zero point zero five", "one point two five": digit by
      // digit; "one point five million" keeps its million
      value += spoken.value;
      j = spoken.end;
      const mult = total === 0 ? numberWord(words[j]?.w ?? '', lang) : null;
      if (mult?.type === 'mult' && !words[j]!.sep) {
        value *= mult.value;
        amount = true;
        j++;
      }
    } else if ((next === 'целых' || next === 'целая' || next === 'point') && j + 1 < words.length) {
      const frac = readNumber(words, j + 1, lang);
      if (frac && frac.tok.num !== undefined) {
        const den = words[frac.end] ? denominator(words[frac.end]!.w, lang) : 0;
        if (frac.tok.num > 0 && frac.tok.num < 1) {
          // the fraction read its own denominator: «одна десятая»
          value += frac.tok.num;
          j = frac.end;
        } else if (den) {
          value += frac.tok.num / den;
          j = frac.end + 1;
        } else if (next === 'point') {
          value += frac.tok.num / 10 ** String(frac.tok.num).length;
          j = frac.end;
        }
      }
    } else if (lang === 'ru') {
      const den = denominator(next, lang);
      const zeroDecimals = value === 0 && j === i + 1 ? zeroLedDecimals(words, j, lang) : null;
      const fraction = den ? null : ordinalFraction(words, j, value, lang);
      if (den && last !== 'ten' && last !== 'hundred') {
        value = value / den;
        j += 1;
      } else if (zeroDecimals) {
        // rules-1.8.1 (values): «ноль ноль пять» = 0,05, «ноль три в день» = 0,3
        value = zeroDecimals.value;
        j = zeroDecimals.end;
      } else if (fraction) {
        // rules-1.8.1 (values): «одна двадцатая процента» = 0,05 %
        value = fraction;
        j += 1;
      } else if (value === 0 && j + 1 < words.length) {
        // «ноль пять сотых»
        const frac = readNumber(words, j, lang);
        if (frac && frac.tok.num !== undefined && frac.tok.num > 0 && frac.tok.num < 1) {
          value = frac.tok.num;
          j = frac.end;
        }
        const den2 = frac && words[frac.end] ? denominator(words[frac.end]!.w, lang) : 0;
        if (frac && value === 0 && den2 && frac.tok.num !== undefined) {
          value = frac.tok.num / den2;
          j = frac.end + 1;
        }
        // «ноль одна процента», «ноль пять процента»: a spoken «0,1 %» without «целых … десятых»
        if (
          frac &&
          value === 0 &&
          !den2 &&
          frac.tok.num !== undefined &&
          frac.tok.num >= 1 &&
          frac.tok.num < 100 &&
          PERCENT.test(words[frac.end]?.w ?? '')
        ) {
          value = frac.tok.num / 10 ** String(frac.tok.num).length;
          j = frac.end;
        }
      }
    } else if (next === 'and' && words[j + 1]?.w === 'a' && words[j + 2]?.w === 'half') {
      // "a million and a half" is half a million more; "one and a half" a half more
      value += group === 0 && lastMult ? lastMult / 2 : 0.5;
      j += 3;
    }
  }
  // (most numbers are one word: no slice, map and join for them)
  const text =
    j - i === 1
      ? words[i]!.w
      : words
          .slice(i, j)
          .map((r) => r.w)
          .join(' ');
  const tok: Partial<Token> = { text, num: value };
  if (ordinal) tok.ordinal = true;
  if (dayForm) tok.dayForm = true;
  if (amount) tok.amount = true;
  return { end: j, tok };
}

// ---- rules-1.8.1 (values): spoken decimals and halves ----

/** «с половиной», "and a half" at `j`: the index after it, or 0. */
function halfSuffix(words: Raw[], j: number, lang: Language): number {
  const w = words[j]!.w;
  if (lang === 'ru') return w === 'с' && /^половин/.test(words[j + 1]?.w ?? '') ? j + 2 : 0;
  return w === 'and' && words[j + 1]?.w === 'a' && words[j + 2]?.w === 'half' ? j + 3 : 0;
}

/**
 * Decimal places said digit by digit from `k` ("oh five", «ноль пять»), or a two-digit number after
 * "point" ("point twenty five"): the fraction and the index after it, or null. A denominator after
 * the digits («ноль пять сотых») is left to the caller.
 */
function spokenDecimals(words: Raw[], k: number, lang: Language): { value: number; end: number } | null {
  let digits = '';
  let e = k;
  for (; e < words.length && !words[e]!.sep; e++) {
    const dd = decimalDigit(words[e]!.w, lang);
    if (dd === null) break;
    digits += dd;
  }
  if (!digits) {
    const nw = numberWord(words[k]?.w ?? '', lang);
    if (!nw || nw.ordinal || (nw.type !== 'ten' && nw.type !== 'teen')) return null;
    const two = readNumber(words, k, lang);
    if (!two || two.tok.num === undefined || !Number.isInteger(two.tok.num) || two.tok.num >= 100)
      return null;
    return { value: two.tok.num / 100, end: two.end };
  }
  if (denominator(words[e]?.w ?? '', lang)) return null;
  return { value: Number('0.' + digits), end: e };
}

/** "point one percent", "at point oh five": a decimal said without its zero (not "the point", "a point"). */
function leadingPoint(words: Raw[], i: number, lang: Language): { end: number; tok: Partial<Token> } | null {
  if (lang !== 'en' || /^(the|a|this|that|good|one|no|any|some|what)$/.test(words[i - 1]?.w ?? ''))
    return null;
  const dd = spokenDecimals(words, i + 1, lang);
  if (!dd) return null;
  const text = words
    .slice(i, dd.end)
    .map((r) => r.w)
    .join(' ');
  return { end: dd.end, tok: { text, num: dd.value } };
}

/** After a leading «ноль» at `j - 1`: «ноль ноль пять» = 0,05, «ноль три» = 0,3, «ноль двадцать пять» = 0,25. */
function zeroLedDecimals(words: Raw[], j: number, lang: Language): { value: number; end: number } | null {
  const dd = spokenDecimals(words, j, lang);
  if (!dd) return null;
  const nx = words[dd.end]?.w ?? '';
  // «ноль один процент» keeps its old reading (below); a number word going on is not a decimal
  if (numberWord(nx, lang) !== null) return null;
  return dd;
}

/** «одна двадцатая процента»: a numerator, a feminine ordinal as its denominator, a percent word. */
function ordinalFraction(words: Raw[], j: number, value: number, lang: Language): number | null {
  const w = words[j]?.w ?? '';
  const nw = numberWord(w, lang);
  if (!nw?.ordinal || !/(ая|ых|ую)$/.test(w) || nw.value < 2) return null;
  if (!Number.isInteger(value) || value < 1 || value >= nw.value) return null;
  return PERCENT.test(words[j + 1]?.w ?? '') ? value / nw.value : null;
}

export function tokenize(text: string, lang: Language): Clause[] {
  const punctuated = /[.?!]/.test(text);
  const out: Clause[] = [];
  for (const rc of rawClauses(text, lang)) {
    const words = rc.words;
    const tokens: Token[] = [];
    for (let i = 0; i < words.length;) {
      let r = words[i]!;
      // ASR hears a number after "net" with th as d ("net dirty", "net dirteen"): read the number
      if (
        lang === 'en' &&
        r.w.startsWith('d') &&
        words[i - 1]?.w === 'net' &&
        numberWord('th' + r.w.slice(1), lang)
      ) {
        const w = 'th' + r.w.slice(1);
        r = words[i] = { w, sep: r.sep, info: wordInfo(w, lang) };
      }
      const c = r.w.charCodeAt(0);
      const info = r.info;
      const maybeNumber = (c >= 48 && c <= 57) || info.numberWord || (r.w === 'point' && lang === 'en');
      // "a half" without a number before it; a lone "one"/"один" is usually a pronoun
      const isLoneOne = !(c >= 48 && c <= 57) && (r.w === 'one' || r.w === 'a');
      let lone = false;
      if (isLoneOne) {
        const nx1 = words[i + 1]?.w ?? '';
        lone = !(
          numberWord(nx1, lang) !== null ||
          // "one percent a month", "one week from the invoice": a count of a unit
          (r.w === 'one' && ONE_UNIT.test(nx1)) ||
          nx1 === 'point' ||
          (nx1 === 'and' && words[i + 3]?.w === 'half')
        );
      }
      if (maybeNumber && !lone) {
        const n = readNumber(words, i, lang);
        if (n) {
          // a one-word number keeps its stem, so patterns can still use the word ("first", «второй»)
          const tok = newToken(n.tok.text!, n.end - i === 1 ? info.stem : '#');
          tok.num = n.tok.num;
          tok.ordinal = n.tok.ordinal;
          tok.dayForm = n.tok.dayForm;
          tok.amount = n.tok.amount;
          if (r.sep) tok.sep = true;
          const nx = words[n.end]?.w;
          if (nx !== undefined && (nx === '%' || PERCENT.test(nx))) tok.percent = true;
          // "$40k", «2 млн ₽», "fifty thousand dollars"
          tokens.push(tok);
          i = n.end;
          continue;
        }
      }
      const tok = newToken(r.w, info.stem);
      if (r.sep) tok.sep = true;
      const wd = info.weekday;
      if (wd) tok.weekday = wd;
      const mo = info.month;
      if (mo) tok.month = mo;
      tokens.push(tok);
      i++;
    }
    // English ordinals read as days of the month only after "the"/"on"/"by" or before "of":
    // "the first delivery" is not a date, "by the thirtieth" is.
    if (lang === 'en')
      for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k]!;
        if (t.ordinal && t.num !== undefined) {
          const prev = tokens[k - 1]?.text;
          const nx = tokens[k + 1];
          const after = nx?.text;
          const preps =
            prev === 'the' ||
            prev === 'on' ||
            prev === 'by' ||
            prev === 'before' ||
            prev === 'until' ||
            tokens[k - 1]?.month !== undefined ||
            tokens[k - 1]?.weekday !== undefined;
          // rules-1.8.1 (values): "the first six months", "the first couple of months" count, too
          const nounAfter =
            after !== undefined &&
            (NOT_DAY_AFTER.has(after) || COUNT_AFTER.has(after) || nx?.num !== undefined);
          t.dayForm =
            t.num >= 1 && t.num <= 31 && (preps || after === 'of' || (nx?.month ?? 0) > 0) && !nounAfter;
        }
      }
    out.push({ tokens, questionMark: rc.q, punctuated });
  }
  return out;
}
