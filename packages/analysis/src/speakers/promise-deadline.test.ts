// Rule `acceptedPromiseDue`: a concrete promise to pay that the seller side takes up states the deadline.
import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../engine/analyze.ts';
import { call, type Line } from '../engine/test-calls.ts';

type Case = [name: string, language: 'ru' | 'en', lines: Line[], deadline: number[]];

const debt: Record<'ru' | 'en', Line> = {
  ru: ['rep', 'Добрый день, по счёту за плитку напоминаю, сумма сто двадцать тысяч.'],
  en: ['rep', 'Hi Dana, calling about the open invoice for the kitchen units.'],
};
const mono: Line = ['unknown', 'по задолженности звоню за трубы'];

const cases: Case[] = [
  [
    'the client commits, the rep reads it back: both segments',
    'ru',
    [
      debt.ru,
      ['client', 'Шестьдесят тысяч переведём в среду, остальное позже.'],
      ['rep', 'Хорошо, в среду шестьдесят, записала.'],
    ],
    [1, 2],
  ],
  [
    'the client commits and the rep accepts with a bare okay',
    'en',
    [debt.en, ['client', 'We will pay the full balance tomorrow.'], ['rep', 'Perfect, thank you.']],
    [1, 2],
  ],
  [
    'the rep proposes, the client says yes: the proposal, not the bare yes',
    'ru',
    [
      ['rep', 'Давайте так: всю сумму до пятницы оплатите?'],
      ['client', 'Да.'],
      ['rep', 'Договорились.'],
    ],
    [0],
  ],
  [
    'a promise the rep does not accept pins nothing',
    'en',
    [
      debt.en,
      ['client', "We'll pay half of it next Monday."],
      ['rep', "Why can't you pay it all? Let me talk to my manager."],
    ],
    [],
  ],
  [
    'a vague promise is no promise, accepted or not',
    'ru',
    [debt.ru, ['client', 'Постараемся на днях оплатить.'], ['rep', 'Хорошо.']],
    [],
  ],
  [
    'mono: a promise said once and questioned pins nothing',
    'ru',
    [mono, ['unknown', 'ну мы завтра заплатим всю сумму'], ['unknown', 'а чего так долго']],
    [],
  ],
  [
    'mono: a promise said once and accepted by the next segment',
    'ru',
    [mono, ['unknown', 'ну мы завтра заплатим всю сумму'], ['unknown', 'да договорились']],
    [1, 2],
  ],
];

describe('acceptedPromiseDue: a promise to pay taken up by the rep is a deadline (collection calls)', () => {
  it.each(cases)('%s (%s)', (_, language, lines, deadline) => {
    const r = analyzeTranscript(call(language, lines), 'collection');
    expect(r.flags['deadline']!.moments.map((m) => m.segment)).toEqual(deadline);
  });

  it('a negotiation (not a collection call) is unchanged: promises are not read there', () => {
    const r = analyzeTranscript(
      call('en', [
        ['client', 'We will pay the deposit tomorrow.'],
        ['rep', 'Great.'],
      ]),
    );
    expect(r.flags['deadline']!.moments).toEqual([]);
  });
});
