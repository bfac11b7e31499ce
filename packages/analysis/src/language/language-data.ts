import type { Language } from '@onterms/contracts';
import { EN } from './en.ts';
import { RU } from './ru.ts';

/**
 * Word data kept once per language (`ru.ts`, `en.ts`) — it used to be repeated across the modules
 * that read it (day units in the echo and value readers, contrast words in the tokenizer and the
 * denial rule, negators in negation). Grammar marker phrases live in `markers.ts`.
 */
export interface LanguageData {
  /** A word naming a period, with its length in days. */
  dayUnits: [RegExp, number][];
  /** A word between a number and its unit that keeps it a day count («календарных», "business"). */
  dayQualifiers: RegExp;
  contrast: Set<string>;
  nounNegators: Set<string>;
  postposedNegators: Set<string>;
}

export const LANGUAGE_DATA: Record<Language, LanguageData> = { ru: RU, en: EN };

/** Days in one `word` of a period («недели» → 7, "months" → 30), or 0. */
export function daysPerUnit(word: string, lang: Language): number {
  for (const [re, days] of LANGUAGE_DATA[lang].dayUnits) if (re.test(word)) return days;
  return 0;
}
