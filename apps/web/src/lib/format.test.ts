import { afterEach, describe, expect, it } from 'vitest';
import { companyDay, companyDayBoundary, formatDateTime, parseMoment, setCompanyTimeZone } from './format.ts';

afterEach(() => setCompanyTimeZone(undefined));

describe('parseMoment (?t= in links)', () => {
  it('takes seconds, m:ss and h:mm:ss; refuses anything else', () => {
    expect(parseMoment('81.5')).toBe(81.5);
    expect(parseMoment('0:18')).toBe(18);
    expect(parseMoment('1:21')).toBe(81);
    expect(parseMoment('1:02:07')).toBe(3727);
    expect(parseMoment('abc')).toBeNaN();
    expect(parseMoment('1:2:3:4')).toBeNaN();
    expect(parseMoment(null)).toBeNaN();
  });
});

describe('dates in the company time zone, whatever the browser', () => {
  it('shows 22:30 UTC on the 14th as the 15th, 01:30, in Moscow', () => {
    setCompanyTimeZone('Europe/Moscow');
    expect(formatDateTime('2026-11-14T22:30:00Z', 'ru')).toMatch(/15 нояб.*01:30/);
    expect(companyDay('2026-11-14T22:30:00Z')).toBe('2026-11-15');
    setCompanyTimeZone('America/New_York');
    expect(companyDay('2026-11-14T22:30:00Z')).toBe('2026-11-14');
  });

  it("a date field's day runs from the company's midnight to the next", () => {
    setCompanyTimeZone('Europe/Moscow');
    expect(companyDayBoundary('2026-11-15', false).toISOString()).toBe('2026-11-14T21:00:00.000Z');
    expect(companyDayBoundary('2026-11-15', true).toISOString()).toBe('2026-11-15T20:59:59.999Z');
    // A day the clocks change: New York's 1 November 2026 is 25 hours long.
    setCompanyTimeZone('America/New_York');
    expect(companyDayBoundary('2026-11-01', false).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(companyDayBoundary('2026-11-01', true).toISOString()).toBe('2026-11-02T04:59:59.999Z');
  });
});
