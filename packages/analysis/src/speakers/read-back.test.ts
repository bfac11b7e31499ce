// Rule `tagReadBack` / `readBackConfirmed` (rules-1.9.0): a client's read-back said as a question
// («…, правильно?», "…, right?") is the client's statement; the rep's plain yes confirms it, and then
// both segments are evidence.
import { describe, expect, it } from 'vitest';
import { call, segs } from '../engine/test-calls.ts';

describe('a client read-back with a confirming tag, confirmed by the rep', () => {
  it('ru: «…, я правильно понимаю?» — «Да, всё так.»', () => {
    const t = call('ru', [
      ['rep', 'добрый день по поставке кирпича звоню'],
      ['client', 'Значит, платим до десятого числа следующего месяца, я правильно понимаю?'],
      ['rep', 'Да, всё так.'],
    ]);
    expect(segs(t, 'deadline')).toEqual([1, 2]);
  });

  it('en, punctuated: a sanction read back with "right?" — "Yep, exactly."', () => {
    const t = call('en', [
      ['rep', 'Your account is open for the tile order.'],
      ['client', "And if we're late you stop the next delivery, right?"],
      ['rep', 'Yep, exactly.'],
    ]);
    expect(segs(t, 'sanctions')).toEqual([1, 2]);
  });

  it('a date said as "month end" is a due date', () => {
    const t = call('en', [
      ['client', 'So the invoice is due by month end, correct?'],
      ['rep', 'Correct.'],
    ]);
    expect(segs(t, 'deadline')).toEqual([0, 1]);
  });

  it('not when the rep corrects it, dodges, or the client asks openly', () => {
    const corrected = call('ru', [
      ['client', 'платим до десятого числа правильно'],
      ['rep', 'нет до пятого'],
    ]);
    expect(segs(corrected, 'deadline')).toEqual([1]);
    const dodged = call('en', [
      ['client', "And if we're late you stop the next delivery, right?"],
      ['rep', "Let's not get into that today, we'll figure it out."],
    ]);
    expect(segs(dodged, 'sanctions')).toEqual([]);
    const open = call('en', [
      ['client', 'What happens if we pay late?'],
      ['rep', 'Sure, happy to walk you through the ordering portal.'],
    ]);
    expect(segs(open, 'sanctions')).toEqual([]);
  });

  it('a read-back by the rep is no client statement: the rep states it anyway', () => {
    const t = call('ru', [['rep', 'оплата до пятого числа правильно']]);
    expect(segs(t, 'deadline')).toEqual([0]);
  });
});
