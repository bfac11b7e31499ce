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
        <SelectFilter
          label={t('list.missing')}
          value={filters.missing}
          onChange={(v) => select('missing', v)}
          options={[['any', t('list.missingAny')], ...flagOptions]}
        />
        <SelectFilter
          label={t('policy.findings.filter')}
          value={filters.policyFinding}
          onChange={(v) => select('policyFinding', v)}
          options={[
            ['any', t('policy.findings.filterAny')],
            ...FINDING_KINDS.map((k) => [k, t(`policy.findings.kind.${k}`)] as const),
          ]}
        />
        <SelectFilter
          label={t('list.stated')}
          value={filters.stated}
          onChange={(v) => select('stated', v)}
          options={[...flagOptions, ['all', t('list.statedAll')]]}
        />
        <SelectFilter
          label={t('list.deflection')}
          value={filters.deflection}
          onChange={(v) => select('deflection', v)}
          options={[
            ['true', t('list.withDeflection')],
            ['false', t('list.withoutDeflection')],
          ]}
        />
        <SelectFilter
          label={t('list.status')}
          value={filters.status}
          onChange={(v) => select('status', v)}
          options={STATUSES.map((s) => [s, t(`status.${s}`)] as const)}
        />
        <CallTypeFilter value={filters.callType} onChange={(v) => select('callType', v)} />
        <SelectFilter
          label={t('list.reviewed')}
          value={filters.reviewed}
          onChange={(v) => select('reviewed', v)}
          options={[
            ['false', t('list.notReviewed')],
            ['true', t('list.reviewedOnly')],
          ]}
        />
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
