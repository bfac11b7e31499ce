import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
        <label>
          {t('list.missing')}
          <select value={filters.missing ?? ''} onChange={(e) => select('missing', e.target.value)}>
            <option value="">{t('list.any')}</option>
            <option value="any">{t('list.missingAny')}</option>
            <option value="payment_terms">{t('flags.payment_terms')}</option>
            <option value="deadline">{t('flags.deadline')}</option>
            <option value="sanctions">{t('flags.sanctions')}</option>
          </select>
        </label>
        <label>
          {t('policy.findings.filter')}
          <select
            value={filters.policyFinding ?? ''}
            onChange={(e) => select('policyFinding', e.target.value)}
          >
            <option value="">{t('list.any')}</option>
            <option value="any">{t('policy.findings.filterAny')}</option>
            {FINDING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`policy.findings.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('list.stated')}
          <select value={filters.stated ?? ''} onChange={(e) => select('stated', e.target.value)}>
            <option value="">{t('list.any')}</option>
            <option value="payment_terms">{t('flags.payment_terms')}</option>
            <option value="deadline">{t('flags.deadline')}</option>
            <option value="sanctions">{t('flags.sanctions')}</option>
            <option value="all">{t('list.statedAll')}</option>
          </select>
        </label>
        <label>
          {t('list.deflection')}
          <select value={filters.deflection ?? ''} onChange={(e) => select('deflection', e.target.value)}>
            <option value="">{t('list.any')}</option>
            <option value="true">{t('list.withDeflection')}</option>
            <option value="false">{t('list.withoutDeflection')}</option>
          </select>
        </label>
        <label>
          {t('list.status')}
          <select value={filters.status ?? ''} onChange={(e) => select('status', e.target.value)}>
            <option value="">{t('list.any')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('list.callType')}
          <select value={filters.callType ?? ''} onChange={(e) => select('callType', e.target.value)}>
            <option value="">{t('list.any')}</option>
            <option value="credit_negotiation">{t('callType.credit_negotiation')}</option>
            <option value="collection">{t('callType.collection')}</option>
          </select>
        </label>
        <label>
          {t('list.reviewed')}
          <select value={filters.reviewed ?? ''} onChange={(e) => select('reviewed', e.target.value)}>
            <option value="">{t('list.any')}</option>
            <option value="false">{t('list.notReviewed')}</option>
            <option value="true">{t('list.reviewedOnly')}</option>
          </select>
        </label>
        <label>
          {t('list.from')}
          <input type="date" value={day(filters.from)} onChange={(e) => select('from', e.target.value)} />
        </label>
        <label>
          {t('list.to')}
          <input type="date" value={day(filters.to)} onChange={(e) => select('to', e.target.value)} />
        </label>
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
