// Rule `tagReadBack` / `readBackConfirmed` (rules-1.9.0): a client's read-back said as a question
// («…, правильно?», "…, right?") is the client's statement; the rep's plain yes confirms it, and then
// both segments are evidence.
import { describe, expect, it } from 'vitest';
import { call, segs, type Line } from '../engine/test-calls.ts';

type Case = [name: string, language: 'ru' | 'en', lines: Line[], flag: string, moments: number[]];

const lateStop: Line = ['client', "And if we're late you stop the next delivery, right?"];

const cases: Case[] = [
  [
    'ru: «…, я правильно понимаю?» — «Да, всё так.»: both segments',
    'ru',
    [
      ['rep', 'Добрый день, по поставке кирпича звоню.'],
      ['client', 'Значит, платим до десятого числа следующего месяца, я правильно понимаю?'],
      ['rep', 'Да, всё так.'],
    ],
    'deadline',
    [1, 2],
  ],
  [
    'en: a sanction read back with "right?" — "Yep, exactly."',
    'en',
    [lateStop, ['rep', 'Yep, exactly.']],
    'sanctions',
    [0, 1],
  ],
  [
    'en: "month end" is a due date',
    'en',
    [
      ['client', 'So the invoice is due by month end, correct?'],
      ['rep', 'Correct.'],
    ],
    'deadline',
    [0, 1],
  ],
  [
    'ru: the rep corrects it — only the correction states',
    'ru',
    [
      ['client', 'платим до десятого числа правильно'],
      ['rep', 'нет до пятого'],
    ],
    'deadline',
    [1],
  ],
  [
    'en: the rep dodges — nothing',
    'en',
    [lateStop, ['rep', "Let's not get into that today, we'll figure it out."]],
    'sanctions',
    [],
  ],
  [
    'en: an open question with a yes about something else — nothing',
    'en',
    [
      ['client', 'What happens if we pay late?'],
      ['rep', 'Sure, happy to walk you through the ordering portal.'],
    ],
    'sanctions',
    [],
  ],
  [
    'ru: the rep’s own read-back states by itself',
    'ru',
    [['rep', 'оплата до пятого числа правильно']],
    'deadline',
    [0],
  ],
];

describe('a client read-back with a confirming tag, confirmed by the rep', () => {
  it.each(cases)('%s', (_name, language, lines, flag, moments) => {
    expect(segs(call(language, lines), flag)).toEqual(moments);
  });
});
