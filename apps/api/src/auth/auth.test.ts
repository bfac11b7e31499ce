/**
 * Sign-in, sessions, password change, rate limiting and CSRF against the real app and database.
 * The clock is the authenticator's own (moved by the tests), so expiry needs no waiting.
 */
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { countUserSessions } from '@onterms/db';
import { useTestApp } from '../testing/test-app.ts';
import { createUser } from '@onterms/domain';
import { WRONG_CREDENTIALS } from './authenticator.ts';
import { createPasswordHasher, type PasswordHasher } from '@onterms/domain';
import { sha256Hex } from './secrets.ts';
import { SESSION_COOKIE, SessionService } from './sessions.ts';

let clock = new Date('2026-11-22T09:00:00Z');
const advance = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

/** The real hasher, recording which hash every verification ran against. */
const real = createPasswordHasher();
const verifiedAgainst: string[] = [];
const passwords: PasswordHasher = {
  hash: real.hash,
  dummyHash: real.dummyHash,
  verify: async (hash, password) => {
    verifiedAgainst.push(hash);
    return real.verify(hash, password);
  },
};

const t = useTestApp({
  auth: {
    now: () => clock,
    passwords,
    sessionIdleMinutes: 60,
    sessionAbsoluteHours: 12,
    rateLimit: { maxPerIp: 8 },
  },
});
let ipCounter = 0;
/** Each test signs in from its own address, so the per-IP limit of one test does not leak into another. */
const freshIp = () => `192.0.2.${++ipCounter}`;

async function newUser(role: 'rep' | 'admin' = 'rep', password = 'correct horse battery') {
  const { user } = await createUser(t.database.db, passwords, {
    email: `${role}-${Math.random().toString(36).slice(2)}@example.com`,
    role,
    password,
  });
  return { ...user, password };
}

async function login(
  email: string,
  password: string,
  ip = '198.51.100.1',
  cookies: Record<string, string> = {},
) {
  const res = await t.sut.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
    cookies,
  });
  const session = res.cookies.find((c) => c.name === SESSION_COOKIE);
  return {
    res,
    session: session?.value,
    csrf: res.statusCode === 200 ? (res.json().csrfToken as string) : '',
  };
}

const me = (session: string | undefined) =>
  t.sut.inject({ method: 'GET', url: '/api/auth/me', cookies: session ? { [SESSION_COOKIE]: session } : {} });

describe('first run', () => {
  it('tells anyone whether a user exists yet, so a fresh install can say how to create one', async () => {
    const firstRun = () => t.sut.inject({ method: 'GET', url: '/api/auth/first-run' });
    expect((await firstRun()).json()).toEqual({ usersExist: false });
    await newUser();
    expect((await firstRun()).json()).toEqual({ usersExist: true });
  });

  it('a malformed sign-in names the missing field', async () => {
    const res = await t.sut.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.c' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'bad_request', field: 'password' });
  });
});

