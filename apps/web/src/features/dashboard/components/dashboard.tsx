import { Fragment, useEffect, useMemo } from 'react';
import type { CallType } from '@onterms/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage, Loading, QueryStatus } from '../../../components/error-message.tsx';
import { CallTypeFilter, DayRangeFilter } from '../../../components/filter-controls.tsx';
import { companyDay, formatDate, formatNumber } from '../../../lib/format.ts';
import {
  METRICS,
  useTermStats,
  type Metric,
  type TermStats,
  type TermStatsGroup,
  type TermStatsParams,
  type TermStatsReport,
} from '../api/get-term-stats.ts';
import { downloadCsv } from '../../../lib/csv.ts';
import { drillDownUrl, type CellKind, type DrillScope } from '../utils/drill-down.ts';
import { Sparkline } from './sparkline.tsx';
import { TrendChart } from './trend-chart.tsx';
import { StatsBasis } from './stats-basis.tsx';
import { TableHead } from '../../../components/table-head.tsx';

const FLAGS = ['payment_terms', 'deadline', 'sanctions', 'deflection'] as const;
/** The call counts under the KPIs, each opening the calls it counts. */
const COUNTS = ['analysed', 'failed', 'pending'] as const;

/** Calendar day `days` before today, as YYYY-MM-DD (the period picker's default: the last 12 weeks). */
function dayBefore(days: number): string {
  return companyDay(new Date(Date.now() - days * 86_400_000)); // today is the company's today
}

/**
 * The director's dashboard: are terms voiced, by rep (or team) and week. Every number is a link to
 * exactly the calls behind it. Filters live in the URL, like the calls list's.
 */
