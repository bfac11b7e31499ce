import type { PromiseDue } from '@onterms/contracts';

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * The calendar day a promise's deadline names, counted from the day of the call (YYYY-MM-DD): the next
 * such weekday or day of the month on or after it, a day without a year in the coming twelve months,
 * N days later, or the end of the week (Sunday), month or quarter. Null when nothing names a day.
 */
export function resolvePromiseDue(due: PromiseDue, callDay: string): string | null {
  const day = new Date(`${callDay}T00:00:00Z`);
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth();
  if (due.date) {
    const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due.date);
    if (full) return due.date;
    const partial = /^--(\d{2})-(\d{2})$/.exec(due.date);
    if (!partial) return null;
    const candidate = new Date(Date.UTC(y, Number(partial[1]) - 1, Number(partial[2])));
    if (candidate < day) candidate.setUTCFullYear(y + 1);
    return iso(candidate);
  }
  if (due.dayOfMonth) {
    const candidate = new Date(Date.UTC(y, m, due.dayOfMonth));
    if (candidate < day || candidate.getUTCMonth() !== m)
      candidate.setTime(Date.UTC(y, m + 1, due.dayOfMonth));
    return iso(candidate);
  }
  if (due.weekday) {
    const today = ((day.getUTCDay() + 6) % 7) + 1;
    return iso(new Date(day.getTime() + ((due.weekday - today + 7) % 7) * 86_400_000));
  }
  if (due.days !== undefined) return iso(new Date(day.getTime() + due.days * 86_400_000));
  switch (due.anchor) {
    case 'today':
      return callDay;
    case 'tomorrow':
      return iso(new Date(day.getTime() + 86_400_000));
    case 'end_of_week': {
      const today = ((day.getUTCDay() + 6) % 7) + 1;
      return iso(new Date(day.getTime() + (7 - today) * 86_400_000));
    }
    case 'end_of_month':
      return iso(new Date(Date.UTC(y, m + 1, 0)));
    case 'end_of_quarter':
      return iso(new Date(Date.UTC(y, Math.floor(m / 3) * 3 + 3, 0)));
    default:
      return null;
  }
}
