/**
 * API tokens (scope, team restriction, revocation, last use), the audit log, the admin routes for
 * users and teams, the initial admin from the environment and the demo users — real app and database.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findLoginByEmail } from '@onterms/db';
import { createTestDatabase } from '@onterms/db/testing';
import { mayUploadFor } from '../access/call-policy.ts';
import { createDemoUsers, ensureInitialAdmin } from '@onterms/domain';
import { createPasswordHasher } from '@onterms/domain';
import { sha256Hex } from '../auth/secrets.ts';
import { createAccessFixtures, type AccessFixtures } from '../testing/access-fixtures.ts';
import { postUpload } from '../testing/multipart.ts';
import { useTestApp } from '../testing/test-app.ts';

const t = useTestApp();
let fx: AccessFixtures;
let admin: Record<string, string>;

beforeAll(async () => {
  fx = await createAccessFixtures(t);
  admin = await fx.headersFor('admin');
});

const get = async (url: string, headers: Record<string, string>) =>
  t.sut.inject({ method: 'GET', url, headers });
/** PATCH an admin resource (`users/<id>`, `teams/<id>`) as the admin. */
const patchAsAdmin = async (path: string, payload: object) =>
  t.sut.inject({ method: 'PATCH', url: `/api/admin/${path}`, headers: admin, payload });
const audit = async (query: string) =>
  (await get(`/api/admin/audit?${query}`, admin)).json() as {
    items: {
      action: string;
      objectId: string | null;
      actorUserId: string | null;
      actorTokenId: string | null;
      details: unknown;
    }[];
    total: number;
  };

