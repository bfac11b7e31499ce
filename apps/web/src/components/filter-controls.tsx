import { useTranslation } from 'react-i18next';

/** A labelled choice with "any" first: the filters of the calls list and the dashboard. */
export function SelectFilter({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string) => void;
  /** [value, text] in display order. */
  options: readonly (readonly [string, string])[];
}) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('list.any')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CallTypeFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SelectFilter
      label={t('list.callType')}
      value={value}
      onChange={onChange}
      options={[
        ['credit_negotiation', t('callType.credit_negotiation')],
        ['collection', t('callType.collection')],
      ]}
    />
  );
}

/** From / to as calendar days (YYYY-MM-DD). */
export function DayRangeFilter({
  from,
  to,
  onChange,
  labels,
}: {
  from: string;
  to: string;
  onChange: (key: 'from' | 'to', day: string) => void;
  /** The two labels, where the list's «С даты» / «По дату» would not read well. */
  labels?: { from: string; to: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {labels?.from ?? t('list.from')}
        <input type="date" value={from} onChange={(e) => onChange('from', e.target.value)} />
      </label>
      <label>
        {labels?.to ?? t('list.to')}
        <input type="date" value={to} onChange={(e) => onChange('to', e.target.value)} />
      </label>
    </>
  );
}
