import { describe, expect, it } from 'vitest';
import { moveItem, newItem, phrasesOf, placeOf, withPhrases, type DraftItem } from './checklist-draft.ts';

const item: DraftItem = {
  id: 'reconciliation',
  title: 'Акт сверки',
  cues: { ru: ['акт сверки', { pattern: 'сверк* <date>', gap: 3 }], en: ['reconciliation statement'] },
};

describe('the checklist form draft', () => {
  it('edits the phrases of a language one a line, keeping advanced cues', () => {
    expect(phrasesOf(item, 'ru')).toBe('акт сверки');
    const next = withPhrases(item, 'ru', 'акт сверки\n\n  сверка взаиморасчётов \n');
    expect(next.cues.ru).toEqual([
      'акт сверки',
      'сверка взаиморасчётов',
      { pattern: 'сверк* <date>', gap: 3 },
    ]);
    expect(withPhrases(item, 'en', ' ').cues).not.toHaveProperty('en');
  });

  it('moves items and names new ones without clashing', () => {
    const items = [item, { id: 'item_2', cues: {} }];
    expect(moveItem(items, 1, -1).map((i) => i.id)).toEqual(['item_2', 'reconciliation']);
    expect(moveItem(items, 1, 1)).toBe(items);
    expect(newItem(items).id).toBe('item_3');
  });

  it('places a server error beside the field its JSON path names', () => {
    expect(placeOf('/items/2/cues/en/0/pattern')).toEqual({ item: 2, field: 'en' });
    expect(placeOf('/items/0/id')).toEqual({ item: 0, field: 'id' });
    expect(placeOf('/items/1/questions')).toEqual({ item: 1, field: null });
    expect(placeOf('/extends')).toEqual({ item: null, field: null });
  });
});
