// Classes of errors found on an independent held-out set, each pinned with wording of our own
// (not the held-out sentences): a fix must hold for the class, not for one phrase.
import { describe, expect, it } from 'vitest';
import type { Speaker, Transcript } from '@onterms/contracts';
import { analyzeTranscript } from '../index.ts';

type Line = [Speaker, string];
const call = (language: 'ru' | 'en', lines: Line[]): Transcript => ({
  language,
  segments: lines.map(([speaker, text], i) => ({ start: i * 5, end: i * 5 + 4, speaker, text })),
});
const segs = (t: Transcript, flag: string) => analyzeTranscript(t).flags[flag]!.moments.map((m) => m.segment);
const dodges = (t: Transcript) => analyzeTranscript(t).deflection.moments.map((m) => m.segment);
const flagsOf = (language: 'ru' | 'en', text: string, speaker: Speaker = 'rep') => {
  const r = analyzeTranscript(call(language, [[speaker, text]]));
  return ['payment_terms', 'deadline', 'sanctions'].filter((f) => r.flags[f]!.stated);
};

describe('unpunctuated questions need lexical cues', () => {
  it.each([
    ['ru', 'а если опоздаем с платежом как-то там пени'],
    ['ru', 'оплату к двадцатому успеете провести или нет'],
    ['ru', 'до конца недели заплатить получится'],
    ['ru', 'у вас неустойку за просрочку практикуют или как'],
    ['ru', 'у вас такое принято штрафы за задержку'],
    ['en', 'can you get the payment over by thursday'],
    ['en', 'net sixty from invoice does that work'],
  ] as const)('%s: %s', (language, text) => {
    expect(flagsOf(language, text)).toEqual([]);
  });
  it('a condition or a refusal before the modal is not a question', () => {
    expect(flagsOf('ru', 'если не успеете до пятнадцатого мы начислим пени')).toEqual(['deadline', 'sanctions']);
    expect(flagsOf('ru', 'нет так не получится оплата строго до пятнадцатого')).toEqual(['deadline']);
    expect(flagsOf('en', 'any invoice over ninety days past due goes to our attorney')).toEqual(['sanctions']);
  });
});

describe("others' practice and later possibilities are not statements", () => {
  it.each([
    ['ru', 'Многие в нашей сфере берут штраф, а у нас такого нет.'],
    ['ru', 'На рынке принято пени ставить, мы так не делаем.'],
    ['ru', 'Нам другой поставщик неустойку начислял за просрочку.'],
    ['ru', 'Через полгода можно будет обсудить отсрочку.'],
    ['en', 'In the industry a lot of people charge late fees, we keep it simple.'],
    ['en', 'Our previous supplier slapped interest on everything late.'],
    ['en', 'Down the road we could talk about a credit line.'],
  ] as const)('%s: %s', (language, text) => {
    expect(flagsOf(language, text)).toEqual([]);
  });
});
