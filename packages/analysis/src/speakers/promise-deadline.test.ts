// Rule `acceptedPromiseDue`: a concrete promise to pay that the seller side takes up states the deadline.
import { describe, expect, it } from 'vitest';
import type { Transcript } from '@onterms/contracts';
import { analyzeTranscript } from '../engine/analyze.ts';
import { call } from '../engine/test-calls.ts';

const due = (t: Transcript) =>
  analyzeTranscript(t, 'collection').flags['deadline']!.moments.map((m) => m.segment);

describe('acceptedPromiseDue: a promise to pay taken up by the rep is a deadline', () => {
  it('the client commits, the rep reads it back: both segments (ru)', () => {
    const t = call('ru', [
      ['rep', 'Добрый день, по счёту за плитку напоминаю, сумма сто двадцать тысяч.'],
      ['client', 'Шестьдесят тысяч переведём в среду, остальное позже.'],
      ['rep', 'Хорошо, в среду шестьдесят, записала.'],
    ]);
    expect(due(t)).toEqual([1, 2]);
  });

  it('the client commits and the rep accepts with a bare okay (en)', () => {
    const t = call('en', [
      ['rep', 'Hi Dana, calling about the open invoice for the kitchen units.'],
      ['client', 'We will pay the full balance tomorrow.'],
      ['rep', 'Perfect, thank you.'],
    ]);
    expect(due(t)).toEqual([1, 2]);
  });

  it('the rep proposes a date and the client says yes: the proposal, not the bare yes', () => {
    const t = call('ru', [
      ['rep', 'Давайте так: всю сумму до пятницы оплатите?'],
      ['client', 'Да.'],
      ['rep', 'Договорились.'],
    ]);
    expect(due(t)).toContain(0);
    expect(due(t)).not.toContain(1);
  });

  it('a promise the rep does not accept pins nothing', () => {
    const t = call('en', [
      ['rep', 'The invoice for the pallets is three weeks over.'],
      ['client', "We'll pay half of it next Monday."],
      ['rep', "Why can't you pay it all? Let me talk to my manager."],
    ]);
    expect(due(t)).toEqual([]);
  });

  it('a vague promise is no promise, accepted or not', () => {
    const t = call('ru', [
      ['rep', 'По долгу за кирпич хотела уточнить.'],
      ['client', 'Постараемся на днях оплатить.'],
      ['rep', 'Хорошо.'],
    ]);
    expect(due(t)).toEqual([]);
  });

  it('in a mono call a promise said once must be taken up by the next segment', () => {
    const once = call('ru', [
      ['unknown', 'по задолженности звоню за трубы'],
      ['unknown', 'ну мы завтра заплатим всю сумму'],
      ['unknown', 'а чего так долго'],
    ]);
    expect(due(once)).toEqual([]);
    const accepted = call('ru', [
      ['unknown', 'по задолженности звоню за трубы'],
      ['unknown', 'ну мы завтра заплатим всю сумму'],
      ['unknown', 'да договорились'],
    ]);
    expect(due(accepted)).toEqual([1, 2]);
  });

  it('a negotiation (not a collection call) is unchanged: promises are not read there', () => {
    const t = call('en', [
      ['client', 'We will pay the deposit tomorrow.'],
      ['rep', 'Great.'],
    ]);
    expect(analyzeTranscript(t).flags['deadline']!.moments).toEqual([]);
  });
});
