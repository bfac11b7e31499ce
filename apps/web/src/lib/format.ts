import { dayIn, endOfDayIn, startOfDayIn } from '@onterms/calendar';

/** Dates, numbers and durations in the user's locale (Intl), shared by every feature. */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/**
 * Dates are the company's (COMPANY_TIME_ZONE, from the session), not the browser's: a call at 23:30
 * in Moscow is on the same day for a manager travelling in another zone. Until signed in: the browser's.
 */
let companyTimeZone: string | undefined;

export function setCompanyTimeZone(timeZone: string | undefined): void {
  companyTimeZone = timeZone;
}

export function getCompanyTimeZone(): string | undefined {
  return companyTimeZone;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const zoned = companyTimeZone ? { ...options, timeZone: companyTimeZone } : options;
  const key = `d|${locale}|${JSON.stringify(zoned)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(locale, zoned)));
  return f;
}

/** The calendar day (YYYY-MM-DD) of an instant in the company's time zone, for date fields. */
export function companyDay(iso: string | Date): string {
  return dayIn(iso, companyTimeZone);
}

export function formatDateTime(iso: string, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f.format(value);
}

/** A media clock: 1:05, 12:03, 1:02:07 (the same in every locale, as players show it). */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${String(m).padStart(2, '0')}:${sec}`;
}

/**
 * A moment from a link's `?t=`: seconds (81.5), or a clock as people write it (1:21, 0:18, 1:02:07).
 * NaN when it is neither.
 */
export function parseMoment(value: string | null): number {
  if (!value) return NaN;
  const parts = value.trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return NaN;
  return parts.reduce((total, part) => total * 60 + Number(part), 0);
}

/** A duration in words for lists and headers: «14 мин 3 с», "1 h 2 min". */
export function formatDuration(seconds: number, locale: string): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const unit = (value: number, unit: 'hour' | 'minute' | 'second') =>
    formatNumber(value, locale, { style: 'unit', unit, unitDisplay: 'short' });
  if (h > 0) return `${unit(h, 'hour')} ${unit(m, 'minute')}`;
  if (m > 0) return `${unit(m, 'minute')} ${unit(sec, 'second')}`;
  return unit(sec, 'second');
}

export function formatBytes(bytes: number, locale: string): string {
  if (bytes >= 1024 ** 3)
    return formatNumber(bytes / 1024 ** 3, locale, {
      style: 'unit',
      unit: 'gigabyte',
      maximumFractionDigits: 1,
    });
  if (bytes >= 1024 ** 2)
    return formatNumber(bytes / 1024 ** 2, locale, {
      style: 'unit',
      unit: 'megabyte',
      maximumFractionDigits: 1,
    });
  return formatNumber(Math.max(1, Math.round(bytes / 1024)), locale, { style: 'unit', unit: 'kilobyte' });
}

/**
 * The instant a calendar day (YYYY-MM-DD) starts in the company's time zone, or — `end` — the last
 * millisecond before the next day starts. Without a company zone: the browser's day.
 */
export function companyDayBoundary(day: string, end: boolean): Date {
  return end ? endOfDayIn(day, companyTimeZone) : startOfDayIn(day, companyTimeZone);
}
