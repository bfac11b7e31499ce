import type { Segment } from '@onterms/contracts';
import type { InProcessRunner } from '@onterms/pipeline';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_STATED, seedCall } from '../testing/seed-calls.ts';
import { demoCall } from '../testing/demo-call.ts';
import { useTestApp, type TestUser } from '../testing/test-app.ts';

const t = useTestApp();
let manager: TestUser;
let otherManager: TestUser;
let director: TestUser;
let rep: TestUser;
let segments: Segment[];
let callId: string;

beforeAll(async () => {
  rep = await t.createUser('rep');
  manager = await t.createUser('manager', { teamId: rep.teamId! });
  otherManager = await t.createUser('manager');
  director = await t.createUser('director');
  segments = (JSON.parse((await demoCall()).transcript) as { segments: Segment[] }).segments;
  callId = await seedCall(t.database.db, {
    repId: rep.id,
    client: 'СтройМаркет',
    segments,
    durationSec: 60,
    verdict: ALL_STATED,
  });
});

const put = (flag: string, payload: unknown, who: TestUser = manager, id = callId) =>
  t.sut.inject({
    method: 'PUT',
    url: `/api/calls/${id}/flags/${flag}`,
    headers: who.headers,
    payload: payload as object,
  });
const detail = async (who: TestUser = manager) => {
  const res = await t.sut.inject({ method: 'GET', url: `/api/calls/${callId}`, headers: who.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('correcting a flag', () => {
  it('stores the correction apart from the machine, shows who and why, and makes it the effective verdict', async () => {
    const before = await detail();
    expect(before.effective.sanctions).toEqual({
      stated: true,
      source: 'machine',
      moments: before.flags.sanctions.moments,
    });
    expect(before.corrections).toEqual({});
    expect(before.reviewedAt).toBeNull();

    const res = await put('sanctions', {
      stated: false,
      reason: 'Пени не названы, только «будут последствия».',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      flag: 'sanctions',
      stated: false,
      moments: [],
      reason: 'Пени не названы, только «будут последствия».',
      by: { id: manager.id, name: 'manager' },
      at: expect.any(String),
    });

    const after = await detail(rep);
    expect(after.flags.sanctions.stated).toBe(true); // the machine's verdict, untouched
    expect(after.corrections.sanctions).toMatchObject({
      stated: false,
      by: { id: manager.id },
      reason: expect.stringMatching(/Пени/),
    });
    // A verdict of "not stated" rests on no moment.
    expect(after.effective.sanctions).toEqual({ stated: false, source: 'correction', moments: [] });
    expect(after.effective.payment_terms).toEqual({
      stated: true,
      source: 'machine',
      moments: after.flags.payment_terms.moments,
    });
    expect(after).toMatchObject({
      repName: 'rep',
      teamName: expect.any(String),
      reviewedAt: expect.any(String),
    });
  });

  it('moves or adds moments by segment index, with times and words from the transcript', async () => {
    const res = await put('deflection', {
      stated: true,
      moments: [{ segment: 4 }, { segment: 1 }, { segment: 4 }],
      reason: 'Ушёл от вопроса о просрочке.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().moments).toEqual(
      [1, 4].map((i) => ({
        segment: i,
        start: segments[i]!.start,
        end: segments[i]!.end,
        speaker: segments[i]!.speaker,
        quote: segments[i]!.text,
      })),
    );
    // The moments the manager pointed at replace the machine's.
    expect((await detail()).effective.deflection).toEqual({
      stated: true,
      source: 'correction',
      moments: res.json().moments,
    });
  });

  it('writes call.flag_changed to the audit log with the verdict before and after', async () => {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'object_type', 'object_id', 'details'])
      .where('action', '=', 'call.flag_changed')
      .orderBy('id')
      .execute();
    expect(rows[0]).toEqual({
      actor_user_id: manager.id,
      object_type: 'call',
      object_id: callId,
      details: {
        flag: 'sanctions',
        before: { stated: true, source: 'machine' },
        after: { stated: false, source: 'correction', segments: [] },
        reason: 'Пени не названы, только «будут последствия».',
      },
    });
    expect(rows[1]!.details).toMatchObject({
      flag: 'deflection',
      before: { stated: false },
      after: { stated: true, segments: [1, 4] },
    });
  });

  it('survives re-analysis by the pipeline and stays effective', async () => {
    const res = await t.sut.inject({
      method: 'POST',
      url: `/api/calls/${callId}/reanalyze`,
      headers: manager.headers,
    });
    expect(res.statusCode, res.body).toBe(202);
    await (t.pipeline.queue as InProcessRunner).idle();
    const analysis = await t.database.db
      .selectFrom('analyses')
      .select('rules_version')
      .where('call_id', '=', callId)
      .executeTakeFirstOrThrow();
    expect(analysis.rules_version).not.toBe('seed'); // the real engine ran and replaced the seeded verdict

    const after = await detail();
    expect(after.status).toBe('analyzed');
    expect(after.flags.sanctions.stated).toBe(true);
    expect(after.corrections.sanctions.stated).toBe(false);
    expect(after.effective.sanctions).toMatchObject({ stated: false, source: 'correction' });
    expect(after.effective.deflection).toMatchObject({ stated: true, source: 'correction' });
    const list = await t.sut.inject({
      method: 'GET',
      url: '/api/calls?missing=sanctions',
      headers: manager.headers,
    });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([callId]);
  });

  it('a correction can be replaced, and removed to go back to the machine', async () => {
    expect(
      (await put('sanctions', { stated: true, reason: 'Переслушал: пени 0,1% в день названы.' })).json(),
    ).toMatchObject({ stated: true });
    // A stated correction that points at no moment rests on the machine's.
    const corrected = await detail();
    expect(corrected.effective.sanctions).toEqual({
      stated: true,
      source: 'correction',
      moments: corrected.flags.sanctions.moments,
    });
    expect(corrected.effective.sanctions.moments.length).toBeGreaterThan(0);
    const del = await t.sut.inject({
      method: 'DELETE',
      url: `/api/calls/${callId}/flags/sanctions`,
      headers: manager.headers,
    });
    expect(del.statusCode).toBe(204);
    const after = await detail();
    expect(after.corrections.sanctions).toBeUndefined();
    expect(after.effective.sanctions).toMatchObject({ stated: true, source: 'machine' });
    // Removing what is not there is fine.
    expect(
      (
        await t.sut.inject({
          method: 'DELETE',
          url: `/api/calls/${callId}/flags/sanctions`,
          headers: manager.headers,
        })
      ).statusCode,
    ).toBe(204);
    const last = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'call.flag_changed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.details).toMatchObject({
      flag: 'sanctions',
      before: { source: 'correction' },
      after: { stated: true, source: 'machine' },
    });
  });
});

