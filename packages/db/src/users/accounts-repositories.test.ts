import { describe, expect, it } from 'vitest';
import { hasRecentAuditEntry, insertAuditEntry, listAuditEntries } from '../audit/audit-repository.ts';
import { countLoginFailures, recordLoginFailure } from '../sessions/login-failures-repository.ts';
import { deleteUserSessions, findSessionWithUser, insertSession } from '../sessions/sessions-repository.ts';
import { useTestDatabase } from '../testing.ts';
import {
  findApiTokenByHash,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
} from '../tokens/tokens-repository.ts';
import {
  countActiveAdmins,
  findLoginByEmail,
  insertTeam,
  insertUser,
  listTeams,
  listUsers,
  setManagedTeams,
  updateUser,
} from './users-repository.ts';

const sut = useTestDatabase();

describe('accounts repositories', () => {
  it('finds users by email case-insensitively, lists them with the teams a manager leads', async () => {
    const north = await insertTeam(sut.db, 'Север');
    const south = await insertTeam(sut.db, 'Юг');
    await insertUser(sut.db, {
      email: 'Rep@Example.com',
      name: 'Rep',
      role: 'rep',
      teamId: north.id,
      passwordHash: 'h',
    });
    const manager = await insertUser(sut.db, { email: 'boss@example.com', name: 'Boss', role: 'manager' });
    await setManagedTeams(sut.db, manager.id, [north.id, south.id]);
    const login = await findLoginByEmail(sut.db, ' rep@EXAMPLE.com ');
    expect(login?.passwordHash).toBe('h');
    expect(login?.user.teamId).toBe(north.id);
    const users = await listUsers(sut.db);
    expect(users.find((u) => u.id === manager.id)?.managedTeamIds.sort()).toEqual(
      [north.id, south.id].sort(),
    );
    expect(users.find((u) => u.email === 'Rep@Example.com')?.teamName).toBe('Север');
    const teams = await listTeams(sut.db);
    expect(teams.find((t) => t.id === north.id)).toMatchObject({ memberCount: 1, managerIds: [manager.id] });
    await insertUser(sut.db, { email: 'admin@example.com', name: 'A', role: 'admin' });
    expect(await countActiveAdmins(sut.db)).toBe(1);
    expect((await updateUser(sut.db, manager.id, { disabled: true }))?.disabled).toBe(true);
  });

  it('keeps sessions by hash and ends all but the current one', async () => {
    const user = await insertUser(sut.db, { email: 's@example.com', name: 'S', role: 'rep' });
    const at = new Date('2026-11-22T10:00:00Z');
    for (const idHash of ['a1', 'a2', 'a3']) {
      await insertSession(sut.db, { idHash, userId: user.id, csrfToken: 'c', at, ip: null, userAgent: null });
    }
    expect((await findSessionWithUser(sut.db, 'a1'))?.createdAt.toISOString()).toBe(at.toISOString());
    expect(await deleteUserSessions(sut.db, user.id, 'a2')).toBe(2);
    expect(await findSessionWithUser(sut.db, 'a1')).toBeNull();
    expect(await findSessionWithUser(sut.db, 'a2')).not.toBeNull();
  });

  it('counts login failures per key within the window', async () => {
    await recordLoginFailure(sut.db, ['account:x', 'ip:1'], new Date('2026-11-22T10:00:00Z'));
    await recordLoginFailure(sut.db, ['account:x'], new Date('2026-11-22T10:05:00Z'));
    const counts = await countLoginFailures(
      sut.db,
      ['account:x', 'ip:1', 'ip:2'],
      new Date('2026-11-22T10:01:00Z'),
    );
    expect(counts.get('account:x')?.count).toBe(1);
    expect(counts.has('ip:1')).toBe(false);
  });

  it('stores tokens with scopes and teams as arrays, and revokes once', async () => {
    const team = await insertTeam(sut.db, 'Tokens');
    const admin = await insertUser(sut.db, { email: 't@example.com', name: 'T', role: 'admin' });
    const token = await insertApiToken(sut.db, {
      name: 'PBX',
      tokenHash: 'hash1',
      prefix: 'ont_abcd',
      scopes: ['calls:upload'],
      teamIds: [team.id],
      createdBy: admin.id,
    });
    expect((await findApiTokenByHash(sut.db, 'hash1'))?.teamIds).toEqual([team.id]);
    expect((await listApiTokens(sut.db))[0]?.scopes).toEqual(['calls:upload']);
    expect(await revokeApiToken(sut.db, token.id, new Date())).toBe(true);
    expect(await revokeApiToken(sut.db, token.id, new Date())).toBe(false);
  });

  it('filters the audit log by actor, action prefix and time', async () => {
    const actor = await insertUser(sut.db, { email: 'audit@example.com', name: 'Au', role: 'manager' });
    const at = new Date('2026-11-20T10:00:00Z');
    await insertAuditEntry(sut.db, {
      actor: { userId: actor.id, tokenId: null },
      action: 'call.audio_played',
      objectType: 'call',
      objectId: 'c1',
      at,
    });
    await insertAuditEntry(sut.db, {
      actor: { userId: actor.id, tokenId: null },
      action: 'user.role_changed',
      details: { from: 'rep', to: 'manager' },
    });
    const calls = await listAuditEntries(
      sut.db,
      { actorUserId: actor.id, action: 'call.' },
      { limit: 10, offset: 0 },
    );
    expect(calls.items.map((e) => e.action)).toEqual(['call.audio_played']);
    expect(calls.items[0]?.actorEmail).toBe('audit@example.com');
    const recent = await listAuditEntries(
      sut.db,
      { from: new Date('2026-11-21T00:00:00Z') },
      { limit: 10, offset: 0 },
    );
    expect(recent.items.map((e) => e.details)).toContainEqual({ from: 'rep', to: 'manager' });
    // the entry of 10:00 counts since 09:00, not since 11:00
    const actorRef = { userId: actor.id, tokenId: null };
    for (const [since, recent] of [
      ['2026-11-20T09:00:00Z', true],
      ['2026-11-20T11:00:00Z', false],
    ] as const) {
      expect(await hasRecentAuditEntry(sut.db, actorRef, 'call.audio_played', 'c1', new Date(since))).toBe(
        recent,
      );
    }
  });
});
