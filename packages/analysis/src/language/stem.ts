import { StemmerRu } from '@nlpjs/lang-ru';
import { StemmerEn } from '@nlpjs/lang-en-min';
import type { Language } from '@onterms/contracts';

/**
 * Snowball stemmers from nlp.js (Russian and Porter2 English). Stemming is the hot path, so every
 * distinct word form is stemmed once per process and cached; the cache is bounded so that a
 * long-running worker does not grow without limit on an open vocabulary.
 */
const stemmers = { ru: new StemmerRu(), en: new StemmerEn() };

/**
 * Word forms the stemmer folds into a different word that the checklists name: «долго», «долгий»
 * ("long") become «долг» ("debt"), so a slow delivery read as talk of debt and vetoed terms with no
 * prepayment. Each maps to a stem of its own and to the stem it must not be taken for, which also keeps
 * prefix terms no longer than that stem («долг*») off it.
 */
const MISREAD: Record<Language, Map<string, { stem: string; notStem: string }>> = {
  ru: new Map(
    [
      'долго',
      'долгий',
      'долгая',
      'долгое',
      'долгие',
      'долгого',
      'долгой',
      'долгую',
      'долгим',
      'долгих',
      'долгими',
    ].map((w) => [w, { stem: 'долгий', notStem: 'долг' }]),
  ),
  en: new Map(),
};

/** The stem a misread word must not match as a prefix (see MISREAD), or null for every other word. */
export function notStemOf(word: string, language: Language): string | null {
  return MISREAD[language].get(word)?.notStem ?? null;
}
const caches: Record<Language, Map<string, string>> = { ru: new Map(), en: new Map() };
const MAX_CACHE = 200_000;

export function stem(word: string, language: Language): string {
  const cache = caches[language];
  let s = cache.get(word);
  if (s === undefined) {
    s = MISREAD[language].get(word)?.stem ?? (stemmers[language].stem(word) as string);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, s);
  }
  return s;
}
