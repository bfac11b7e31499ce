import type { TFunction } from 'i18next';
import { formatDate, formatNumber } from '../../../lib/format.ts';
import type { MomentValues } from '@onterms/contracts';

/** The values read out of a moment in words: «отсрочка 21 день», «пени 0,1 % в день», «до 15-го числа». */
export function describeValues(values: MomentValues | undefined, t: TFunction, locale: string): string[] {
  if (!values) return [];
  const out: string[] = [];
  if (values.deferralDays !== undefined) out.push(t('values.deferral', { count: values.deferralDays }));
  if (values.prepaymentPercent !== undefined)
    out.push(
      t('values.prepayment', {
        percent: formatNumber(values.prepaymentPercent / 100, locale, {
          style: 'percent',
          maximumFractionDigits: 2,
        }),
      }),
    );
  if (values.creditLimit) {
    const { amount, currency } = values.creditLimit;
    const money = currency
      ? formatNumber(amount, locale, { style: 'currency', currency, maximumFractionDigits: 0 })
      : formatNumber(amount, locale);
    out.push(t('values.creditLimit', { amount: money }));
  }
  const due = values.dueDate;
  if (due) {
    if (due.kind === 'relative' && due.days !== undefined) {
      out.push(
        t('values.dueRelative', { count: due.days, from: t(`values.from.${due.from ?? 'unspecified'}`) }),
      );
    } else if (due.date) {
      const date = due.date.startsWith('--')
        ? due.date.slice(2).split('-').reverse().join('.')
        : formatDate(due.date, locale);
      out.push(t('values.dueDate', { date }));
    } else if (due.dayOfMonth !== undefined) {
      out.push(t('values.dueDayOfMonth', { day: due.dayOfMonth }));
    } else if (due.weekday !== undefined) {
      // 2024-01-01 was a Monday: weekday 1 → that date.
      const name = new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(
        new Date(Date.UTC(2024, 0, due.weekday, 12)),
      );
      out.push(t('values.dueWeekday', { weekday: name }));
    } else if (due.anchor) {
      out.push(t(`values.anchor.${due.anchor}`, { defaultValue: due.anchor }));
    }
  }
  if (values.penalty) {
    out.push(
      t('values.penalty', {
        rate: formatNumber(values.penalty.ratePercent / 100, locale, {
          style: 'percent',
          maximumFractionDigits: 3,
        }),
        per: t(`values.per.${values.penalty.per}`),
      }),
    );
  }
  for (const kind of values.sanctionKinds ?? []) {
    if (kind === 'penalty' && values.penalty) continue;
    out.push(t(`values.sanction.${kind}`, { defaultValue: kind }));
  }
  return out;
}
