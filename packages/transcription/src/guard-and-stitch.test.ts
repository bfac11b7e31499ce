import { describe, expect, it } from 'vitest';
import {
  HALLUCINATION_PHRASE_COUNT,
  isHallucinatedSegment,
  isKnownHallucination,
} from './hallucination-guard.ts';
import {
  mapDiarizedSpeakers,
  removeBleed,
  splitTextOverSpeech,
  textSimilarity,
  type ChannelSegment,
} from './stitch.ts';
import { buildVocabularyPrompt, DEFAULT_VOCABULARY } from './vocabulary.ts';

describe('hallucination guard', () => {
  it('loads the maintained list', () => {
    expect(HALLUCINATION_PHRASE_COUNT).toBeGreaterThan(30);
  });

  it.each([
    'Продолжение следует...',
    'ПРОДОЛЖЕНИЕ СЛЕДУЕТ…',
    'Субтитры сделал DimaTorzok',
    'Редактор субтитров А.Семкин Корректор А.Егорова',
    'Thanks for watching!',
    'Thank you for watching. Thank you for watching.',
    '[Музыка]',
    '♪ Music ♪',
  ])('recognises %j', (text) => {
    expect(isKnownHallucination(text)).toBe(true);
  });

  it.each([
    'Продолжение следует обсуждать в пятницу',
    'Спасибо, оплата до пятницы',
    'Net 30 and thanks for watching the invoice',
    '',
  ])('leaves real speech alone: %j', (text) => {
    expect(isKnownHallucination(text)).toBe(false);
  });

  const silences = [{ start: 10, end: 20 }];
  it('drops a listed phrase only over silence (or when Whisper says no speech)', () => {
    expect(isHallucinatedSegment({ start: 12, end: 15, text: 'Продолжение следует...' }, silences)).toBe(
      true,
    );
    expect(isHallucinatedSegment({ start: 2, end: 5, text: 'Продолжение следует...' }, silences)).toBe(false);
    expect(
      isHallucinatedSegment({ start: 2, end: 5, text: 'Thanks for watching!', noSpeechProb: 0.9 }, silences),
    ).toBe(true);
    expect(isHallucinatedSegment({ start: 12, end: 15, text: 'Отсрочка тридцать дней' }, silences)).toBe(
      false,
    );
    // "Спасибо за внимание" said by the rep at the end of a call, over speech: kept.
    expect(isHallucinatedSegment({ start: 5, end: 8, text: 'Спасибо за внимание!' }, silences)).toBe(false);
  });
});

describe('text-only timing', () => {
  it('spreads sentences over the speech, skipping pauses, proportional to length', () => {
    const parts = splitTextOverSpeech('Раз два. Три четыре!', 100, 110, [{ start: 104, end: 106 }]);
    expect(parts.map((p) => p.text)).toEqual(['Раз два.', 'Три четыре!']);
    expect(parts[0]!.start).toBe(100);
    expect(parts[1]!.end).toBe(110);
    // 8 of 19 characters of 8 s of speech ≈ 3.37 s: within the first stretch.
    expect(parts[0]!.end).toBeCloseTo(103.368, 2);
  });
});

describe('stereo bleed', () => {
  it('drops the quieter copy of the same words at the same time; keeps different overlapping speech', async () => {
    const seg = (track: number, start: number, end: number, text: string): ChannelSegment => ({
      track,
      start,
      end,
      text,
      speaker: track === 0 ? 'rep' : 'client',
    });
    const segments = [
      seg(0, 1, 4, 'Оплата через тридцать дней'),
      seg(1, 1.1, 3.9, 'оплата через тридцать дней'), // bleed of the rep on the client side
      seg(1, 5, 7, 'Хорошо, согласны'),
      seg(0, 5.5, 6.5, 'Да, и ещё пени'), // talking over each other: kept
    ];
    const levels: Record<number, number> = { 0: -20, 1: -45 };
    const { kept, dropped } = await removeBleed(segments, async (track) => levels[track]!);
    expect(dropped).toBe(1);
    expect(kept.map((s) => s.text)).toEqual([
      'Оплата через тридцать дней',
      'Хорошо, согласны',
      'Да, и ещё пени',
    ]);
    expect(textSimilarity('Net 30, yes.', 'net 30 yes')).toBe(1);
  });
});

describe('diarization speaker mapping', () => {
  it('the speaker who names payment terms is the rep; ties go to who spoke first', () => {
    const map = mapDiarizedSpeakers(
      [
        { speaker: 'A', start: 0, text: 'Алло, слушаю.' },
        {
          speaker: 'B',
          start: 2,
          text: 'Предлагаем отсрочка платежа тридцать дней, пени ноль один процент.',
        },
        { speaker: 'A', start: 8, text: 'Хорошо.' },
      ],
      DEFAULT_VOCABULARY.ru,
    );
    expect(Object.fromEntries(map)).toEqual({ B: 'rep', A: 'client' });
    const tie = mapDiarizedSpeakers(
      [
        { speaker: 'X', start: 0, text: 'Добрый день' },
        { speaker: 'Y', start: 1, text: 'Здравствуйте' },
      ],
      [],
    );
    expect(Object.fromEntries(tie)).toEqual({ X: 'rep', Y: 'client' });
  });
});

describe('vocabulary prompt', () => {
  it('is a sentence in the call language with the terms; the checklist terms replace the defaults', () => {
    expect(buildVocabularyPrompt('ru')).toMatch(
      /^Разговор об условиях оплаты: отсрочка платежа, предоплата, .*НДС\.$/,
    );
    expect(buildVocabularyPrompt('en', ['net 45', 'late fee'])).toBe(
      'A call about payment terms: net 45, late fee.',
    );
    expect(buildVocabularyPrompt(null)!.length).toBeLessThanOrEqual(601);
  });
});