describe('refusals', () => {
  it('400 for a segment outside the transcript, naming the valid range', async () => {
    const res = await put('deadline', { stated: true, moments: [{ segment: segments.length }], reason: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: 'bad_request',
      message: `Segment ${segments.length} does not exist: the transcript has segments 0 to ${segments.length - 1}.`,
    });
    expect((await detail()).corrections.deadline).toBeUndefined();
  });

  it('400 for an unknown flag, a missing or blank or too long reason, a negative segment', async () => {
    for (const [flag, body] of [
      ['price', { stated: true, reason: 'x' }],
      ['deadline', { stated: true }],
      ['deadline', { stated: true, reason: '' }],
      ['deadline', { stated: true, reason: '   ' }],
      ['deadline', { stated: true, reason: 'x'.repeat(1001) }],
      ['deadline', { stated: true, reason: 'x', moments: [{ segment: -1 }] }],
      ['deadline', { stated: 'yes', reason: 'x' }],
    ] as const) {
      const res = await put(flag, body);
      expect(res.statusCode, `${flag} ${JSON.stringify(body)}`).toBe(400);
      // The usual shape; schema refusals also name the field at fault.
      const { field, ...shape } = res.json() as { field?: unknown };
      expect(shape).toEqual({ error: 'bad_request', message: expect.any(String) });
      expect(field === undefined || typeof field === 'string').toBe(true);
    }
  });

  it('409 for a call that is not analysed yet', async () => {
    const queued = await seedCall(t.database.db, { repId: rep.id });
    const res = await put('deadline', { stated: true, reason: 'x' }, manager, queued);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('not_ready');
  });

  it("404 for another team's call, 403 for the rep and the director", async () => {
    const other = await put('deadline', { stated: true, reason: 'x' }, otherManager);
    expect(other.statusCode).toBe(404);
    expect(other.json().error).toBe('not_found');
    expect((await put('deadline', { stated: true, reason: 'x' }, rep)).statusCode).toBe(403);
    expect((await put('deadline', { stated: true, reason: 'x' }, director)).statusCode).toBe(403);
    const del = await t.sut.inject({
      method: 'DELETE',
      url: `/api/calls/${callId}/flags/deflection`,
      headers: otherManager.headers,
    });
    expect(del.statusCode).toBe(404);
    expect((await detail()).corrections.deflection).toBeDefined();
  });
});