describe('sign in', () => {
  it('sets an httpOnly, SameSite=Lax session cookie and returns who you are and a CSRF token', async () => {
    const user = await newUser();
    const { res, session, csrf } = await login(user.email.toUpperCase(), user.password);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: user.id, email: user.email, role: 'rep' });
    const set = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(set).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(set.secure).toBeFalsy(); // cookieSecure: false in this app (the loopback laptop mode)
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes

    const who = await me(session);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({
      user: { id: user.id },
      csrfToken: csrf,
      // No speech-to-text engine in this app: the UI warns before audio without a transcript.
      workspace: { speechToText: false, timeZone: 'Europe/Moscow' },
    });

    // Only the SHA-256 of the id is stored.
    const rows = await t.database.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows.map((r) => r.id_hash)).toEqual([sha256Hex(session!)]);
  });

  it('marks the cookie Secure when configured', async () => {
    const app = Fastify();
    await app.register(cookie);
    const user = await newUser();
    const sessions = new SessionService(t.database.db, {
      idleMs: 60_000,
      absoluteMs: 3_600_000,
      cookieSecure: true,
      now: () => clock,
    });
    app.post('/start', async (request, reply) => sessions.start(request, reply, user.id));
    const res = await app.inject({ method: 'POST', url: '/start' });
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
    });
    await app.close();
  });

  it('answers a wrong password and an unknown email alike, verifying a hash both times', async () => {
    const user = await newUser();
    verifiedAgainst.length = 0;
    const wrongPassword = await login(user.email, 'not the password', freshIp());
    const unknownEmail = await login('nobody@example.com', 'not the password', freshIp());
    expect(wrongPassword.res.statusCode).toBe(401);
    expect(unknownEmail.res.statusCode).toBe(401);
    expect(wrongPassword.res.json()).toEqual({ error: 'wrong_credentials', message: WRONG_CREDENTIALS });
    expect(unknownEmail.res.body).toBe(wrongPassword.res.body);
    expect(wrongPassword.session ?? unknownEmail.session).toBeUndefined();
    // The same argon2id work in both cases: the unknown email is checked against the dummy hash.
    expect(verifiedAgainst).toHaveLength(2);
    expect(verifiedAgainst[0]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(verifiedAgainst[1]).toBe(await passwords.dummyHash());
    expect(verifiedAgainst[1]).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses a disabled user with the same answer, and ends their sessions', async () => {
    const user = await newUser();
    const { session } = await login(user.email, user.password, freshIp());
    const admin = await t.createUser('admin');
    const patch = await t.sut.inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect((await me(session)).statusCode).toBe(401);
    const again = await login(user.email, user.password, freshIp());
    expect(again.res.statusCode).toBe(401);
    expect(again.res.json().message).toBe(WRONG_CREDENTIALS);
  });

  it('accepts credentials only as JSON (a cross-site form cannot sign anyone in)', async () => {
    const user = await newUser();
    const res = await t.sut.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${encodeURIComponent(user.email)}&password=${encodeURIComponent(user.password)}`,
    });
    expect(res.statusCode).toBe(415);
  });

  it('turns anonymous requests away with 401 everywhere but login, health and the API description', async () => {
    for (const url of ['/api/calls', '/api/auth/me', '/api/admin/users']) {
      const res = await t.sut.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toEqual({ error: 'unauthorized', message: 'Please sign in.' });
    }
    expect((await t.sut.inject({ method: 'GET', url: '/api/health' })).statusCode).not.toBe(401);
  });

  it('answers a path that matches no route with a plain 404, signed in or not: no handler runs', async () => {
    const res = await t.sut.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found', message: 'No route GET /api/no-such-route.' });
  });
});

describe('sessions', () => {
  it('issues a new id at login and ends the one the browser came with (no fixation)', async () => {
    const victim = await newUser();
    const attacker = await newUser();
    const planted = (await login(attacker.email, attacker.password, freshIp())).session!;
    const { session } = await login(victim.email, victim.password, freshIp(), { [SESSION_COOKIE]: planted });
    expect(session).toBeDefined();
    expect(session).not.toBe(planted);
    expect((await me(planted)).statusCode).toBe(401);
    expect((await me(session)).json().user.id).toBe(victim.id);
    // A made-up id the attacker chose is never adopted either.
    const chosen = 'a'.repeat(43);
    const second = await login(victim.email, victim.password, freshIp(), { [SESSION_COOKIE]: chosen });
    expect(second.session).not.toBe(chosen);
    expect((await me(chosen)).statusCode).toBe(401);
  });

  it('ends after the idle time without requests', async () => {
    const user = await newUser();
    const { session } = await login(user.email, user.password, freshIp());
    advance(59);
    expect((await me(session)).statusCode).toBe(200);
    advance(59); // 59 minutes since the last request: still alive
    expect((await me(session)).statusCode).toBe(200);
    advance(61);
    expect((await me(session)).statusCode).toBe(401);
    expect(await countUserSessions(t.database.db, user.id)).toBe(0);
  });

  it('ends after the absolute lifetime, however active', async () => {
    const user = await newUser();
    const { session } = await login(user.email, user.password, freshIp());
    for (let elapsed = 0; elapsed + 50 <= 12 * 60; elapsed += 50) {
      advance(50);
      expect((await me(session)).statusCode, `after ${elapsed + 50} minutes`).toBe(200);
    }
    advance(50); // 12 h 30 min since sign-in
    expect((await me(session)).statusCode).toBe(401);
  });

  it('logout ends the session and clears the cookie', async () => {
    const user = await newUser();
    const { session, csrf } = await login(user.email, user.password, freshIp());
    const res = await t.sut.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { [SESSION_COOKIE]: session! },
      headers: { 'x-csrf-token': csrf },
    });
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    expect((await me(session)).statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('ends every other session, renews this one, and only the new password works afterwards', async () => {
    const user = await newUser();
    const a = await login(user.email, user.password, freshIp());
    const b = await login(user.email, user.password, freshIp());
    const change = (payload: object) =>
      t.sut.inject({
        method: 'POST',
        url: '/api/auth/password',
        cookies: { [SESSION_COOKIE]: a.session! },
        headers: { 'x-csrf-token': a.csrf },
        payload,
      });

    const wrong = await change({ currentPassword: 'not it at all', newPassword: 'a brand new password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toBe('The current password is wrong.');
    const short = await change({ currentPassword: user.password, newPassword: 'short' });
    expect(short.json().message).toMatch(/at least 10 characters/);

    const ok = await change({ currentPassword: user.password, newPassword: 'a brand new password' });
    expect(ok.statusCode, ok.body).toBe(200);
    const renewed = ok.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    expect(renewed).not.toBe(a.session);
    expect((await me(b.session)).statusCode).toBe(401);
    expect((await me(a.session)).statusCode).toBe(401);
    const now = await me(renewed);
    expect(now.statusCode).toBe(200);
    expect(now.json().csrfToken).toBe(ok.json().csrfToken);

    expect((await login(user.email, user.password, freshIp())).res.statusCode).toBe(401);
    expect((await login(user.email, 'a brand new password', freshIp())).res.statusCode).toBe(200);
  });
});

describe('login rate limits', () => {
  it('after 5 failures for an account, refuses even the right password until the window passes', async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i++)
      expect((await login(user.email, `wrong ${i}`, freshIp())).res.statusCode).toBe(401);
    const limited = await login(user.email, user.password, freshIp());
    expect(limited.res.statusCode).toBe(429);
    expect(limited.res.json().error).toBe('too_many_requests');
    expect(Number(limited.res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    // Others are not affected.
    const other = await newUser();
    expect((await login(other.email, other.password, freshIp())).res.statusCode).toBe(200);
    advance(16);
    expect((await login(user.email, user.password, freshIp())).res.statusCode).toBe(200);
  });

  it('limits an unknown email exactly like a known one', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('ghost@example.com', 'guess', freshIp())).res.statusCode).toBe(401);
    expect((await login('ghost@example.com', 'guess', freshIp())).res.statusCode).toBe(429);
  });

  it('limits one IP trying many accounts', async () => {
    const ip = freshIp();
    for (let i = 0; i < 8; i++)
      expect((await login(`spray${i}@example.com`, 'Password1!', ip)).res.statusCode).toBe(401);
    const user = await newUser();
    expect((await login(user.email, user.password, ip)).res.statusCode).toBe(429);
    expect((await login(user.email, user.password, freshIp())).res.statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  it('requires the session CSRF token on cookie-authenticated state changes, not on reads', async () => {
    const user = await newUser();
    const { session, csrf } = await login(user.email, user.password, freshIp());
    const logout = (headers: Record<string, string>) =>
      t.sut.inject({
        method: 'POST',
        url: '/api/auth/logout',
        cookies: { [SESSION_COOKIE]: session! },
        headers,
      });
    for (const headers of [
      {} as Record<string, string>,
      { 'x-csrf-token': 'forged' },
      { 'x-csrf-token': `${csrf}x` },
    ]) {
      const res = await logout(headers);
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('csrf_failed');
    }
    expect((await me(session)).statusCode).toBe(200); // GET needs no token; the session survived
    expect((await logout({ 'x-csrf-token': csrf })).statusCode).toBe(204);
  });

  it("does not accept another session's token", async () => {
    const a = await newUser();
    const b = await newUser();
    const sa = await login(a.email, a.password, freshIp());
    const sb = await login(b.email, b.password, freshIp());
    const res = await t.sut.inject({
      method: 'POST',
      url: '/api/auth/logout',
      cookies: { [SESSION_COOKIE]: sa.session! },
      headers: { 'x-csrf-token': sb.csrf },
    });
    expect(res.statusCode).toBe(403);
  });
});
