import { StemmerRu } from '@nlpjs/lang-ru';
import { StemmerEn } from '@nlpjs/lang-en-min';
import type { Language } from '@onterms/contracts';

/**
 * Snowball stemmers from nlp.js (Russian and Porter2 English). Stemming is the hot path, so every
 * distinct word form is stemmed once per process and cached; the cache is bounded so that a
 * long-running worker does not grow without limit on an open vocabulary.
 */
const stemmers = { ru: new StemmerRu(), en: new StemmerEn() };
const caches: Record<Language, Map<string, string>> = { ru: new Map(), en: new Map() };
const MAX_CACHE = 200_000;

export function stem(word: string, language: Language): string {
  const cache = caches[language];
  let s = cache.get(word);
  if (s === undefined) {
    s = stemmers[language].stem(word) as string;
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(word, s);
  }
  return s;
}
