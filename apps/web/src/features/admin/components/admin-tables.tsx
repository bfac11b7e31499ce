import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../components/error-message.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useAudit } from '../api/get-audit.ts';
import { useTeams } from '../api/get-teams.ts';
import { useTokens } from '../api/get-tokens.ts';
import { useUsers } from '../api/get-users.ts';

function Block<T>({
  title,
  query,
  children,
}: {
  title: string;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <section className="admin-block" aria-label={title}>
      <h2>{title}</h2>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorMessage error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? children(query.data) : null}
    </section>
  );
}

/** Read-only admin overview: users, teams, API tokens, the latest audit entries. */
export function AdminTables() {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const teams = useTeams();
  const tokens = useTokens();
  const audit = useAudit();
  const date = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '—');
  return (
    <>
      <Block title={t('admin.users')} query={users}>
        {(list) => (
          <table className="calls">
            <thead>
              <tr>
                <th scope="col">{t('admin.name')}</th>
                <th scope="col">{t('admin.email')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('admin.team')}</th>
                <th scope="col">{t('admin.state')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{t(`role.${u.role}`, { defaultValue: u.role })}</td>
                  <td>
                    {u.teamName ??
                      (u.managedTeamIds.length ? t('admin.leads', { count: u.managedTeamIds.length }) : '—')}
                  </td>
                  <td>{u.disabled ? t('admin.disabled') : t('admin.active')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Block>
      <Block title={t('admin.teams')} query={teams}>
        {(list) => (
          <ul>
            {list.map((team) => (
              <li key={team.id}>
                {team.name} — {t('admin.members', { count: team.memberCount })}
              </li>
            ))}
          </ul>
        )}
      </Block>
      <Block title={t('admin.tokens')} query={tokens}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('admin.noTokens')}</p>
          ) : (
            <ul>
              {list.map((tok) => (
                <li key={tok.id}>
                  {tok.name} <code>{tok.prefix}…</code> {tok.scopes.join(', ')} · {t('admin.lastUsed')}:{' '}
                  {date(tok.lastUsedAt)}
                  {tok.revokedAt ? ` · ${t('admin.revoked')}` : ''}
                </li>
              ))}
            </ul>
          )
        }
      </Block>
      <Block title={t('admin.audit')} query={audit}>
        {(page) => (
          <table className="calls">
            <thead>
              <tr>
                <th scope="col">{t('admin.when')}</th>
                <th scope="col">{t('admin.who')}</th>
                <th scope="col">{t('admin.action')}</th>
                <th scope="col">{t('admin.object')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => (
                <tr key={e.id}>
                  <td className="nowrap">{date(e.at)}</td>
                  <td>{e.actorEmail ?? e.actorTokenName ?? '—'}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.objectType ? `${e.objectType} ${e.objectId ?? ''}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Block>
    </>
  );
}
