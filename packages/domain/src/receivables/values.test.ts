import { describe, expect, it } from 'vitest';
import { parseAmount, parseDay } from './values.ts';

describe('amounts as accounting exports write them', () => {
  it.each([
    ['150 000,00', '150000.00', null],
    ['1\u00a0234\u00a0567,89', '1234567.89', null],
    ['1,234,567.89', '1234567.89', null],
    ['(1 200.00)', '-1200.00', null],
    ['150 000 ₽', '150000.00', 'RUB'],
    ['100 р.', '100.00', 'RUB'],
    ['$1,200', '1200.00', 'USD'],
    ['12,5', '12.50', null],
    ['', '0.00', null],
  ])('%s → %s', (text, value, currency) => {
    expect(parseAmount(text)).toEqual({ value, currency });
  });

  it('keeps kopecks exact from number cells, and refuses what is not an amount', () => {
    expect(parseAmount(1234.5)).toEqual({ value: '1234.50', currency: null });
    expect(parseAmount('12abc')).toBeNull();
    expect(parseAmount('1.2.3,4,5')).toBeNull();
    expect(parseAmount('12.345')).toBeNull(); // a thousandth of a rouble is a typo, not a price
  });
});

describe('dates', () => {
  it('reads Russian, ISO, 1C date-time, American slash dates and Excel serials', () => {
    expect(parseDay('31.12.2026')).toBe('2026-12-31');
    expect(parseDay('2026-12-31')).toBe('2026-12-31');
    expect(parseDay('01.03.2026 0:00:00')).toBe('2026-03-01');
    expect(parseDay('12/31/2026')).toBe('2026-12-31');
    expect(parseDay('05.11.26')).toBe('2026-11-05');
    expect(parseDay(46357)).toBe('2026-12-01');
    expect(parseDay(new Date(Date.UTC(2026, 1, 28)))).toBe('2026-02-28');
  });

  it('refuses days that do not exist', () => {
    expect(parseDay('31.02.2026')).toBeNull();
    expect(parseDay('завтра')).toBeNull();
  });
});
