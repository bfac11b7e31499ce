import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUser } from '../api/create-user.ts';
import { useTeams } from '../api/get-teams.ts';
import { useUsers } from '../api/get-users.ts';
import { useResetPassword } from '../api/reset-password.ts';
import { useUpdateUser } from '../api/update-user.ts';
import { ROLES, type AdminTeam, type AdminUser, type Role } from '../admin-types.ts';
import { AdminError } from './admin-error.tsx';
import { AdminSection, AdminTable } from './admin-section.tsx';
import { SecretOnce } from './secret-once.tsx';
import { TeamCheckboxes } from './team-checkboxes.tsx';

export function UsersSection() {
  const { t } = useTranslation();
  const users = useUsers();
  const teams = useTeams();
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const teamList = teams.data ?? [];
  return (
    <AdminSection title={t('admin.users')} query={users}>
      {(list) => (
        <>
          {secret ? (
            <SecretOnce label={secret.label} secret={secret.value} onDone={() => setSecret(null)} />
          ) : null}
          <CreateUserForm
            teams={teamList}
            onPassword={(email, value) => setSecret({ label: t('admin.passwordFor', { email }), value })}
          />
          <AdminTable
            caption={t('admin.users')}
            columns={[
              t('admin.name'),
              t('admin.email'),
              t('admin.role'),
              t('admin.team'),
              t('admin.state'),
              t('admin.actions'),
            ]}
          >
            {list.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                teams={teamList}
                onPassword={(value) =>
                  setSecret({ label: t('admin.passwordFor', { email: user.email }), value })
                }
              />
            ))}
          </AdminTable>
        </>
      )}
    </AdminSection>
  );
}

/** The roles to choose from, by their names in the reader's language. */
function RoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {t(`role.${role}`)}
    </option>
  ));
}

/** A rep's team to choose: none, or one of the teams. */
function TeamOptions({ teams }: { teams: AdminTeam[] }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{t('admin.noTeam')}</option>
      {teams.map((team) => (
        <option key={team.id} value={team.id}>
          {team.name}
        </option>
      ))}
    </>
  );
}

function TeamsChoice({
  teams,
  role,
  teamId,
  managedTeamIds,
  onTeam,
  onManaged,
  label,
}: {
  teams: AdminTeam[];
  role: Role;
  teamId: string;
  managedTeamIds: string[];
  onTeam: (id: string) => void;
  onManaged: (ids: string[]) => void;
  label: string;
}) {
  const { t } = useTranslation();
  if (role === 'rep')
    return (
      <label>
        {label}
        <select value={teamId} onChange={(e) => onTeam(e.target.value)}>
          <TeamOptions teams={teams} />
        </select>
      </label>
    );
  if (role === 'manager')
    return (
      <TeamCheckboxes
        legend={t('admin.ledTeams')}
        teams={teams}
        checked={managedTeamIds}
        onChange={onManaged}
        empty={<p className="muted small">{t('admin.noTeams')}</p>}
      />
    );
  return null;
}

function CreateUserForm({
  teams,
  onPassword,
}: {
  teams: AdminTeam[];
  onPassword: (email: string, password: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const empty = {
    email: '',
    name: '',
    role: 'rep' as Role,
    teamId: '',
    managedTeamIds: [] as string[],
    password: '',
  };
  const [form, setForm] = useState(empty);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        email: form.email.trim(),
        role: form.role,
        ...(form.name.trim() && { name: form.name.trim() }),
        ...(form.role === 'rep' && form.teamId && { teamId: form.teamId }),
        ...(form.role === 'manager' && { managedTeamIds: form.managedTeamIds }),
        ...(form.password && { password: form.password }),
      },
      {
        onSuccess: ({ user, generatedPassword }) => {
          setForm(empty);
          if (generatedPassword) onPassword(user.email, generatedPassword);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.newUser')} className="admin-form">
      <h3>{t('admin.newUser')}</h3>
      <div className="row">
        <label>
          {t('admin.email')}
          <input
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
            autoComplete="off"
          />
        </label>
        <label>
          {t('admin.name')}
          <input
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            maxLength={200}
          />
        </label>
        <label>
          {t('admin.role')}
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role })}>
            <RoleOptions />
          </select>
        </label>
        <TeamsChoice
          teams={teams}
          role={form.role}
          teamId={form.teamId}
          managedTeamIds={form.managedTeamIds}
          onTeam={(teamId) => setForm({ ...form, teamId })}
          onManaged={(managedTeamIds) => setForm({ ...form, managedTeamIds })}
          label={t('admin.team')}
        />
        <label>
          {t('admin.passwordOptional')}
          <input
            type="password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            autoComplete="new-password"
            aria-describedby="new-user-password-hint"
          />
        </label>
      </div>
      <p id="new-user-password-hint" className="small muted">
        {t('admin.passwordHint')}
      </p>
      <button type="submit" className="primary" disabled={create.isPending}>
        {create.isPending ? t('common.saving') : t('admin.createUser')}
      </button>
      {create.isError ? <AdminError error={create.error} /> : null}
    </form>
  );
}

