import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  companyTimeZone,
  dayIn,
  daysBetween,
  endOfDayIn,
  firstOfMonth,
  mondayOf,
  startOfDayIn,
  todayIn,
} from './calendar-day.ts';

describe('the calendar day of an instant', () => {
  it('is the company zone’s day, not the UTC day', () => {
    expect(dayIn('2026-11-14T22:30:00Z', 'Europe/Moscow')).toBe('2026-11-15');
    expect(dayIn('2026-11-14T22:30:00Z', 'UTC')).toBe('2026-11-14');
    expect(dayIn(new Date('2026-03-01T03:00:00Z'), 'America/New_York')).toBe('2026-02-28');
  });

  it('counts a promise made at 00:30 in Moscow from that Moscow day', () => {
    expect(todayIn('Europe/Moscow', new Date('2026-12-06T21:30:00Z'))).toBe('2026-12-07');
  });
});

describe('where a calendar day starts and ends in a zone', () => {
  it('starts at local midnight and ends the millisecond before the next one', () => {
    expect(startOfDayIn('2026-11-15', 'Europe/Moscow').toISOString()).toBe('2026-11-14T21:00:00.000Z');
    expect(endOfDayIn('2026-11-15', 'Europe/Moscow').toISOString()).toBe('2026-11-15T20:59:59.999Z');
  });

  it('follows a clock change inside the day (New York, 1 November 2026: 25 hours)', () => {
    expect(startOfDayIn('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(endOfDayIn('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-02T04:59:59.999Z');
    expect(startOfDayIn('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  });

  it('gives an invalid date for something that is not a day', () => {
    expect(Number.isNaN(startOfDayIn('15.11.2026', 'Europe/Moscow').getTime())).toBe(true);
  });
});

describe('arithmetic on calendar days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-12-07', '2027-01-06')).toBe(30);
    expect(daysBetween('2026-12-07', '2026-12-01')).toBe(-6);
  });

  it('finds the ISO week’s Monday and the month’s first day, and steps months from the first', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(firstOfMonth('2026-12-07')).toBe('2026-12-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-01');
  });

  it('takes the company zone from the config, Moscow without one', () => {
    expect(companyTimeZone({ company: { timeZone: 'Asia/Almaty' } })).toBe('Asia/Almaty');
    expect(companyTimeZone({})).toBe('Europe/Moscow');
  });
});
