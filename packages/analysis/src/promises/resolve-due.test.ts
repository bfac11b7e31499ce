import { describe, expect, it } from 'vitest';
import { resolvePromiseDue } from './resolve-due.ts';

// 2026-11-18 is a Wednesday.
describe('the day a promised deadline names, from the day of the call', () => {
  it.each([
    [{ weekday: 5 }, '2026-11-20'],
    [{ weekday: 3 }, '2026-11-18'],
    [{ weekday: 1 }, '2026-11-23'],
    [{ dayOfMonth: 20 }, '2026-11-20'],
    [{ dayOfMonth: 5 }, '2026-12-05'],
    [{ date: '--12-03' }, '2026-12-03'],
    [{ date: '--01-15' }, '2027-01-15'],
    [{ date: '2026-12-01' }, '2026-12-01'],
    [{ days: 3, from: 'unspecified' }, '2026-11-21'],
    [{ anchor: 'tomorrow' }, '2026-11-19'],
    [{ anchor: 'end_of_week' }, '2026-11-22'],
    [{ anchor: 'end_of_month' }, '2026-11-30'],
    [{ anchor: 'end_of_quarter' }, '2026-12-31'],
  ] as const)('%j → %s', (due, expected) => {
    expect(resolvePromiseDue(due, '2026-11-18')).toBe(expected);
  });

  it('knows no day when none is named', () => {
    expect(resolvePromiseDue({}, '2026-11-18')).toBeNull();
  });
});