function UserRow({
  user,
  teams,
  onPassword,
}: {
  user: AdminUser;
  teams: AdminTeam[];
  onPassword: (password: string) => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [confirmReset, setConfirmReset] = useState(false);
  const who = user.name || user.email;
  const teamNames = user.managedTeamIds
    .map((id) => teams.find((team) => team.id === id)?.name ?? id)
    .join(', ');
  return (
    <tr>
      <td>{user.name}</td>
      <td>{user.email}</td>
      <td>
        <select
          aria-label={t('admin.roleOf', { name: who })}
          value={user.role}
          disabled={update.isPending}
          onChange={(e) => {
            const role = e.target.value as Role;
            // A role decides what someone may see: asked before it is saved.
            if (window.confirm(t('firstDay.confirmRole', { name: who, role: t(`role.${role}`) })))
              update.mutate({ id: user.id, role });
          }}
        >
          <RoleOptions />
        </select>
      </td>
      <td>
        {user.role === 'rep' ? (
          <select
            aria-label={t('admin.teamOf', { name: who })}
            value={user.teamId ?? ''}
            disabled={update.isPending}
            onChange={(e) => {
              const teamId = e.target.value || null;
              const team = teams.find((x) => x.id === teamId)?.name ?? t('admin.noTeam');
              if (window.confirm(t('firstDay.confirmTeam', { name: who, team })))
                update.mutate({ id: user.id, teamId });
            }}
          >
            <TeamOptions teams={teams} />
          </select>
        ) : user.role === 'manager' ? (
          <details>
            <summary>{teamNames || t('admin.noLedTeams')}</summary>
            <TeamCheckboxes
              legend={t('admin.ledTeamsOf', { name: who })}
              teams={teams}
              checked={user.managedTeamIds}
              disabled={update.isPending}
              onChange={(managedTeamIds) => update.mutate({ id: user.id, managedTeamIds })}
            />
          </details>
        ) : (
          '—'
        )}
      </td>
      <td>{user.disabled ? t('admin.disabled') : t('admin.active')}</td>
      <td>
        <div className="row">
          <button
            type="button"
            className="small-button"
            disabled={update.isPending}
            onClick={() => update.mutate({ id: user.id, disabled: !user.disabled })}
            aria-label={t(user.disabled ? 'admin.enableNamed' : 'admin.disableNamed', { name: who })}
          >
            {user.disabled ? t('admin.enable') : t('admin.disable')}
          </button>
          {confirmReset ? (
            <span role="group" aria-label={t('admin.confirmReset', { name: who })}>
              <span className="small">{t('admin.confirmReset', { name: who })}</span>{' '}
              <button
                type="button"
                className="small-button"
                disabled={reset.isPending}
                onClick={() =>
                  reset.mutate(user.id, {
                    onSuccess: ({ generatedPassword }) => {
                      setConfirmReset(false);
                      if (generatedPassword) onPassword(generatedPassword);
                    },
                  })
                }
              >
                {t('admin.resetYes')}
              </button>{' '}
              <button type="button" className="small-button" onClick={() => setConfirmReset(false)}>
                {t('common.cancel')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="small-button"
              onClick={() => setConfirmReset(true)}
              aria-label={t('admin.resetNamed', { name: who })}
            >
              {t('admin.reset')}
            </button>
          )}
        </div>
        {update.isError ? <AdminError error={update.error} /> : null}
        {reset.isError ? <AdminError error={reset.error} /> : null}
      </td>
    </tr>
  );
}
