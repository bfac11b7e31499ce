import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FlagChips, StatusBadge } from '../../../components/flag-chips.tsx';
import { formatClock, formatDateTime, formatDuration } from '../../../lib/format.ts';
import type { CallSummary, SearchHit } from '@onterms/contracts';
import type { Filters } from '../hooks/use-call-filters.ts';

interface Props {
  calls: CallSummary[];
  sort: string;
  onFilter: (change: Filters) => void;
}

const SORTABLE: Record<string, string> = { date: 'recorded_at', client: 'client', duration: 'duration' };

/** One dense line per call; rep, team and client names filter the list by that person or company. */
export function CallsTable({ calls, sort, onFilter }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const header = (column: keyof typeof SORTABLE, label: string) => {
    const field = SORTABLE[column]!;
    const dir = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : undefined;
    const next = dir === 'descending' ? field : `-${field}`;
    return (
      <th scope="col" aria-sort={dir ?? 'none'}>
        <button
          type="button"
          className="link"
          onClick={() => onFilter({ sort: next === '-recorded_at' ? undefined : next })}
        >
          {label} {dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : ''}
        </button>
      </th>
    );
  };
  return (
    <table className="calls">
      <thead>
        <tr>
          <th scope="col">{t('list.col.status')}</th>
          {header('date', t('list.col.date'))}
          {header('client', t('list.col.client'))}
          <th scope="col">{t('list.col.rep')}</th>
          {header('duration', t('list.col.duration'))}
          <th scope="col">{t('list.col.flags')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('list.col.open')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {calls.map((call) => (
          <Fragment key={call.id}>
            <tr className={call.hits?.length ? 'has-hits' : undefined}>
              <td>
                <StatusBadge status={call.status} />
              </td>
              <td className="nowrap">{formatDateTime(call.recordedAt, locale)}</td>
              <td>
                {call.clientName ? (
                  call.clientId ? (
                    <button
                      type="button"
                      className="link truncate"
                      title={call.clientName}
                      onClick={() => onFilter({ clientId: call.clientId! })}
                      aria-label={t('list.filterBy', { name: call.clientName })}
                    >
                      {call.clientName}
                    </button>
                  ) : (
                    <span className="truncate" title={call.clientName}>
                      {call.clientName}
                    </span>
                  )
                ) : (
                  <span className="muted">{t('list.noClient')}</span>
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="link truncate"
                  title={call.repName ?? undefined}
                  onClick={() => onFilter({ repId: call.repId })}
                  aria-label={t('list.filterBy', { name: call.repName ?? call.repId })}
                >
                  {call.repName ?? t('list.rep')}
                </button>
                {call.teamName ? (
                  <>
                    {' · '}
                    {call.teamId ? (
                      <button
                        type="button"
                        className="link small muted-link"
                        onClick={() => onFilter({ teamId: call.teamId! })}
                        aria-label={t('list.filterBy', { name: call.teamName })}
                      >
                        {call.teamName}
                      </button>
                    ) : (
                      <span className="muted small">{call.teamName}</span>
                    )}
                  </>
                ) : null}
              </td>
              <td className="nowrap">{call.durationSec ? formatDuration(call.durationSec, locale) : '—'}</td>
              <td>
                <FlagChips
                  flags={call.status === 'analyzed' ? call.flags : null}
                  corrected={call.corrected}
                  callId={call.id}
                  flagAt={call.flagAt}
                />
                {call.reviewedAt ? <span className="badge ok small">{t('list.reviewedBadge')}</span> : null}
              </td>
              <td>
                <Link
                  to={`/calls/${call.id}`}
                  aria-label={t('list.openCall', {
                    client: call.clientName ?? t('list.noClient'),
                    date: formatDateTime(call.recordedAt, locale),
                  })}
                >
                  {t('list.open')}
                </Link>
              </td>
            </tr>
            {call.hits?.length ? (
              <tr className="hits-row">
                <td colSpan={7}>
                  <ul className="hits">
                    {call.hits.slice(0, 3).map((hit) => (
                      <li key={hit.segment}>
                        <Link to={`/calls/${call.id}?t=${hit.start}`}>{formatClock(hit.start)}</Link>{' '}
                        <Highlighted hit={hit} />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}

function Highlighted({ hit }: { hit: SearchHit }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [from, to] of [...hit.ranges].sort((a, b) => a[0] - b[0])) {
    if (from < at) continue;
    parts.push(hit.text.slice(at, from));
    parts.push(<mark key={from}>{hit.text.slice(from, to)}</mark>);
    at = to;
  }
  parts.push(hit.text.slice(at));
  return <span className="hit-text">{parts}</span>;
}
