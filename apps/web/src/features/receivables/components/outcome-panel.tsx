import type { OutcomeReport } from '@onterms/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryStatus } from '../../../components/error-message.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useOutcome, type OutcomeGroupBy } from '../api/get-outcome.ts';
import { TableHead } from '../../../components/table-head.tsx';

/** Below this many clients a comparison says more about chance than about the terms. */
const SMALL_SAMPLE = 10;

/** Did clients pay? On-time share, days late and promises by group; heard the terms vs did not. */
export function OutcomePanel() {
  const { t, i18n } = useTranslation();
  const [groupBy, setGroupBy] = useState<OutcomeGroupBy>('rep');
  const outcome = useOutcome(groupBy);
  const pct = (share: number | null) =>
    share === null ? '—' : formatNumber(share, i18n.language, { style: 'percent' });
  const days = (d: number | null) =>
    d === null ? '—' : formatNumber(d, i18n.language, { maximumFractionDigits: 1 });
  return (
    <section className="outcome" aria-labelledby="outcome-title">
      <h2 id="outcome-title">{t('outcome.title')}</h2>
      <label>
        {t('dashboard.groupBy')}{' '}
        <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as OutcomeGroupBy)}>
          <option value="rep">{t('dashboard.byRep')}</option>
          <option value="team">{t('dashboard.byTeam')}</option>
          <option value="segment">{t('outcome.bySegment')}</option>
        </select>
      </label>
      <QueryStatus query={outcome} />
      {outcome.data ? (
        <>
          <div className="comparison" data-testid="outcome-comparison">
            {(['stated', 'notStated'] as const).map((bucket) => {
              const b = outcome.data.comparison[bucket];
              return (
                <article key={bucket} data-bucket={bucket}>
                  <h3>{t(`outcome.${bucket}`)}</h3>
                  <p className="kpi" data-testid={`outcome-${bucket}-share`}>
                    {pct(b.onTimeShare)}
                  </p>
                  <p>
                    {t('outcome.paidOnTime')} · {t('outcome.avgDaysLate')}: {days(b.avgDaysLate)}
                  </p>
                  <p className="small muted" data-testid={`outcome-${bucket}-counts`}>
                    {t('outcome.counts', { clients: b.clients, invoices: b.invoices })}
                    {b.clients < SMALL_SAMPLE ? ` · ${t('outcome.smallSample')}` : ''}
                  </p>
                  <details>
                    <summary>{t('outcome.clients')}</summary>
                    <ul className="small">
                      {b.clientList.map((c) => (
                        <li key={c.id}>
                          <Link to={`/clients/${c.id}`}>{c.name}</Link> — {c.onTime}/{c.invoices}
                        </li>
                      ))}
                    </ul>
                  </details>
                </article>
              );
            })}
          </div>
          <table data-testid="outcome-table">
            <TableHead
              columns={[
                t(`outcome.group.${groupBy}`),
                t('outcome.invoices'),
                t('outcome.paidOnTime'),
                t('outcome.avgDaysLate'),
                t('outcome.promisesKept'),
              ]}
            />
            <tbody>
              {outcome.data.groups.map((g) => (
                <tr key={g.key ?? 'none'}>
                  <td>
                    {groupBy === 'rep' && g.key ? (
                      <Link to={`/?repId=${g.key}`}>{g.label ?? '—'}</Link>
                    ) : (
                      (g.label ?? t('outcome.none'))
                    )}
                  </td>
                  <td>{g.invoices}</td>
                  <td>{pct(g.onTimeShare)}</td>
                  <td>{days(g.avgDaysLate)}</td>
                  <td>
                    {g.promises.kept}/{g.promises.total}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => download(outcome.data, groupBy)}>
            {t('dashboard.csv')}
          </button>
        </>
      ) : null}
    </section>
  );
}

/** The table as CSV (semicolon, BOM: opens in Excel with Cyrillic intact). */
export function outcomeCsv(report: OutcomeReport): string {
  const rows = [
    [
      'group',
      'invoices',
      'on_time',
      'on_time_share',
      'avg_days_late',
      'promises',
      'kept',
      'partly_kept',
      'broken',
    ],
    ...report.groups.map((g) => [
      g.label ?? g.key ?? '',
      g.invoices,
      g.onTime,
      g.onTimeShare ?? '',
      g.avgDaysLate ?? '',
      g.promises.total,
      g.promises.kept,
      g.promises.partlyKept,
      g.promises.broken,
    ]),
  ];
  return (
    '\ufeff' + rows.map((r) => r.map((v) => `"${String(v).replace(/"/g, '""')}"`).join(';')).join('\r\n')
  );
}

function download(report: OutcomeReport, groupBy: string) {
  const url = URL.createObjectURL(new Blob([outcomeCsv(report)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `outcome-${groupBy}-${report.today}.csv`;
  a.click();
  URL.revokeObjectURL(url);
}
