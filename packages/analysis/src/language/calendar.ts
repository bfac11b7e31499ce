import type { Language } from '@onterms/contracts';

/**
 * Weekday and month names by their stable prefix. Calendar *dates* are read by chrono-node
 * (values/dates.ts); here we only need to know that a token names a weekday or a month, in the
 * token stream, at tokenising speed.
 */
const RU_WEEKDAYS = ['понедельн', 'вторник', 'сред', 'четверг', 'пятниц', 'суббот', 'воскресен'];
const EN_WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const RU_MONTHS = [
  'январ',
  'феврал',
  'март',
  'апрел',
  'ма',
  'июн',
  'июл',
  'август',
  'сентябр',
  'октябр',
  'ноябр',
  'декабр',
];
const EN_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const cache: Record<Language, Map<string, [number | undefined, number | undefined]>> = {
  ru: new Map(),
  en: new Map(),
};

/** Weekday and month of a word, cached per word form (this runs for every token). */
function lookup(word: string, language: Language): [number | undefined, number | undefined] {
  const c = cache[language];
  let hit = c.get(word);
  if (!hit) {
    hit = [weekdayOfUncached(word, language), monthOfUncached(word, language)];
    if (c.size > 50_000) c.clear();
    c.set(word, hit);
  }
  return hit;
}
export const weekdayOf = (word: string, language: Language): number | undefined => lookup(word, language)[0];
export const monthOf = (word: string, language: Language): number | undefined => lookup(word, language)[1];

function weekdayOfUncached(word: string, language: Language): number | undefined {
  if (language === 'en') {
    const w = word.endsWith('s') ? word.slice(0, -1) : word;
    const i = EN_WEEKDAYS.indexOf(w);
    return i >= 0 ? i + 1 : undefined;
  }
  // «среда/среду/среды/среде»; not «среди», «средний», «средство».
  if (/^сред[аыуе]$/.test(word)) return 3;
  for (let i = 0; i < RU_WEEKDAYS.length; i++) {
    const p = RU_WEEKDAYS[i]!;
    if (i !== 2 && word.startsWith(p) && word.length - p.length <= 3) return i + 1;
  }
  return undefined;
}

function monthOfUncached(word: string, language: Language): number | undefined {
  if (language === 'en') {
    const i = EN_MONTHS.indexOf(word);
    // "may" is a modal verb far more often than a month: only the capitalised form would tell,
    // and ASR loses case, so "may" counts as a month only next to a day number (dates.ts).
    return i >= 0 && word !== 'may' ? i + 1 : undefined;
  }
  if (/^ма[яюе]$|^май$/.test(word)) return 5;
  if (/^март[аеу]?$/.test(word)) return 3;
  for (let i = 0; i < RU_MONTHS.length; i++) {
    const p = RU_MONTHS[i]!;
    if (p.length > 2 && p !== 'март' && word.startsWith(p) && word.length - p.length <= 2) return i + 1;
  }
  return undefined;
}
