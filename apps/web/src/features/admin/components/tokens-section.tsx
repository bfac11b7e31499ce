import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format.ts';
import { useCreateToken } from '../api/create-token.ts';
import { useTeams } from '../api/get-teams.ts';
import { useTokens } from '../api/get-tokens.ts';
import { useUsers } from '../api/get-users.ts';
import { useRevokeToken } from '../api/revoke-token.ts';
import { TOKEN_SCOPES, type AdminToken, type TokenScope } from '../admin-types.ts';
import { AdminError } from './admin-error.tsx';
import { AdminSection, AdminTable } from './admin-section.tsx';
import { SecretOnce } from './secret-once.tsx';
import { TeamCheckboxes } from './team-checkboxes.tsx';

const toggle = <T,>(list: T[], value: T, on: boolean) =>
  on ? [...list, value] : list.filter((v) => v !== value);

export function TokensSection() {
  const { t, i18n } = useTranslation();
  const tokens = useTokens();
  const teams = useTeams();
  const users = useUsers();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['calls:upload']);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const teamName = (id: string) => teams.data?.find((team) => team.id === id)?.name ?? id;
  const userName = (id: string) => users.data?.find((u) => u.id === id)?.email ?? id;
  const date = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : t('admin.never'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), scopes, teamIds },
      {
        onSuccess: ({ token, secret }) => {
          setCreated({ name: token.name, secret });
          setName('');
          setTeamIds([]);
        },
      },
    );
  };
  const ready = name.trim() && scopes.length > 0 && teamIds.length > 0;

  return (
    <AdminSection title={t('admin.tokens')} query={tokens}>
      {(list) => (
        <>
          {created ? (
            <SecretOnce
              label={t('admin.tokenSecretFor', { name: created.name })}
              secret={created.secret}
              onDone={() => setCreated(null)}
            />
          ) : null}
          <form onSubmit={submit} aria-label={t('admin.newToken')} className="admin-form">
            <h3>{t('admin.newToken')}</h3>
            <label>
              {t('admin.tokenName')}
              <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
            </label>
            <fieldset>
              <legend>{t('admin.scopes')}</legend>
              {TOKEN_SCOPES.map((scope) => (
                <label key={scope}>
                  <input
                    type="checkbox"
                    checked={scopes.includes(scope)}
                    onChange={(e) => setScopes(toggle(scopes, scope, e.target.checked))}
                  />
                  <code>{scope}</code> — {t(`admin.scope.${scope === 'calls:upload' ? 'upload' : 'read'}`)}
                </label>
              ))}
            </fieldset>
            <TeamCheckboxes
              legend={t('admin.tokenTeams')}
              teams={teams.data ?? []}
              checked={teamIds}
              onChange={setTeamIds}
              empty={teams.data ? <p className="muted">{t('admin.noTeams')}</p> : null}
            />
            {teamIds.length && scopes.includes('calls:upload') ? (
              // The telephony system uploads on a rep's behalf by repId: the reps it may name, by name.
              <details className="token-reps">
                <summary>{t('firstDay.tokenReps')}</summary>
                <table className="calls">
                  <tbody>
                    {(users.data ?? [])
                      .filter(
                        (u) => u.role === 'rep' && u.teamId && teamIds.includes(u.teamId) && !u.disabled,
                      )
                      .map((u) => (
                        <tr key={u.id}>
                          <td>{u.name || u.email}</td>
                          <td>{teamName(u.teamId!)}</td>
                          <td>
                            <code className="wrap">{u.id}</code>
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </details>
            ) : null}
            <button type="submit" className="primary" disabled={create.isPending || !ready}>
              {create.isPending ? t('common.saving') : t('admin.createToken')}
            </button>
            {!ready ? <p className="small muted">{t('admin.tokenNeeds')}</p> : null}
          </form>
          {create.isError ? <AdminError error={create.error} /> : null}
          {list.length === 0 ? (
            <p className="muted">{t('admin.noTokens')}</p>
          ) : (
            <AdminTable
              caption={t('admin.tokens')}
              columns={[
                t('admin.name'),
                t('admin.scopes'),
                t('admin.tokenTeams'),
                t('admin.createdBy'),
                t('admin.lastUsed'),
                t('admin.state'),
              ]}
            >
              {list.map((token) => (
                <tr key={token.id}>
                  <td>
                    {token.name} <code>{token.prefix}…</code>
                  </td>
                  <td>{token.scopes.join(', ')}</td>
                  <td>{token.teamIds.map(teamName).join(', ')}</td>
                  <td>
                    {userName(token.createdBy)}
                    <div className="small muted">{date(token.createdAt)}</div>
                  </td>
                  <td className="nowrap">{date(token.lastUsedAt)}</td>
                  <td>
                    <RevokeCell token={token} date={date} />
                  </td>
                </tr>
              ))}
            </AdminTable>
          )}
        </>
      )}
    </AdminSection>
  );
}

function RevokeCell({ token, date }: { token: AdminToken; date: (iso: string | null) => string }) {
  const { t } = useTranslation();
  const revoke = useRevokeToken();
  const [confirming, setConfirming] = useState(false);
  if (token.revokedAt) return <>{t('admin.revokedAt', { date: date(token.revokedAt) })}</>;
  return (
    <>
      {confirming ? (
        <div role="group" aria-label={t('admin.confirmRevoke', { name: token.name })}>
          <p className="small">{t('admin.confirmRevoke', { name: token.name })}</p>
          <button
            type="button"
            onClick={() => revoke.mutate(token.id, { onSuccess: () => setConfirming(false) })}
            disabled={revoke.isPending}
          >
            {t('admin.revokeYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="small-button"
          onClick={() => setConfirming(true)}
          aria-label={t('admin.revokeNamed', { name: token.name })}
        >
          {t('admin.revoke')}
        </button>
      )}
      {revoke.isError ? <AdminError error={revoke.error} /> : null}
    </>
  );
}
