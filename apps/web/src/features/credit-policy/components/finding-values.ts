import type { TFunction } from 'i18next';
import type { PolicyFinding } from '@onterms/contracts';

type Value = PolicyFinding['stated'];

const PERCENT_KINDS = new Set(['prepayment_below_minimum']);
const DAY_KINDS = new Set(['deferral_over_limit']);

/** A finding's said or allowed value in words: days, a percentage, an amount, a penalty, a sanction, a form. */
export function describeValue(kind: string, value: Value, t: TFunction, language: string): string {
  if (value === null) return t('policy.findings.neverSaid');
  if (typeof value === 'number') {
    if (DAY_KINDS.has(kind)) return t('policy.findings.days', { count: value });
    if (PERCENT_KINDS.has(kind)) return `${value}%`;
    return String(value);
  }
  if (typeof value === 'string')
    return t(`policy.form.${value}`, {
      defaultValue: t(`policy.sanction.${value}`, { defaultValue: value }),
    });
  if (Array.isArray(value)) return value.map((v) => describeValue(kind, v, t, language)).join(', ');
  if ('amount' in value)
    return value.currency
      ? new Intl.NumberFormat(language, {
          style: 'currency',
          currency: value.currency,
          maximumFractionDigits: 0,
        }).format(value.amount)
      : new Intl.NumberFormat(language).format(value.amount);
  if ('ratePercent' in value) return `${value.ratePercent}% / ${t(`policy.per.${value.per}`)}`;
  const sanction = t(`policy.sanction.${value.kind}`, { defaultValue: value.kind });
  return value.afterDays !== undefined
    ? `${sanction} (${t('policy.card.daysLate', { count: value.afterDays })})`
    : sanction;
}
