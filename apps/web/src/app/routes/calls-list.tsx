import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryStatus } from '../../components/error-message.tsx';
import { useCalls } from '../../features/calls/api/get-calls.ts';
import { CallsFilters } from '../../features/calls/components/calls-filters.tsx';
import { CallsTable } from '../../features/calls/components/calls-table.tsx';
import { PAGE_SIZE, toApiParams, useCallFilters } from '../../features/calls/hooks/use-call-filters.ts';
import { formatNumber } from '../../lib/format.ts';
import { rememberCallOrder } from './call-order.ts';
import { useSession } from './use-session.ts';

export function CallsListRoute() {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const { filters, update, clear } = useCallFilters();
  const params = useMemo(() => toApiParams(filters), [filters]);
  const calls = useCalls(params);
  const names = useRef<{ repId?: string; teamId?: string; clientId?: string }>({});
  const page = Number(filters.page ?? '1');

  // Names for the filter chips, learned from rows seen before the filter was set.
  for (const c of calls.data?.items ?? []) {
    if (filters.repId === c.repId && c.repName) names.current.repId = c.repName;
    if (filters.clientId === c.clientId && c.clientName) names.current.clientId = c.clientName;
    if (filters.teamId && filters.teamId === c.teamId && c.teamName) names.current.teamId = c.teamName;
  }
  useEffect(() => {
    if (calls.data) rememberCallOrder(calls.data.items.map((c) => c.id));
  }, [calls.data]);

  const total = calls.data?.total ?? 0;
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  const filtered = Object.keys(filters).some((k) => k !== 'page' && k !== 'sort');

  return (
    <div className="page">
      <div className="row spread">
        <h1>{t('list.title')}</h1>
        {user.role === 'rep' || user.role === 'manager' ? (
          <Link to="/upload" className="button-like primary">
            {t('list.uploadCalls')}
          </Link>
        ) : null}
      </div>
      <CallsFilters filters={filters} onChange={update} onClear={clear} names={names.current} />
      <QueryStatus query={calls} loading={t('list.loading')} />
      {calls.data ? (
        calls.data.items.length === 0 ? (
          <p className="empty">
            {filtered ? (
              <>
                {t('list.noMatch')}{' '}
                <button type="button" className="link" onClick={clear}>
                  {t('list.clear')}
                </button>
              </>
            ) : user.role === 'rep' || user.role === 'manager' ? (
              <>
                {t('list.empty')} <Link to="/upload">{t('list.uploadFirst')}</Link>
              </>
            ) : (
              t('list.emptyReadOnly')
            )}
          </p>
        ) : (
          <>
            <CallsTable calls={calls.data.items} sort={filters.sort ?? '-recorded_at'} onFilter={update} />
            <nav className="pager row" aria-label={t('list.pages')}>
              <span role="status">
                {t('list.range', {
                  first: formatNumber(first, i18n.language),
                  last: formatNumber(last, i18n.language),
                  total: formatNumber(total, i18n.language),
                })}
              </span>
              <button type="button" disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>
                ← {t('list.previous')}
              </button>
              <button
                type="button"
                disabled={last >= total}
                onClick={() => update({ page: String(page + 1) })}
              >
                {t('list.next')} →
              </button>
            </nav>
          </>
        )
      ) : null}
    </div>
  );
}
