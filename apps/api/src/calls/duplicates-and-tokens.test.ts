/**
 * Deduplication is per rep and never reveals a call the caller cannot read; a token acts with its
 * creator's current rights. Real app, database and recording.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { postUpload } from '../testing/multipart.ts';
import { useTestApp, type TestUser } from '../testing/test-app.ts';

const DEMO = path.resolve(import.meta.dirname, '../../demo-data');

const t = useTestApp();
let recording: Buffer;
let admin: TestUser;
let repA: TestUser;
let repB: TestUser;

beforeAll(async () => {
  recording = await readFile(path.join(DEMO, 'northwind-net30.ogg'));
  admin = await t.createUser('admin');
  repA = await t.createUser('rep');
  repB = await t.createUser('rep');
});

async function createToken(by: Record<string, string>, scopes: string[], teamIds: string[]): Promise<string> {
  const res = await t.sut.inject({
    method: 'POST',
    url: '/api/admin/tokens',
    headers: by,
    payload: { name: `pbx ${scopes.join('+')}`, scopes, teamIds },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().secret;
}

function uploadAs(headers: Record<string, string>, fields: Record<string, string>) {
  return postUpload(t.sut, headers, fields, [{ name: 'audio', filename: 'pbx.ogg', content: recording }]);
}
const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe('the same recording uploaded twice', () => {
  it("is a new call for another rep, and a duplicate answer never shows a call the caller can't read", async () => {
    const uploaderA = await createToken(admin.headers, ['calls:upload'], [repA.teamId!]);
    const uploaderB = await createToken(admin.headers, ['calls:upload'], [repB.teamId!]);
    const readerA = await createToken(admin.headers, ['calls:upload', 'calls:read'], [repA.teamId!]);

    const first = await uploadAs(bearer(uploaderA), { repId: repA.id });
    expect(first.statusCode, first.body).toBe(202);
    // Same bytes, another rep in another team: that rep's own call, not rep A's.
    const other = await uploadAs(bearer(uploaderB), { repId: repB.id });
    expect(other.statusCode, other.body).toBe(202);
    expect(other.json().id).not.toBe(first.json().id);

    // Same bytes, same rep, by an upload-only token: a duplicate, and nothing about the call.
    const again = await uploadAs(bearer(uploaderA), { repId: repA.id });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      error: 'duplicate_call',
      message: expect.stringMatching(/already uploaded/),
    });
    expect(again.body).not.toContain(first.json().id);

    // …by someone who may read rep A's calls: the existing call.
    const byReader = await uploadAs(bearer(readerA), { repId: repA.id });
    expect(byReader.statusCode).toBe(200);
    expect(byReader.json().id).toBe(first.json().id);
    const byRep = await uploadAs(repA.headers, {});
    expect(byRep.statusCode).toBe(200);
    expect(byRep.json().id).toBe(first.json().id);

    const rows = await t.database.db.selectFrom('calls').select(['rep_id']).execute();
    expect(rows.map((r) => r.rep_id).sort()).toEqual([repA.id, repB.id].sort());
  });
});

describe("a token's rights follow its creator", () => {
  it('stop at once when the admin who made it is demoted, and when disabled', async () => {
    for (const change of [{ role: 'director' }, { disabled: true }]) {
      const creator = await t.createUser('admin');
      const secret = await createToken(creator.headers, ['calls:read'], [repA.teamId!]);
      expect(
        (await t.sut.inject({ method: 'GET', url: '/api/calls', headers: bearer(secret) })).statusCode,
      ).toBe(200);

      const patch = await t.sut.inject({
        method: 'PATCH',
        url: `/api/admin/users/${creator.id}`,
        headers: admin.headers,
        payload: change,
      });
      expect(patch.statusCode, patch.body).toBe(200);
      const after = await t.sut.inject({ method: 'GET', url: '/api/calls', headers: bearer(secret) });
      expect(after.statusCode, JSON.stringify(change)).toBe(401);
    }
  });
});