export function Dashboard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const filters = {
    from: params.get('from') ?? dayBefore(83),
    to: params.get('to') ?? dayBefore(0),
    groupBy: params.get('groupBy') === 'team' ? ('team' as const) : ('rep' as const),
    // From the address bar as typed; the API answers 400 for an unknown call type.
    callType: (params.get('callType') ?? undefined) as CallType | undefined,
  };
  const set = (key: string, value: string) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const base: Omit<TermStatsParams, 'groupBy'> = {
    from: filters.from,
    to: filters.to,
    ...(filters.callType && { callType: filters.callType }),
  };
  const groups = useTermStats({ ...base, groupBy: filters.groupBy });
  const weeks = useTermStats({ ...base, groupBy: 'week' });
  const labels = useMemo(
    () => Object.fromEntries(METRICS.map((m) => [m, t(`dashboard.metric.${m}`)])) as Record<Metric, string>,
    [t],
  );

  const pct = (v: number | null) =>
    v === null ? '—' : formatNumber(v, lang, { style: 'percent', maximumFractionDigits: 0 });
  const scopeOf = (g: TermStatsGroup, groupBy: TermStatsReport['groupBy']): DrillScope => ({
    range: g,
    ...(groupBy === 'rep' && g.key && { repId: g.key }),
    ...(groupBy === 'team' && g.key && { teamId: g.key }),
    callType: filters.callType,
  });
  /** A number that opens its calls; not a link when the group cannot be expressed as list filters. */
  const cell = (kind: CellKind, value: string, scope: DrillScope | null, title: string) =>
    scope ? (
      <Link to={drillDownUrl(kind, scope)} title={title} className="cell-link">
        {value}
      </Link>
    ) : (
      value
    );

  const report = groups.data;
  // Printing shows every table, the weekly one too.
  useEffect(() => {
    const open = () =>
      document.querySelectorAll('.dashboard details').forEach((d) => d.setAttribute('open', ''));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);
  const csvRows = (r: TermStatsReport, nameHeader: string, name: (g: TermStatsGroup) => string) => [
    [
      nameHeader,
      t('dashboard.analysed'),
      ...METRICS.flatMap((m) => [`${labels[m]}, %`, `${labels[m]}, ${t('dashboard.calls')}`]),
      t('dashboard.failed'),
      t('dashboard.pending'),
    ],
    ...r.groups.map((g) => [
      name(g),
      g.current.counts.analysed,
      ...METRICS.flatMap((m) => [
        g.current.shares[m] === null ? null : Math.round(g.current.shares[m]! * 1000) / 10,
        g.current.counts[m],
      ]),
      g.current.counts.failed,
      g.current.counts.pending,
    ]),
  ];
  const groupName = (g: TermStatsGroup) => g.label ?? t('dashboard.noTeam');
  const weekName = (g: TermStatsGroup) => formatDate(g.from, lang);

  return (
    <div className="page dashboard">
      <div className="row spread">
        <h1>{t('dashboard.title')}</h1>
        <div className="row no-print">
          <button type="button" onClick={() => window.print()}>
            {t('dashboard.print')}
          </button>
        </div>
      </div>
      <StatsBasis />
      <section className="filters no-print" aria-label={t('dashboard.filters')}>
        <div className="row wrap">
          <DayRangeFilter from={filters.from} to={filters.to} onChange={set} />
          <CallTypeFilter value={filters.callType} onChange={(v) => set('callType', v)} />
          <label>
            {t('dashboard.groupBy')}
            <select
              value={filters.groupBy}
              onChange={(e) => set('groupBy', e.target.value === 'rep' ? '' : e.target.value)}
            >
              <option value="rep">{t('dashboard.byRep')}</option>
              <option value="team">{t('dashboard.byTeam')}</option>
            </select>
          </label>
        </div>
      </section>
      <QueryStatus query={groups} loading={t('common.loading')} />
      {report ? (
        <>
          <p className="muted small">
            {t('dashboard.period', {
              from: formatDate(report.period.from, lang),
              to: formatDate(new Date(Date.parse(report.period.to) - 1).toISOString(), lang),
              timeZone: report.timeZone,
            })}
          </p>
          <section aria-label={t('dashboard.kpis')} className="kpis">
            {METRICS.map((m) => (
              <Kpi
                key={m}
                label={labels[m]}
                metric={m}
                current={report.total.current}
                previous={report.total.previous}
                pct={pct}
                link={drillDownUrl(m, { range: report.period, callType: filters.callType })}
              />
            ))}
          </section>
          <p className="small">
            {COUNTS.map((kind, i) => (
              <Fragment key={kind}>
                {i > 0 ? ' · ' : null}
                {t(`dashboard.${kind}`)}:{' '}
                {cell(
                  kind,
                  formatNumber(report.total.current.counts[kind], lang),
                  { range: report.period, callType: filters.callType },
                  t('dashboard.openCalls'),
                )}
              </Fragment>
            ))}
          </p>

          <section aria-labelledby="dash-trend">
            <h2 id="dash-trend">{t('dashboard.trend')}</h2>
            {weeks.data ? (
              <>
                <TrendChart
                  weeks={weeks.data.groups}
                  metrics={METRICS}
                  labels={labels}
                  locale={lang}
                  title={t('dashboard.trend')}
                  weekLabel={t('dashboard.week')}
                />
                <details>
                  <summary>{t('dashboard.byWeek')}</summary>
                  <button
                    type="button"
                    className="no-print"
                    onClick={() =>
                      downloadCsv('onterms-weeks.csv', csvRows(weeks.data, t('dashboard.week'), weekName))
                    }
                  >
                    {t('dashboard.csv')}
                  </button>
                  <StatsTable
                    report={weeks.data}
                    nameHeader={t('dashboard.week')}
                    name={weekName}
                    scope={(g) => scopeOf(g, 'week')}
                    cell={cell}
                    pct={pct}
                    labels={labels}
                    trend={false}
                  />
                </details>
              </>
            ) : weeks.isError ? (
              <ErrorMessage error={weeks.error} onRetry={() => void weeks.refetch()} />
            ) : (
              <Loading label={t('common.loading')} />
            )}
          </section>

          <section aria-labelledby="dash-table">
            <div className="row spread">
              <h2 id="dash-table">
                {filters.groupBy === 'team' ? t('dashboard.tableTeams') : t('dashboard.tableReps')}
              </h2>
              <button
                type="button"
                className="no-print"
                onClick={() =>
                  downloadCsv(
                    `onterms-${filters.groupBy}s.csv`,
                    csvRows(
                      report,
                      filters.groupBy === 'team' ? t('dashboard.team') : t('dashboard.rep'),
                      groupName,
                    ),
                  )
                }
              >
                {t('dashboard.csv')}
              </button>
            </div>
            {report.groups.length === 0 ? (
              <p className="empty">{t('dashboard.empty')}</p>
            ) : (
              <StatsTable
                report={report}
                nameHeader={filters.groupBy === 'team' ? t('dashboard.team') : t('dashboard.rep')}
                name={groupName}
                scope={(g) => (g.key === null ? null : scopeOf(g, report.groupBy))}
                cell={cell}
                pct={pct}
                labels={labels}
                trend
              />
            )}
          </section>

          <section aria-labelledby="dash-trust">
            <div className="row spread">
              <h2 id="dash-trust">{t('dashboard.trust')}</h2>
              <button
                type="button"
                className="no-print"
                onClick={() =>
                  downloadCsv('onterms-trust.csv', [
                    [t('dashboard.flag'), t('dashboard.agreement'), t('dashboard.corrections')],
                    ...report.trust.map((f) => [
                      t(`dashboard.metric.${f.flag}`),
                      f.rate === null ? null : Math.round(f.rate * 1000) / 10,
                      f.corrections,
                    ]),
                  ])
                }
              >
                {t('dashboard.csv')}
              </button>
            </div>
            <p className="muted small">{t('dashboard.trustHint')}</p>
            <table className="stats-table">
              <TableHead
                columns={[t('dashboard.flag'), t('dashboard.agreement'), t('dashboard.corrections')]}
              />
              <tbody>
                {FLAGS.map((flag) => {
                  const f = report.trust.find((x) => x.flag === flag)!;
                  return (
                    <tr key={flag}>
                      <th scope="row">{labels[flag]}</th>
                      <td>
                        {f.rate === null ? (
                          <span className="muted">{t('dashboard.noCorrections')}</span>
                        ) : (
                          pct(f.rate)
                        )}
                      </td>
                      <td>{formatNumber(f.corrections, lang)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        </>
      ) : null}
    </div>
  );
}

function Kpi(props: {
  label: string;
  metric: Metric;
  current: TermStats;
  previous: TermStats;
  pct: (v: number | null) => string;
  link: string;
}) {
  const { t, i18n } = useTranslation();
  const now = props.current.shares[props.metric];
  const before = props.previous.shares[props.metric];
  const delta = now !== null && before !== null ? Math.round((now - before) * 100) : null;
  // More deflections is worse; more of anything else is better.
  const good =
    delta === null || delta === 0 ? '' : delta > 0 !== (props.metric === 'deflection') ? 'up' : 'down';
  return (
    <Link to={props.link} className="kpi" aria-label={`${props.label}: ${props.pct(now)}`}>
      <span className="kpi-label">{props.label}</span>
      <span className="kpi-value">{props.pct(now)}</span>
      <span className="small muted">
        {formatNumber(props.current.counts[props.metric], i18n.language)} /{' '}
        {formatNumber(props.current.counts.analysed, i18n.language)}
      </span>
      <span className={`small kpi-delta ${good}`}>
        {delta === null
          ? t('dashboard.noPrevious')
          : t('dashboard.delta', { delta: `${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${Math.abs(delta)}` })}
      </span>
    </Link>
  );
}

function StatsTable(props: {
  report: TermStatsReport;
  nameHeader: string;
  name: (g: TermStatsGroup) => string;
  scope: (g: TermStatsGroup) => DrillScope | null;
  cell: (kind: CellKind, value: string, scope: DrillScope | null, title: string) => React.ReactNode;
  pct: (v: number | null) => string;
  labels: Record<Metric, string>;
  trend: boolean;
}) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <table className="stats-table">
      <thead>
        <tr>
          <th scope="col">{props.nameHeader}</th>
          <th scope="col">{t('dashboard.analysed')}</th>
          {METRICS.map((m) => (
            <th scope="col" key={m}>
              {props.labels[m]}
            </th>
          ))}
          <th scope="col">{t('dashboard.failed')}</th>
          <th scope="col">{t('dashboard.pending')}</th>
          {props.trend ? <th scope="col">{t('dashboard.weekly')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.report.groups.map((g) => {
          const scope = props.scope(g);
          const name = props.name(g);
          const countCell = (kind: 'analysed' | 'failed' | 'pending') => (
            <td>
              {props.cell(kind, n(g.current.counts[kind]), scope, `${name}: ${t(`dashboard.${kind}`)}`)}
            </td>
          );
          return (
            <tr key={g.key ?? 'none'}>
              <th scope="row">{name}</th>
              {countCell('analysed')}
              {METRICS.map((m) => (
                <td key={m} className={shareClass(m, g.current.shares[m])}>
                  {props.cell(
                    m,
                    props.pct(g.current.shares[m]),
                    scope,
                    `${name}: ${props.labels[m]} — ${n(g.current.counts[m])} / ${n(g.current.counts.analysed)}`,
                  )}
                  <span className="small muted"> {n(g.current.counts[m])}</span>
                </td>
              ))}
              {countCell('failed')}
              {countCell('pending')}
              {props.trend ? (
                <td>
                  <Sparkline
                    values={g.trend.map((w) => w.shares.allThree)}
                    label={`${name}: ${props.labels.allThree}, ${t('dashboard.weekly')}`}
                  />
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function shareClass(m: Metric, v: number | null): string {
  if (v === null) return '';
  const bad = m === 'deflection' ? v >= 0.3 : v < 0.6;
  return bad ? 'share-bad' : '';
}
