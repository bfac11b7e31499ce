import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  countUserSessions,
  findLoginByEmail,
  getManagedTeamIds,
  insertSession,
  listAuditEntries,
} from '@onterms/db';
import { useTestDatabase } from '@onterms/db/testing';
import { teamCommand, userCommand, type AccountsIo } from './user-commands.ts';

const database = useTestDatabase();

function io(answers: (string | null)[] = [null]) {
  const out: string[] = [];
  const err: string[] = [];
  const sut: AccountsIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    promptSecret: async () => (answers.length ? answers.shift()! : null),
    openDatabase: async () => ({ db: database.db, embedded: false, close: async () => {} }),
  };
  return { sut, out, err };
}

describe('onterms user / team', () => {
  it('creates a user with a generated password printed once, hashed with argon2id', async () => {
    const t = io([null]);
    expect(await userCommand(['create', '--email', 'Admin@Example.com', '--role', 'admin'], t.sut)).toBe(0);
    const line = t.out.find((l) => l.startsWith('Password'))!;
    const password = line.split(': ').pop()!;
    expect(password).toMatch(/^[A-Za-z0-9]{18}$/);
    const login = await findLoginByEmail(database.db, 'admin@example.com');
    expect(login?.user.role).toBe('admin');
    expect(login?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verify(login!.passwordHash!, password)).toBe(true);
  });

  it('asks for the password on a terminal (twice) and does not print it', async () => {
    const t = io(['correct horse battery', 'correct horse battery']);
    expect(
      await userCommand(['create', '--email', 'rep1@example.com', '--role', 'rep', '--team', 'Север'], t.sut),
    ).toBe(0);
    expect(t.out).toEqual(['Created team Север.', 'Created rep rep1@example.com (team Север).']);
    const login = await findLoginByEmail(database.db, 'rep1@example.com');
    expect(await verify(login!.passwordHash!, 'correct horse battery')).toBe(true);
  });

  it('re-asks when the repeat differs or the password is too short', async () => {
    const t = io(['short', 'a long password 1', 'different', 'a long password 2', 'a long password 2']);
    expect(await userCommand(['create', '--email', 'rep2@example.com', '--role', 'rep'], t.sut)).toBe(0);
    expect(t.err).toEqual(['The password needs at least 10 characters.', 'The passwords differ.']);
    const login = await findLoginByEmail(database.db, 'rep2@example.com');
    expect(await verify(login!.passwordHash!, 'a long password 2')).toBe(true);
  });

  it('lets a manager lead several teams, and lists users', async () => {
    const t = io();
    expect(
      await userCommand(
        [
          'create',
          '--email',
          'm@example.com',
          '--role',
          'manager',
          '--team',
          'Север,Юг',
          '--password',
          'manager password',
        ],
        t.sut,
      ),
    ).toBe(0);
    const manager = (await findLoginByEmail(database.db, 'm@example.com'))!.user;
    expect((await getManagedTeamIds(database.db, manager.id)).length).toBe(2);
    const list = io();
    await userCommand(['list'], list.sut);
    expect(list.out).toContain('m@example.com\tmanager\tleads Север, Юг');
    expect(list.out).toContain('rep1@example.com\trep\tСевер');
  });

  it('refuses a duplicate email, an unknown role and a missing option with plain messages', async () => {
    const dup = io();
    expect(
      await userCommand(
        ['create', '--email', 'REP1@example.com', '--role', 'rep', '--password', 'long enough pw'],
        dup.sut,
      ),
    ).toBe(1);
    expect(dup.err[0]).toMatch(/already exists/);
    const bad = io();
    expect(await userCommand(['create', '--email', 'x@example.com', '--role', 'boss'], bad.sut)).toBe(2);
    expect(bad.err[0]).toMatch(/--role must be one of rep, manager, director, admin/);
    const missing = io();
    expect(await userCommand(['create', '--role', 'rep'], missing.sut)).toBe(2);
    expect(missing.err[0]).toMatch(/--email is required/);
  });

  it('changes a role, resets a password (ending sessions), disables; keeps the last admin', async () => {
    const rep = (await findLoginByEmail(database.db, 'rep2@example.com'))!.user;
    await insertSession(database.db, {
      idHash: 'cli-s1',
      userId: rep.id,
      csrfToken: 'c',
      at: new Date(),
      ip: null,
      userAgent: null,
    });
    const reset = io([null]);
    expect(await userCommand(['set-password', '--email', 'rep2@example.com'], reset.sut)).toBe(0);
    expect(await countUserSessions(database.db, rep.id)).toBe(0);
    expect(reset.out.some((l) => l.startsWith('Password'))).toBe(true);

    const promote = io();
    expect(
      await userCommand(['set-role', '--email', 'rep2@example.com', '--role', 'director'], promote.sut),
    ).toBe(0);
    expect(promote.out).toEqual(['rep2@example.com: rep → director.']);

    const demoteLast = io();
    expect(
      await userCommand(['set-role', '--email', 'admin@example.com', '--role', 'rep'], demoteLast.sut),
    ).toBe(1);
    expect(demoteLast.err[0]).toMatch(/last active admin/);

    expect(await userCommand(['disable', '--email', 'rep2@example.com'], io().sut)).toBe(0);
    expect((await findLoginByEmail(database.db, 'rep2@example.com'))!.user.disabled).toBe(true);
  });

  it('creates and lists teams', async () => {
    const t = io();
    expect(await teamCommand(['create', '--name', 'Запад'], t.sut)).toBe(0);
    expect(await teamCommand(['create', '--name', 'Запад'], t.sut)).toBe(0);
    expect(t.out).toEqual(['Created team Запад.', 'Team Запад already exists.']);
    const l = io();
    await teamCommand(['list'], l.sut);
    expect(l.out).toContain('Север\t1 member');
  });

  it('writes every change to the audit log as made on the command line, with no actor and no password', async () => {
    const before = new Date();
    await userCommand(
      ['create', '--email', 'audited@example.com', '--role', 'rep', '--team', 'Аудит'],
      io(['a long password 3', 'a long password 3']).sut,
    );
    await userCommand(['set-role', '--email', 'audited@example.com', '--role', 'manager'], io().sut);
    await userCommand(
      ['set-password', '--email', 'audited@example.com', '--password', 'a long password 4'],
      io().sut,
    );
    await userCommand(['disable', '--email', 'audited@example.com'], io().sut);
    await teamCommand(['create', '--name', 'Запад-2'], io().sut);

    const { items } = await listAuditEntries(database.db, { from: before }, { limit: 50, offset: 0 });
    expect(items.map((e) => e.action).sort()).toEqual(
      [
        'team.created',
        'team.created',
        'user.created',
        'user.disabled',
        'user.password_reset',
        'user.role_changed',
        'user.updated', // the rep's team gave way to the teams a manager leads
      ].sort(),
    );
    for (const entry of items) {
      expect(entry.actorUserId).toBeNull();
      expect(entry.actorTokenId).toBeNull();
      expect(entry.details).toMatchObject({ via: 'command_line' });
      expect(JSON.stringify(entry.details)).not.toMatch(/long password/);
    }
    expect(items.find((e) => e.action === 'user.role_changed')!.details).toMatchObject({
      from: 'rep',
      to: 'manager',
    });
  });
});
