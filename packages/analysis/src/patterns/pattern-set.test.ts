// The pattern scan skips patterns that cannot match (by placeholder, by words the clause lacks, a
// one-word pattern by its word): it must find exactly what matching every pattern at every token finds.
import { describe, expect, it } from 'vitest';
import type { Language } from '@onterms/contracts';
import { tokenize } from '../language/tokenize.ts';
import { compilePattern, findAll, Lexicon, type Match } from './pattern.ts';
import { PatternSet } from './pattern-set.ts';

const PATTERNS: Record<Language, string[]> = {
  ru: [
    'отсрочк*',
    'пени|неустойк*',
    '<num> календарн*|банковск*? день|дн*|недел*',
    '<pct> за|в каждый? день|сутки',
    '<pct> предоплат*|аванс*',
    'до|к <date>',
    'оплат*|платеж* до <weekday>',
    'не позднее <num> дн*',
    'если? просрочк*|задержк* остановим|приостановим отгрузк*',
  ],
  en: [
    'net <num>',
    'late fee|fees',
    '<pct> per day|month',
    '<pct> up front',
    'by|before <date>',
    'due on? <weekday>',
    'we stop|pause shipments|orders',
  ],
};
const TEXTS: Record<Language, string[]> = {
  ru: [
    'Отсрочка тридцать календарных дней, оплата до пятницы.',
    'пени ноль одна десятая процента за каждый день, при просрочке остановим отгрузки',
    'предоплата двадцать процентов, остаток до пятнадцатого, не позднее 10 дней',
    'отсрочку дадим на 45 дней, неустойку не начисляем',
    'тридцать процентов аванс, к пятому числу вторая часть',
  ],
  en: [
    'Net 30, and late fees of 0.1% per day; we stop shipments by the fifteenth.',
    'fifty percent up front, the rest due friday, net forty five',
    'we pause orders if the late fee is not paid before the 3rd',
  ],
};

describe.each(['ru', 'en'] as const)('PatternSet.scan (%s)', (language) => {
  const lex = new Lexicon(language);
  const patterns = PATTERNS[language].map((p) => compilePattern(p, lex));
  const set = new PatternSet<number>(lex);
  patterns.forEach((p, i) => set.add(p, i));

  it.each(TEXTS[language])('finds what every pattern finds alone: %s', (text) => {
    let found = 0;
    for (const c of tokenize(text, language)) {
      const ids = c.tokens.map((t) => lex.termsOf(t));
      const byScan: Match[][] = patterns.map(() => []);
      set.scan(c.tokens, ids, (pi, m) => void byScan[pi]!.push(m));
      const alone = patterns.map((p) => findAll(p, c.tokens, ids, lex));
      expect(byScan).toEqual(alone);
      found += alone.flat().length;
    }
    expect(found).toBeGreaterThan(0);
  });
});
