import type { LanguageData } from './language-data.ts';

/** English word data shared by the tokenizer, the clause readings and the value readers. */
export const EN: LanguageData = {
  dayUnits: [
    [/^days?$/, 1],
    [/^weeks?$/, 7],
    [/^months?$/, 30],
  ],
  dayQualifiers: /^(business|calendar)$/,
  contrast: new Set(['but', 'however', 'whereas']),
  nounNegators: new Set(['no', 'without', 'none']),
  postposedNegators: new Set(['never', 'none']),
};
