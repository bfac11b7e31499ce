import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateTeam } from '../api/create-team.ts';
import { useTeams } from '../api/get-teams.ts';
import { useRenameTeam } from '../api/rename-team.ts';
import type { AdminTeam } from '../admin-types.ts';
import { AdminError } from './admin-error.tsx';
import { AdminSection } from './admin-section.tsx';

export function TeamsSection() {
  const { t } = useTranslation();
  const teams = useTeams();
  const create = useCreateTeam();
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  };
  return (
    <AdminSection title={t('admin.teams')} query={teams}>
      {(list) => (
        <>
          <form className="row" onSubmit={submit} aria-label={t('admin.newTeam')}>
            <label>
              {t('admin.teamName')}
              <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
            </label>
            <button type="submit" className="primary" disabled={create.isPending || !name.trim()}>
              {create.isPending ? t('common.saving') : t('admin.createTeam')}
            </button>
          </form>
          {create.isError ? <AdminError error={create.error} /> : null}
          {list.length === 0 ? (
            <p className="muted">{t('admin.noTeams')}</p>
          ) : (
            <ul>
              {list.map((team) => (
                <TeamRow key={team.id} team={team} />
              ))}
            </ul>
          )}
        </>
      )}
    </AdminSection>
  );
}

function TeamRow({ team }: { team: AdminTeam }) {
  const { t } = useTranslation();
  const rename = useRenameTeam();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(team.name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ id: team.id, name: name.trim() }, { onSuccess: () => setEditing(false) });
  };
  if (!editing)
    return (
      <li>
        {team.name} — {t('admin.members', { count: team.memberCount })}{' '}
        <button
          type="button"
          className="small-button"
          onClick={() => {
            setName(team.name);
            rename.reset();
            setEditing(true);
          }}
          aria-label={t('admin.renameTeamNamed', { name: team.name })}
        >
          {t('admin.rename')}
        </button>
      </li>
    );
  return (
    <li>
      <form className="row" onSubmit={submit}>
        <label>
          {t('admin.newNameFor', { name: team.name })}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoFocus />
        </label>
        <button type="submit" disabled={rename.isPending || !name.trim()}>
          {rename.isPending ? t('common.saving') : t('admin.save')}
        </button>
        <button type="button" onClick={() => setEditing(false)}>
          {t('common.cancel')}
        </button>
      </form>
      {rename.isError ? <AdminError error={rename.error} /> : null}
    </li>
  );
}
