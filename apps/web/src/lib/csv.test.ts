import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('starts with a BOM, separates by ; and quotes what needs it', () => {
    const sut = toCsv([
      ['Менеджер', 'Доля'],
      ['Иванов; Пётр', 0.5],
      ['say "hi"', null],
    ]);
    expect(sut.charCodeAt(0)).toBe(0xfeff);
    expect(sut.slice(1)).toBe('Менеджер;Доля\r\n"Иванов; Пётр";0.5\r\n"say ""hi""";\r\n');
    expect([...new TextEncoder().encode(sut).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