describe('API tokens', () => {
  let secret: string;
  let tokenId: string;

  it('are created by an admin, shown once, stored hashed, and listed without the secret', async () => {
    const res = await t.sut.inject({
      method: 'POST',
      url: '/api/admin/tokens',
      headers: admin,
      payload: { name: 'Телефония', scopes: ['calls:read'], teamIds: [fx.teams.a] },
    });
    expect(res.statusCode, res.body).toBe(201);
    secret = res.json().secret;
    tokenId = res.json().token.id;
    expect(secret).toMatch(/^ont_[A-Za-z0-9_-]{43}$/);
    const list = await get('/api/admin/tokens', admin);
    expect(list.body).not.toContain(secret);
    expect(list.json().find((x: { id: string }) => x.id === tokenId)).toMatchObject({
      name: 'Телефония',
      prefix: secret.slice(0, 10),
      scopes: ['calls:read'],
      teamIds: [fx.teams.a],
      lastUsedAt: null,
      revokedAt: null,
    });
    const row = await t.database.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', tokenId)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256Hex(secret));
    expect((await audit(`action=token.created`)).items[0]).toMatchObject({
      objectId: tokenId,
      actorUserId: fx.users.admin,
    });
  });

  it('act within their scope and teams only, and show when they were last used', async () => {
    const bearer = { authorization: `Bearer ${secret}` };
    const list = await get('/api/calls', bearer);
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([fx.calls.own, fx.calls.team].sort());
    expect((await get(`/api/calls/${fx.calls.other}`, bearer)).statusCode).toBe(404);
    const upload = await t.sut.inject({ method: 'POST', url: '/api/calls', headers: bearer });
    expect(upload.statusCode).toBe(403);
    expect((await get('/api/auth/me', bearer)).statusCode).toBe(403);
    const listed = (await get('/api/admin/tokens', admin))
      .json()
      .find((x: { id: string }) => x.id === tokenId);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('upload for reps of their teams only', async () => {
    const principal = (await t.auth.tokens.authenticate(fx.tokens.upload))!;
    expect(await mayUploadFor(t.database.db, principal, fx.users.rep)).toBe(true);
    expect(await mayUploadFor(t.database.db, principal, fx.users.rep2)).toBe(true);
    expect(await mayUploadFor(t.database.db, principal, fx.users.rep3)).toBe(false);
    const reader = (await t.auth.tokens.authenticate(fx.tokens.read))!;
    expect(await mayUploadFor(t.database.db, reader, fx.users.rep)).toBe(false);
    // Bearer requests need no CSRF token: the upload gets past access control to the body check.
    const res = await t.sut.inject({
      method: 'POST',
      url: '/api/calls',
      headers: { authorization: `Bearer ${fx.tokens.upload}` },
    });
    expect(res.statusCode).toBe(415);
  });

  it('upload a real recording for a rep of their team, and for nobody else', async () => {
    const recording = await readFile(
      path.resolve(import.meta.dirname, '../../demo-data/northwind-net30.ogg'),
    );
    const upload = (fields: Record<string, string>) =>
      postUpload(t.sut, { authorization: `Bearer ${fx.tokens.upload}` }, fields, [
        { name: 'audio', filename: 'pbx.ogg', content: recording },
      ]);
    const outside = await upload({ repId: fx.users.rep3 });
    expect(outside.statusCode, outside.body).toBe(400);
    expect(outside.json().error).toBe('unknown_rep');
    const nobody = await upload({});
    expect(nobody.json()).toMatchObject({
      error: 'unknown_rep',
      message: expect.stringMatching(/send the rep's id as repId/),
    });
    const ok = await upload({ repId: fx.users.rep2 });
    expect(ok.statusCode, ok.body).toBe(202);
    const call = await t.database.db
      .selectFrom('calls')
      .select(['rep_id', 'uploaded_by'])
      .where('id', '=', ok.json().id)
      .executeTakeFirstOrThrow();
    expect(call).toEqual({ rep_id: fx.users.rep2, uploaded_by: fx.users.admin });
    // The rep's manager sees it; the token itself (upload-only) may not read it back.
    expect((await get(`/api/calls/${ok.json().id}`, await fx.headersFor('manager'))).statusCode).toBe(200);
    expect(
      (await get(`/api/calls/${ok.json().id}`, { authorization: `Bearer ${fx.tokens.upload}` })).statusCode,
    ).toBe(404);
  });

  it('stop working at once when revoked', async () => {
    const bearer = { authorization: `Bearer ${secret}` };
    const revoke = await t.sut.inject({
      method: 'DELETE',
      url: `/api/admin/tokens/${tokenId}`,
      headers: admin,
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).not.toBeNull();
    expect((await get('/api/calls', bearer)).statusCode).toBe(401);
    expect((await audit('action=token.revoked')).items[0]?.objectId).toBe(tokenId);
  });

  it('refuse an unknown or malformed bearer, without falling back to the cookie', async () => {
    const cookieHeaders = await fx.headersFor('rep');
    for (const authorization of ['Bearer ont_nope', 'Bearer', 'Basic abc']) {
      expect((await get('/api/calls', { ...cookieHeaders, authorization })).statusCode, authorization).toBe(
        401,
      );
    }
  });

  it('require an existing team and a known scope', async () => {
    const bad = async (payload: object) =>
      (await t.sut.inject({ method: 'POST', url: '/api/admin/tokens', headers: admin, payload })).statusCode;
    expect(await bad({ name: 'x', scopes: ['calls:delete'], teamIds: [fx.teams.a] })).toBe(400);
    expect(await bad({ name: 'x', scopes: ['calls:upload'], teamIds: [] })).toBe(400);
    expect(
      await bad({ name: 'x', scopes: ['calls:upload'], teamIds: ['00000000-0000-4000-8000-000000000000'] }),
    ).toBe(400);
  });
});

describe('the audit log', () => {
  it('records a playback once (not per Range request) and a download separately', async () => {
    const manager = await fx.headersFor('manager');
    for (const range of ['bytes=0-3', 'bytes=4-9']) {
      expect((await get(`/api/calls/${fx.calls.team}/audio`, { ...manager, range })).statusCode).toBe(206);
    }
    expect((await get(`/api/calls/${fx.calls.team}/audio?variant=original`, manager)).statusCode).toBe(200);
    const entries = await audit(`objectId=${fx.calls.team}`);
    expect(entries.items.map((e) => e.action).sort()).toEqual(['call.audio_downloaded', 'call.audio_played']);
    expect(entries.items.every((e) => e.actorUserId === fx.users.manager)).toBe(true);
  });

  it('names the people, teams and calls behind the ids: who changed whose team, from which to which', async () => {
    const db = t.database.db;
    const teams = await db.selectFrom('teams').select(['id', 'name']).limit(2).execute();
    const rep = await t.createUser('rep', { teamId: teams[0]!.id });
    await db.updateTable('users').set({ name: 'Павел Смирнов' }).where('id', '=', rep.id).execute();
    const res = await patchAsAdmin(`users/${rep.id}`, { teamId: teams[1]!.id });
    expect(res.statusCode, res.body).toBe(200);
    const entry = (await audit(`action=user.updated&objectId=${rep.id}`)).items[0] as unknown as {
      actorName: string | null;
      details: unknown;
      names: Record<string, { kind: string; name: string }>;
    };
    expect(entry.details).toEqual({ teamId: { from: teams[0]!.id, to: teams[1]!.id } });
    expect(entry.actorName).not.toBeNull();
    expect(entry.names).toEqual({
      [rep.id]: { kind: 'user', name: 'Павел Смирнов' },
      [teams[0]!.id]: { kind: 'team', name: teams[0]!.name },
      [teams[1]!.id]: { kind: 'team', name: teams[1]!.name },
    });
    const played = (await audit(`objectId=${fx.calls.team}`)).items[0] as unknown as {
      names: Record<string, { kind: string; at?: string }>;
    };
    expect(played.names[fx.calls.team]).toMatchObject({ kind: 'call', at: expect.any(String) });
  });

  it('records what a token played, as the token', async () => {
    expect(
      (await get(`/api/calls/${fx.calls.own}/audio`, { authorization: `Bearer ${fx.tokens.read}` }))
        .statusCode,
    ).toBe(200);
    const entry = (await audit(`objectId=${fx.calls.own}&action=call.audio_played`)).items[0]!;
    expect(entry.actorTokenId).not.toBeNull();
  });

  it('records role changes with before and after, and filters by action prefix, actor and time', async () => {
    const res = await patchAsAdmin(`users/${fx.users.target}`, { role: 'director' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ role: 'director', teamId: null });
    const changed = await audit(`action=user.role_changed&objectId=${fx.users.target}`);
    expect(changed.items[0]).toMatchObject({
      actorUserId: fx.users.admin,
      details: { from: 'rep', to: 'director' },
    });

    const calls = await audit('action=call.');
    expect(calls.items.length).toBeGreaterThan(0);
    expect(calls.items.every((e) => e.action.startsWith('call.'))).toBe(true);
    const byManager = await audit(`actorId=${fx.users.manager}`);
    expect(byManager.items.every((e) => e.actorUserId === fx.users.manager)).toBe(true);
    expect((await audit('from=2100-01-01T00:00:00Z')).total).toBe(0);
    const page = await audit('pageSize=1&page=2');
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(2);
  });

  it('is for admins only', async () => {
    for (const actor of ['rep', 'manager', 'director'] as const) {
      expect((await get('/api/admin/audit', await fx.headersFor(actor))).statusCode).toBe(403);
    }
  });
});

describe('admin: users and teams', () => {
  it('creates a user with a generated password shown once, who can then sign in', async () => {
    const res = await t.sut.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin,
      payload: {
        email: 'new.manager@example.com',
        role: 'manager',
        managedTeamIds: [fx.teams.a, fx.teams.b],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { user, generatedPassword } = res.json();
    expect(user.managedTeamIds.sort()).toEqual([fx.teams.a, fx.teams.b].sort());
    const login = await t.sut.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: generatedPassword },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.teamIds.sort()).toEqual([fx.teams.a, fx.teams.b].sort());
    expect((await audit('action=user.created')).items[0]).toMatchObject({ objectId: user.id });
    const dup = await t.sut.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin,
      payload: { email: 'NEW.manager@example.com', role: 'rep' },
    });
    expect(dup.statusCode).toBe(409);
  });

  it('keeps at least one active admin', async () => {
    const res = await patchAsAdmin(`users/${fx.users.admin}`, { role: 'rep' });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/last active admin/);
  });

  it('creates and renames teams, with audit entries', async () => {
    const created = await t.sut.inject({
      method: 'POST',
      url: '/api/admin/teams',
      headers: admin,
      payload: { name: 'Восток' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(
      (
        await t.sut.inject({
          method: 'POST',
          url: '/api/admin/teams',
          headers: admin,
          payload: { name: 'Восток' },
        })
      ).statusCode,
    ).toBe(409);
    const renamed = await patchAsAdmin(`teams/${id}`, { name: 'Дальний Восток' });
    expect(renamed.json().name).toBe('Дальний Восток');
    expect((await audit(`objectId=${id}`)).items.map((e) => e.action).sort()).toEqual([
      'team.created',
      'team.renamed',
    ]);
  });
});

describe('first start and the demo', () => {
  it('creates the initial admin from the environment only while there is no user', async () => {
    const database = await createTestDatabase();
    try {
      const passwords = createPasswordHasher();
      const initialAdmin = { email: 'root@example.com', password: 'a long admin password' };
      expect(await ensureInitialAdmin(database.db, { initialAdmin: null }, passwords)).toEqual({
        outcome: 'no_users_and_no_admin_configured',
      });
      expect(await ensureInitialAdmin(database.db, { initialAdmin }, passwords)).toEqual({
        outcome: 'created',
        email: 'root@example.com',
      });
      expect(
        await ensureInitialAdmin(
          database.db,
          { initialAdmin: { ...initialAdmin, email: 'other@example.com' } },
          passwords,
        ),
      ).toEqual({
        outcome: 'users_exist',
      });
      const login = await findLoginByEmail(database.db, 'root@example.com');
      expect(login?.user.role).toBe('admin');
      expect(await passwords.verify(login!.passwordHash!, 'a long admin password')).toBe(true);
    } finally {
      await database.drop();
    }
  });

  it('keeps the demo passwords it is given, and makes new random ones for anyone without', async () => {
    const kept = await createDemoUsers(t.database.db, t.auth.passwords);
    const remembered = Object.fromEntries(kept.map((c) => [c.email, c.password]));
    const again = await createDemoUsers(t.database.db, t.auth.passwords, remembered);
    expect(again).toEqual(kept);
    const ok = await t.sut.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: kept[0]!.email, password: kept[0]!.password },
      remoteAddress: '203.0.113.8',
    });
    expect(ok.statusCode).toBe(200);
  });

  it('gives the demo users fresh random passwords when none are remembered', async () => {
    const first = await createDemoUsers(t.database.db, t.auth.passwords);
    expect(first.map((c) => c.role).sort()).toEqual(
      ['admin', 'director', 'manager', 'manager', 'rep', 'rep', 'rep', 'rep', 'rep', 'rep'].sort(),
    );
    const second = await createDemoUsers(t.database.db, t.auth.passwords);
    for (const [i, c] of second.entries()) {
      expect(c.password).toMatch(/^[A-Za-z0-9]{18}$/);
      expect(c.password).not.toBe(first[i]!.password);
    }
    const signIn = (email: string, password: string) =>
      t.sut.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password },
        remoteAddress: '203.0.113.9',
      });
    expect((await signIn(second[0]!.email, first[0]!.password)).statusCode).toBe(401);
    expect((await signIn(second[0]!.email, second[0]!.password)).statusCode).toBe(200);
  });
});
