import { TZDate } from '@date-fns/tz';

/**
 * Calendar days (`YYYY-MM-DD`) and the company's time zone — the one home of "which day is it" for the
 * server and the browser alike. A call at 23:30 in Moscow is on Moscow's day for a manager travelling
 * elsewhere, a promise made at 00:30 counts its "tomorrow" from that day, and a filter "to 7 March" ends
 * when 7 March ends in Moscow. The zone's offsets (DST included) come from @date-fns/tz; the arithmetic
 * on day strings is plain calendar maths in UTC, so a clock change never shifts a day.
 */
export type CalendarDay = string;

/** COMPANY_TIME_ZONE when the app runs without company settings (tests, the CLI's defaults). */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

const pad = (n: number) => String(n).padStart(2, '0');

function parts(day: CalendarDay): [number, number, number] | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? [Number(match[1]), Number(match[2]) - 1, Number(match[3])] : null;
}

/** The calendar day of an instant in a zone; without a zone, in the runtime's own (a browser before sign-in). */
export function dayIn(instant: Date | string | number, timeZone?: string): CalendarDay {
  const at = new Date(instant);
  const d = timeZone ? new TZDate(at.getTime(), timeZone) : at;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Today's calendar day in the zone. */
export function todayIn(timeZone?: string, now: Date = new Date()): CalendarDay {
  return dayIn(now, timeZone);
}

/**
 * The instant a calendar day starts in the zone (or the runtime's own); an invalid day gives an invalid
 * Date. Where the clocks skip midnight, the day starts at the first instant that exists.
 */
export function startOfDayIn(day: CalendarDay, timeZone?: string): Date {
  const p = parts(day);
  if (!p) return new Date(NaN);
  return timeZone ? new Date(new TZDate(p[0], p[1], p[2], timeZone).getTime()) : new Date(p[0], p[1], p[2]);
}

/** The last millisecond of a calendar day in the zone: the start of the next day, less one. */
export function endOfDayIn(day: CalendarDay, timeZone?: string): Date {
  return new Date(startOfDayIn(addDays(day, 1), timeZone).getTime() - 1);
}

const utc = (day: CalendarDay) => new Date(`${day}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const d = utc(day);
  if (Number.isNaN(d.getTime())) return day;
  d.setUTCDate(d.getUTCDate() + days);
  return iso(d);
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((utc(to).getTime() - utc(from).getTime()) / 86_400_000);
}

/** The Monday of the day's ISO week. */
export function mondayOf(day: CalendarDay): CalendarDay {
  return addDays(day, -((utc(day).getUTCDay() + 6) % 7));
}

export function firstOfMonth(day: CalendarDay): CalendarDay {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `months` away from the day's month. */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const d = utc(day);
  d.setUTCMonth(d.getUTCMonth() + months, 1);
  return iso(d);
}

/** COMPANY_TIME_ZONE from the parsed config, or the default where the app runs without company settings. */
export function companyTimeZone(config: { company?: { timeZone: string } }): string {
  return config.company?.timeZone ?? DEFAULT_TIME_ZONE;
}
