import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@onterms/domain';
import { postUpload } from '../testing/multipart.ts';
import { useTestApp, type TestUser } from '../testing/test-app.ts';

/** The audit log also says who signed out, who failed to sign in, who uploaded what and who changed tags. */
const t = useTestApp();
let admin: TestUser;

beforeAll(async () => {
  admin = await t.createUser('admin');
});

async function entries(action: string) {
  const res = await t.sut.inject({
    method: 'GET',
    url: `/api/admin/audit?action=${action}`,
    headers: admin.headers,
  });
  return res.json().items as {
    action: string;
    objectId: string | null;
    actorUserId: string | null;
    details: Record<string, unknown>;
  }[];
}

describe('audited', () => {
  it('a failed sign-in, with the email tried; then the sign-out', async () => {
    const { user } = await createUser(t.database.db, t.auth.passwords, {
      email: 'olga@example.com',
      name: 'Ольга',
      role: 'director',
      password: 'correct-horse-battery-9',
    });
    const wrong = await t.sut.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'olga@example.com', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    const unknown = await t.sut.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.com', password: 'whatever it is' },
    });
    expect(unknown.statusCode).toBe(401);
    const failed = await entries('auth.login_failed');
    expect(failed.map((e) => [e.details.email, e.objectId])).toEqual([
      ['nobody@example.com', null],
      ['olga@example.com', user.id],
    ]);

    const login = await t.sut.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'olga@example.com', password: 'correct-horse-battery-9' },
    });
    const cookie = login.headers['set-cookie']!.toString().split(';')[0]!;
    const out = await t.sut.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': login.json().csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect((await entries('auth.logout'))[0]).toMatchObject({ actorUserId: user.id, objectId: user.id });
  });

  it('an upload, by whom and for which rep', async () => {
    const rep = await t.createUser('rep');
    const recording = await readFile(
      path.resolve(import.meta.dirname, '../../demo-data/northwind-net30.ogg'),
    );
    const res = await postUpload(t.sut, rep.headers, {}, [
      { name: 'audio', filename: 'call.ogg', content: recording },
    ]);
    expect(res.statusCode).toBe(202);
    expect((await entries('call.uploaded'))[0]).toMatchObject({
      objectId: res.json().id,
      actorUserId: rep.id,
      details: { repId: rep.id, bytes: recording.length, transcript: false },
    });
  });

  it('a coaching tag added and removed', async () => {
    const added = await t.sut.inject({
      method: 'POST',
      url: '/api/coaching/tags',
      headers: admin.headers,
      payload: { label: { ru: 'торопится', en: 'Rushes' } },
    });
    expect(added.statusCode).toBe(201);
    const id = added.json().id;
    expect(
      (await t.sut.inject({ method: 'DELETE', url: `/api/coaching/tags/${id}`, headers: admin.headers }))
        .statusCode,
    ).toBe(204);
    expect((await entries('tag.')).map((e) => [e.action, e.objectId])).toEqual([
      ['tag.removed', id],
      ['tag.created', id],
    ]);
  });
});
