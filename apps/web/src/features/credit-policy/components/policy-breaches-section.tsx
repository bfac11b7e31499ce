import { FINDING_KINDS } from '../../../types/finding-kinds.ts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../components/error-message.tsx';
import { downloadCsv } from '../../../lib/csv.ts';
import { useBreachCalls } from '../api/get-breaches.ts';
import { usePolicyStats } from '../api/get-policy-stats.ts';
import { BreachesTable } from './breaches-table.tsx';
import './credit-policy.css';

/**
 * The dashboard's breaches column: per rep, team or week, with the version the numbers come from; a
 * rep's row drills down to their calls with breaches; CSV of the table.
 */
export function PolicyBreachesSection() {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<'rep' | 'team' | 'week'>('rep');
  const [drill, setDrill] = useState<{ repId: string; label: string } | null>(null);
  const stats = usePolicyStats(groupBy);
  const calls = useBreachCalls(drill?.repId ?? '', drill !== null);
  if (stats.isPending) return null;
  if (stats.isError) return <ErrorMessage error={stats.error} />;
  const data = stats.data;
  const kinds = FINDING_KINDS.filter((k) => data.groups.some((g) => g.byKind[k]));
  const label = (key: string | null, l: string | null) => l ?? key ?? t('dashboard.noTeam');
  const csv = () =>
    downloadCsv(`policy-breaches-${groupBy}.csv`, [
      [
        groupBy === 'week'
          ? t('policy.stats.week')
          : groupBy === 'team'
            ? t('dashboard.team')
            : t('dashboard.rep'),
        t('policy.stats.checked'),
        t('policy.stats.withBreaches'),
        t('policy.stats.breaches'),
        t('policy.stats.omissions'),
        ...kinds.map((k) => t(`policy.findings.kind.${k}`)),
      ],
      ...data.groups.map((g) => [
        label(g.key, g.label),
        g.checked,
        g.callsWithBreaches,
        g.breaches,
        g.omissions,
        ...kinds.map((k) => g.byKind[k] ?? 0),
      ]),
    ]);
  return (
    <section className="panel policy-breaches" aria-labelledby="policy-breaches-title">
      <h2 id="policy-breaches-title">{t('policy.stats.title')}</h2>
      <p className="small muted">
        {data.policyVersion === null
          ? t('policy.stats.noPolicy')
          : t('policy.stats.version', { version: data.policyVersion })}{' '}
        {data.outdatedCalls > 0 ? t('policy.stats.outdated', { count: data.outdatedCalls }) : ''}
      </p>
      <div className="row">
        <label className="inline">
          {t('dashboard.groupBy')}{' '}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as typeof groupBy)}>
            <option value="rep">{t('dashboard.byRep')}</option>
            <option value="team">{t('dashboard.byTeam')}</option>
            <option value="week">{t('policy.stats.week')}</option>
          </select>
        </label>
        <button type="button" onClick={csv} disabled={!data.groups.length}>
          {t('policy.stats.csv')}
        </button>
      </div>
      {data.groups.length === 0 ? (
        <p className="empty">{t('policy.stats.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">
                {groupBy === 'week'
                  ? t('policy.stats.week')
                  : groupBy === 'team'
                    ? t('dashboard.team')
                    : t('dashboard.rep')}
              </th>
              <th scope="col">{t('policy.stats.checked')}</th>
              <th scope="col">{t('policy.stats.withBreaches')}</th>
              <th scope="col">{t('policy.stats.breaches')}</th>
              <th scope="col">{t('policy.stats.omissions')}</th>
              {kinds.map((k) => (
                <th scope="col" key={k}>
                  {t(`policy.findings.kind.${k}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.groups.map((g) => (
              <tr key={g.key ?? 'none'} data-key={g.key ?? ''}>
                <th scope="row">
                  {groupBy === 'rep' && g.key && g.callsWithBreaches > 0 ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setDrill({ repId: g.key!, label: label(g.key, g.label) })}
                    >
                      {label(g.key, g.label)}
                    </button>
                  ) : (
                    label(g.key, g.label)
                  )}
                </th>
                <td>{g.checked}</td>
                <td className="breaches-count">{g.callsWithBreaches}</td>
                <td>{g.breaches}</td>
                <td>{g.omissions}</td>
                {kinds.map((k) => (
                  <td key={k}>{g.byKind[k] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {drill && calls.data ? (
        <BreachesTable
          items={calls.data.items}
          caption={t('policy.stats.drillTitle', { who: drill.label })}
        />
      ) : null}
    </section>
  );
}
