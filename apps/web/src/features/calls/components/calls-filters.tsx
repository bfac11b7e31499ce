import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CallTypeFilter, DayRangeFilter, SelectFilter } from '../../../components/filter-controls.tsx';
import { FLAG_IDS } from '../../../lib/flags.ts';
import { FINDING_KINDS } from '../../../types/finding-kinds.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { Filters } from '../hooks/use-call-filters.ts';

interface Props {
  filters: Filters;
  onChange: (change: Filters) => void;
  onClear: () => void;
  /** Names for the id filters set from the table (rep, team, client), when known. */
  names: { repId?: string; teamId?: string; clientId?: string };
}

const STATUSES = ['queued', 'processing', 'waiting', 'transcribed', 'analyzed', 'failed'];

interface SelectSpec {
  key: keyof Filters;
  label: string;
  options: readonly (readonly [string, string])[];
}

export function CallsFilters({ filters, onChange, onClear, names }: Props) {
  const { t, i18n } = useTranslation();
  // The dashboard links with exact instants (company-time-zone bounds), which a date input cannot show.
  const day = (v: string | undefined) => (v && !v.includes('T') ? v : '');
  const instants = [filters.from, filters.to].some((v) => v?.includes('T'));
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);
  const search = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: q.trim() || undefined });
  };
  const select = (key: keyof Filters, value: string) => onChange({ [key]: value || undefined });
  const flagOptions = FLAG_IDS.map((f) => [f, t(`flags.${f}`)] as const);
  // The select filters as data: the URL key each sets, its label and its choices, in display order
  // (the call type's own control sits between the status and reviewed ones).
  const selects: SelectSpec[] = [
    { key: 'missing', label: t('list.missing'), options: [['any', t('list.missingAny')], ...flagOptions] },
    {
      key: 'policyFinding',
      label: t('policy.findings.filter'),
      options: [
        ['any', t('policy.findings.filterAny')],
        ...FINDING_KINDS.map((k) => [k, t(`policy.findings.kind.${k}`)] as const),
      ],
    },
    { key: 'stated', label: t('list.stated'), options: [...flagOptions, ['all', t('list.statedAll')]] },
    {
      key: 'deflection',
      label: t('list.deflection'),
      options: [
        ['true', t('list.withDeflection')],
        ['false', t('list.withoutDeflection')],
      ],
    },
    { key: 'status', label: t('list.status'), options: STATUSES.map((s) => [s, t(`status.${s}`)] as const) },
  ];
  const reviewed: SelectSpec = {
    key: 'reviewed',
    label: t('list.reviewed'),
    options: [
      ['false', t('list.notReviewed')],
      ['true', t('list.reviewedOnly')],
    ],
  };
  const selectFilter = ({ key, label, options }: SelectSpec) => (
    <SelectFilter
      key={key}
      label={label}
      value={filters[key]}
      onChange={(v) => select(key, v)}
      options={options}
    />
  );
  const chips = (['repId', 'teamId', 'clientId'] as const).filter((k) => filters[k]);
  const any = Object.keys(filters).some((k) => k !== 'page' && k !== 'sort');

  return (
    <section className="filters" aria-label={t('list.filters')}>
      <form role="search" onSubmit={search} className="row">
        <label className="grow">
          <span className="visually-hidden">{t('list.searchLabel')}</span>
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('list.searchPlaceholder')}
            aria-label={t('list.searchLabel')}
          />
        </label>
        <button type="submit">{t('list.search')}</button>
      </form>
      <div className="row wrap">
        {selects.map(selectFilter)}
        <CallTypeFilter value={filters.callType} onChange={(v) => select('callType', v)} />
        {selectFilter(reviewed)}
        <DayRangeFilter from={day(filters.from)} to={day(filters.to)} onChange={select} />
        <label>
          {t('list.sort')}
          <select
            value={filters.sort ?? '-recorded_at'}
            onChange={(e) => select('sort', e.target.value === '-recorded_at' ? '' : e.target.value)}
          >
            {['-recorded_at', 'recorded_at', 'attention', '-duration', 'duration', 'client', '-client'].map(
              (s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}`)}
                </option>
              ),
            )}
          </select>
        </label>
        {any ? (
          <button type="button" onClick={onClear}>
            {t('list.clear')}
          </button>
        ) : null}
      </div>
      {chips.length || instants ? (
        <ul className="chips" aria-label={t('list.activeFilters')}>
          {instants ? (
            <li>
              <span className="chip">
                {t('list.chip.period')}: {filters.from ? formatDateTime(filters.from, i18n.language) : '…'} —{' '}
                {filters.to ? formatDateTime(filters.to, i18n.language) : '…'}
                <button
                  type="button"
                  onClick={() => onChange({ from: undefined, to: undefined })}
                  aria-label={t('list.removeFilter', { name: t('list.chip.period') })}
                >
                  ×
                </button>
              </span>
            </li>
          ) : null}
          {chips.map((k) => (
            <li key={k}>
              <span className="chip">
                {t(`list.chip.${k}`)}: {names[k] ?? filters[k]}
                <button
                  type="button"
                  onClick={() => onChange({ [k]: undefined })}
                  aria-label={t('list.removeFilter', { name: names[k] ?? filters[k] })}
                >
                  ×
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
