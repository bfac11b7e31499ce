import { describe, expect, it } from 'vitest';
import { callDayIn, resolvePromiseDue } from './resolve-due.ts';

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

describe('the day of the call, where the company is', () => {
  it('keeps a call at 23:30 Moscow time on its Moscow day', () => {
    // 2026-11-18 23:30 in Moscow (UTC+3) is 20:30 UTC the same day.
    expect(callDayIn(new Date('2026-11-18T20:30:00Z'), 'Europe/Moscow')).toBe('2026-11-18');
  });

  it('counts a call at 00:30 Moscow time from the Moscow day, which UTC still calls yesterday', () => {
    const recordedAt = new Date('2026-11-18T21:30:00Z');
    expect(recordedAt.toISOString().slice(0, 10)).toBe('2026-11-18');
    expect(callDayIn(recordedAt, 'Europe/Moscow')).toBe('2026-11-19');
    expect(resolvePromiseDue({ anchor: 'tomorrow' }, callDayIn(recordedAt, 'Europe/Moscow'))).toBe(
      '2026-11-20',
    );
  });

  it('follows the zone it is given: 23:30 in New York is already the next day in UTC', () => {
    expect(callDayIn(new Date('2026-11-19T04:30:00Z'), 'America/New_York')).toBe('2026-11-18');
  });
});
