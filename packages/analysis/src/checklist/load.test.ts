import { describe, expect, it } from 'vitest';
import { analyzeTranscript, ChecklistError, checklistVocabulary, loadChecklist } from '../index.ts';

const base = { id: 'acme', version: '3', items: [] as unknown[] };

describe('checklist loading', () => {
  it('names the path of a bad field', () => {
    expect(() => loadChecklist({ ...base, items: [{ id: 'Bad Id', cues: {} }] })).toThrow(
      /^\/items\/0\/id: /,
    );
    expect(() =>
      loadChecklist({ ...base, items: [{ id: 'x', cues: { ru: [{ pattern: 'акт', gap: 99 }] } }] }),
    ).toThrow(/^\/items\/0\/cues\/ru\/0\/gap: /);
    expect(() => loadChecklist({ id: 'acme', items: [] })).toThrow(/version/);
    expect(() => loadChecklist({ ...base, items: [{ id: 'x', cues: {}, colour: 'red' }] })).toThrow(
      ChecklistError,
    );
  });

  it('names the bad pattern and what is wrong with it', () => {
    expect(() => loadChecklist({ ...base, items: [{ id: 'x', cues: { en: ['net <days>'] } }] })).toThrow(
      /^\/items\/0\/cues\/en\/0\/pattern: unknown placeholder <days>/,
    );
    expect(() => loadChecklist({ ...base, items: [{ id: 'x', cues: { ru: ['акт||сверки'] } }] })).toThrow(
      /^\/items\/0\/cues\/ru\/0\/pattern: empty alternative/,
    );
    expect(() => loadChecklist({ ...base, items: [{ id: 'x', cues: { ru: ['акт?'] } }] })).toThrow(
      /at least one required word/,
    );
  });

  it('rejects duplicate items and unknown parents', () => {
    expect(() =>
      loadChecklist({
        ...base,
        items: [
          { id: 'a', cues: {} },
          { id: 'a', cues: {} },
        ],
      }),
    ).toThrow(/^\/items\/1\/id: duplicate/);
    expect(() => loadChecklist({ ...base, extends: 'sales_magic', items: [] })).toThrow(
      /^\/extends: unknown checklist/,
    );
  });

  it('lets a company add its own item and wording by configuration', () => {
    const cl = loadChecklist({
      id: 'acme-credit',
      version: '2026-03',
      extends: 'credit_negotiation',
      items: [
        {
          id: 'reconciliation',
          title: 'Акт сверки',
          cues: { ru: ['акт* сверк*|сферк*'], en: ['reconciliation statement'] },
        },
        { id: 'sanctions', merge: true, cues: { ru: [{ pattern: 'черн* список*', kind: 'credit_hold' }] } },
      ],
    });
    const r = analyzeTranscript(
      {
        language: 'ru',
        segments: [
          { start: 0, end: 3, speaker: 'rep', text: 'Акт сверки пришлю до конца недели.' },
          { start: 3, end: 6, speaker: 'rep', text: 'При просрочке вносим в чёрный список.' },
        ],
      },
      cl,
    );
    expect(r.checklist).toEqual({ id: 'acme-credit', version: '2026-03' });
    expect(Object.keys(r.flags)).toEqual(['payment_terms', 'deadline', 'sanctions', 'reconciliation']);
    expect(r.flags.reconciliation!.moments.map((m) => m.segment)).toEqual([0]);
    expect(r.flags.sanctions!.moments.map((m) => m.segment)).toEqual([1]);
  });

  it("carries the words a speech-to-text engine should expect, a company's added to its parent's", () => {
    expect(checklistVocabulary('credit_negotiation', 'ru')).toContain('отсрочка платежа');
    expect(checklistVocabulary('credit_negotiation', 'en')).toContain('net 30');
    const collection = checklistVocabulary('collection', 'ru');
    expect(collection).toEqual(expect.arrayContaining(['отсрочка платежа', 'график погашения']));
    expect(new Set(collection).size).toBe(collection.length);

    const acme = loadChecklist({
      id: 'acme',
      version: '1',
      extends: 'credit_negotiation',
      items: [],
      vocabulary: { ru: ['акт сверки', 'ТеплоДом'] },
    });
    expect(acme.vocabulary.ru).toEqual(expect.arrayContaining(['отсрочка платежа', 'ТеплоДом']));
    expect(() => loadChecklist({ id: 'x', version: '1', items: [], vocabulary: { ru: [42] } })).toThrow(
      /\/vocabulary\/ru\/0/,
    );
  });
});
