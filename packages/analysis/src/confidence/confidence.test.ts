import { describe, expect, it } from 'vitest';
import { analyzeTranscript } from '../index.ts';
import { call } from '../engine/test-calls.ts';

describe('confidence follows the shape of the evidence', () => {
  it('a rep stating the term with a number is surer than a client read-back the rep confirmed', () => {
    const direct = analyzeTranscript(call('ru', [['rep', 'Отсрочка у вас сорок пять дней.']]));
    const readBack = analyzeTranscript(
      call('ru', [
        ['client', 'Мы как обычно, с отсрочкой работаем?'],
        ['client', 'Работаем с отсрочкой, как раньше.'],
        ['rep', 'Да, всё верно.'],
      ]),
    );
    expect(direct.flags.payment_terms!.confidence).toBeGreaterThan(readBack.flags.payment_terms!.confidence!);
  });

  it('a flag never mentioned is a surer "not stated" than one that was waived', () => {
    const silent = analyzeTranscript(call('en', [['rep', 'The pallets go out on Monday.']]));
    const waived = analyzeTranscript(call('en', [['rep', 'No late fees with us, ever.']]));
    expect(silent.flags.sanctions!.stated).toBe(false);
    expect(waived.flags.sanctions!.stated).toBe(false);
    expect(silent.flags.sanctions!.confidence).toBeGreaterThan(waived.flags.sanctions!.confidence!);
  });

  it('every verdict carries a confidence between one half and one, deflection too', () => {
    const r = analyzeTranscript(
      call('en', [
        ['client', 'What are your payment terms?'],
        ['rep', "Don't worry about that, we'll figure it out later."],
      ]),
    );
    for (const f of Object.values(r.flags)) expect(f.confidence).toBeGreaterThanOrEqual(0.5);
    expect(r.deflection.present).toBe(true);
    expect(r.deflection.confidence).toBeGreaterThanOrEqual(0.5);
    expect(r.deflection.confidence).toBeLessThanOrEqual(1);
  });
});
