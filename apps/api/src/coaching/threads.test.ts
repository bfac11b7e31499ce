import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_STATED, client, rep as repSays, seedCall } from '../testing/seed-calls.ts';
import { useTestApp, type TestUser as User } from '../testing/test-app.ts';

const t = useTestApp();
let manager: User;
let otherManager: User;
let director: User;
let admin: User;
let rep: User;
let teammate: User;
let callId: string;
let tags: { id: string; label: { ru: string; en: string } }[];

const SEGMENTS = [
  repSays('Добрый день.', 0, 2),
  client('А если мы задержим оплату?', 3, 6),
  repSays('Не беспокойтесь, решим.', 7, 10.5),
];

beforeAll(async () => {
  rep = await t.createUser('rep');
  teammate = await t.createUser('rep', { teamId: rep.teamId! });
  manager = await t.createUser('manager', { teamId: rep.teamId! });
  otherManager = await t.createUser('manager');
  director = await t.createUser('director');
  admin = await t.createUser('admin');
  callId = await seedCall(t.database.db, {
    repId: rep.id,
    client: 'Альфа',
    durationSec: 30,
    segments: SEGMENTS,
    verdict: ALL_STATED,
  });
  tags = (await t.sut.inject({ method: 'GET', url: '/api/coaching/tags', headers: rep.headers })).json();
});

const post = (url: string, payload: object, who: User) =>
  t.sut.inject({ method: 'POST', url, headers: who.headers, payload });
const threadsOf = async (who: User, id = callId) => {
  const res = await t.sut.inject({
    method: 'GET',
    url: `/api/calls/${id}/annotations`,
    headers: who.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().threads as { id: string; start: number; status: string; replies: { body: string }[] }[];
};

/** A call of `repId` recorded at `recordedAt`, analysed with `verdict` (and the engine's `confidence`). */
const analysedCall = (repId: string, recordedAt: string, verdict = ALL_STATED, confidence?: number) =>
  seedCall(t.database.db, { repId, recordedAt, segments: SEGMENTS, verdict, confidence });

describe('coaching tags', () => {
  it('come seeded, in Russian and English', () => {
    expect(tags.map((x) => x.label)).toEqual([
      { ru: 'не озвучил санкции', en: 'Sanctions not stated' },
      { ru: 'сильная формулировка', en: 'Strong wording' },
      { ru: 'уступил без договорённости', en: 'Conceded without a deal' },
      { ru: 'прогнулся', en: 'Gave in' },
    ]);
  });

  it('admins add and remove them; removed tags stay on old threads', async () => {
    const created = await post(
      '/api/coaching/tags',
      { label: { ru: 'назвал дату', en: 'Named the date' } },
      admin,
    );
    expect(created.statusCode, created.body).toBe(201);
    const tag = created.json() as { id: string };
    const thread = await post(
      `/api/calls/${callId}/annotations`,
      { start: 1, tagId: tag.id, body: 'Хорошо, что дата названа.' },
      manager,
    );
    expect(thread.statusCode, thread.body).toBe(201);

    expect(
      (await t.sut.inject({ method: 'DELETE', url: `/api/coaching/tags/${tag.id}`, headers: admin.headers }))
        .statusCode,
    ).toBe(204);
    const now = (
      await t.sut.inject({ method: 'GET', url: '/api/coaching/tags', headers: manager.headers })
    ).json() as { id: string }[];
    expect(now.map((x) => x.id)).not.toContain(tag.id);
    const kept = (await threadsOf(manager)).find((x) => x.id === thread.json().id) as unknown as {
      tag: unknown;
    };
    expect(kept.tag).toEqual({ id: tag.id, label: { ru: 'назвал дату', en: 'Named the date' } });
    // An archived tag cannot be chosen any more.
    const refused = await post(
      `/api/calls/${callId}/annotations`,
      { start: 1, tagId: tag.id, body: 'x' },
      manager,
    );
    expect(refused.statusCode).toBe(400);

    expect((await post('/api/coaching/tags', { label: { ru: 'x', en: 'y' } }, manager)).statusCode).toBe(403);
    expect((await post('/api/coaching/tags', { label: { ru: ' ', en: 'y' } }, admin)).statusCode).toBe(400);
    const missing = await t.sut.inject({
      method: 'DELETE',
      url: '/api/coaching/tags/00000000-0000-4000-8000-000000000000',
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
    await t.database.db.deleteFrom('annotations').where('call_id', '=', callId).execute();
  });
});

describe('feedback threads', () => {
  let threadId: string;

  it('a manager comments on a segment with a tag; the call counts as reviewed', async () => {
    const res = await post(
      `/api/calls/${callId}/annotations`,
      { start: 7, segment: 2, tagId: tags[3]!.id, body: 'Здесь уступил: срок не назван.' },
      manager,
    );
    expect(res.statusCode, res.body).toBe(201);
    const thread = res.json();
    threadId = thread.id;
    expect(thread).toEqual({
      id: expect.any(String),
      callId,
      start: 7,
      end: 10.5, // the segment's end
      segment: 2,
      tag: { id: tags[3]!.id, label: { ru: 'прогнулся', en: 'Gave in' } },
      body: 'Здесь уступил: срок не назван.',
      author: { id: manager.id, name: 'manager', role: 'manager' },
      createdAt: expect.any(String),
      status: 'open',
      statusComment: null,
      statusAt: null,
      replies: [],
    });
    const call = (
      await t.sut.inject({ method: 'GET', url: `/api/calls/${callId}`, headers: manager.headers })
    ).json();
    expect(call.reviewedAt).toEqual(expect.any(String));
  });

  it('or on a time range without a tag; threads come ordered by start', async () => {
    const res = await post(
      `/api/calls/${callId}/annotations`,
      { start: 2.5, end: 6, body: 'Хороший вопрос клиента — нужен ответ с пенями.' },
      manager,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ start: 2.5, end: 6, segment: null, tag: null });
    expect((await threadsOf(rep)).map((x) => x.start)).toEqual([2.5, 7]);
    expect((await threadsOf(director)).length).toBe(2);
  });

  it('refuses a moment outside the call, end before start, an unknown tag, a bad segment, an empty body', async () => {
    for (const body of [
      { start: 31, body: 'x' },
      { start: 5, end: 40, body: 'x' },
      { start: 5, end: 4, body: 'x' },
      { start: -1, body: 'x' },
      { start: 1, tagId: '00000000-0000-4000-8000-000000000000', body: 'x' },
      { start: 1, segment: 3, body: 'x' },
      { start: 1, body: '' },
      { start: 1, body: '   ' },
      { start: 1, body: 'x'.repeat(5001) },
      { body: 'x' },
    ]) {
      const res = await post(`/api/calls/${callId}/annotations`, body, manager);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      // The usual shape; schema refusals also name the field at fault.
      const { field, ...shape } = res.json() as { field?: unknown };
      expect(shape, JSON.stringify(body)).toEqual({ error: 'bad_request', message: expect.any(String) });
      expect(field === undefined || typeof field === 'string').toBe(true);
    }
    expect(
      (await post(`/api/calls/${callId}/annotations`, { start: 1, end: 0.5, body: 'x' }, manager)).json()
        .message,
    ).toMatch(/ends before it starts/);
    expect(
      (await post(`/api/calls/${callId}/annotations`, { start: 1, segment: 3, body: 'x' }, manager)).json()
        .message,
    ).toMatch(/segments 0 to 2/);
  });

  it('the rep and the managers reply; a reply to a reply joins the thread', async () => {
    const fromRep = await post(
      `/api/annotations/${threadId}/replies`,
      { body: 'Клиент торопился, понял.' },
      rep,
    );
    expect(fromRep.statusCode, fromRep.body).toBe(201);
    expect(fromRep.json()).toEqual({
      id: expect.any(String),
      body: 'Клиент торопился, понял.',
      author: { id: rep.id, name: 'rep', role: 'rep' },
      createdAt: expect.any(String),
    });
    const fromManager = await post(
      `/api/annotations/${fromRep.json().id}/replies`,
      { body: 'В следующий раз — дата и пени.' },
      manager,
    );
    expect(fromManager.statusCode).toBe(201);
    const thread = (await threadsOf(rep)).find((x) => x.id === threadId)!;
    expect(thread.replies.map((r) => r.body)).toEqual([
      'Клиент торопился, понял.',
      'В следующий раз — дата и пени.',
    ]);
    expect((await post(`/api/annotations/${threadId}/replies`, { body: '' }, rep)).statusCode).toBe(400);
  });

  it('reps see feedback to acknowledge in their inbox, newest first', async () => {
    const res = await t.sut.inject({ method: 'GET', url: '/api/inbox/feedback', headers: rep.headers });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      callId: string;
      clientName: string;
      recordedAt: string;
      thread: { id: string; start: number };
    }[];
    expect(items.map((i) => i.thread.start)).toEqual([2.5, 7]);
    expect(items[0]).toMatchObject({ callId, clientName: 'Альфа', recordedAt: '2026-11-10T10:00:00.000Z' });
    const mate = await t.sut.inject({ method: 'GET', url: '/api/inbox/feedback', headers: teammate.headers });
    expect(mate.json()).toEqual({ items: [] });
  });

  it('the rep acknowledges, or disputes with a comment; answered threads leave the inbox', async () => {
    const ack = await post(`/api/annotations/${threadId}/acknowledge`, { status: 'acknowledged' }, rep);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({
      id: threadId,
      status: 'acknowledged',
      statusComment: null,
      statusAt: expect.any(String),
      replies: [{}, {}],
    });

    const other = (await threadsOf(rep)).find((x) => x.id !== threadId)!;
    const bare = await post(`/api/annotations/${other.id}/acknowledge`, { status: 'disputed' }, rep);
    expect(bare.statusCode).toBe(400);
    expect(bare.json().message).toMatch(/dispute needs a comment/);
    const disputed = await post(
      `/api/annotations/${other.id}/acknowledge`,
      { status: 'disputed', comment: 'Пени я назвал на 12-й секунде.' },
      rep,
    );
    expect(disputed.json()).toMatchObject({
      status: 'disputed',
      statusComment: 'Пени я назвал на 12-й секунде.',
    });
    expect(
      (await post(`/api/annotations/${other.id}/acknowledge`, { status: 'closed' }, rep)).statusCode,
    ).toBe(400);

    const inbox = await t.sut.inject({ method: 'GET', url: '/api/inbox/feedback', headers: rep.headers });
    expect(inbox.json()).toEqual({ items: [] });
  });

  it("a dispute reaches the manager's replies queue and counter; the manager's answer goes back to the rep", async () => {
    const get = (url: string, who: User) => t.sut.inject({ method: 'GET', url, headers: who.headers });
    const disputed = (await threadsOf(manager)).find((x) => x.status === 'disputed')!;
    const queue = await get('/api/inbox/replies', manager);
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().items.map((i: { thread: { id: string } }) => i.thread.id)).toEqual([disputed.id]);
    expect((await get('/api/inbox/counts', manager)).json()).toMatchObject({ replies: 1 });
    expect((await get('/api/inbox/counts', rep)).json()).toEqual({ toReview: 0, replies: 0, feedback: 0 });
    // Another team's manager sees nothing of it; the rep has no such queue.
    expect((await get('/api/inbox/replies', otherManager)).json()).toEqual({ items: [] });
    expect((await get('/api/inbox/counts', otherManager)).json()).toMatchObject({ replies: 0 });
    expect((await get('/api/inbox/replies', rep)).statusCode).toBe(403);

    // The manager answers: the thread leaves their queue and waits for the rep, who sees it answered.
    await post(`/api/annotations/${disputed.id}/replies`, { body: 'Верно, на 12-й. Снимаю.' }, manager);
    expect((await get('/api/inbox/replies', manager)).json()).toEqual({ items: [] });
    expect((await get('/api/inbox/counts', manager)).json()).toMatchObject({ replies: 0 });
    const back = (await get('/api/inbox/feedback', rep)).json().items as {
      thread: { id: string; replies: { body: string; author: { role: string } }[] };
    }[];
    expect(back.map((i) => i.thread.id)).toEqual([disputed.id]);
    expect(back[0]!.thread.replies.at(-1)).toMatchObject({ author: { role: 'manager' } });
    expect((await get('/api/inbox/counts', rep)).json()).toEqual({ toReview: 0, replies: 0, feedback: 1 });

    // The rep's reply puts it back in the manager's queue.
    await post(`/api/annotations/${disputed.id}/replies`, { body: 'Спасибо!' }, rep);
    expect((await get('/api/inbox/counts', rep)).json()).toMatchObject({ feedback: 0 });
    expect((await get('/api/inbox/counts', manager)).json()).toMatchObject({ replies: 1 });
  });

  it("only the call's rep answers feedback; other teams see nothing", async () => {
    expect(
      (await post(`/api/annotations/${threadId}/acknowledge`, { status: 'acknowledged' }, manager))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(`/api/annotations/${threadId}/acknowledge`, { status: 'acknowledged' }, teammate))
        .statusCode,
    ).toBe(404);
    expect((await post(`/api/annotations/${threadId}/replies`, { body: 'x' }, otherManager)).statusCode).toBe(
      404,
    );
    expect((await post(`/api/annotations/${threadId}/replies`, { body: 'x' }, director)).statusCode).toBe(
      403,
    );
    expect(
      (await post(`/api/calls/${callId}/annotations`, { start: 1, body: 'x' }, otherManager)).statusCode,
    ).toBe(404);
    expect((await post(`/api/calls/${callId}/annotations`, { start: 1, body: 'x' }, rep)).statusCode).toBe(
      403,
    );
    const list = await t.sut.inject({
      method: 'GET',
      url: `/api/calls/${callId}/annotations`,
      headers: otherManager.headers,
    });
    expect(list.statusCode).toBe(404);
    expect(list.json()).toEqual({ error: 'not_found', message: expect.any(String) });
  });
});

describe('the "To review" inbox', () => {
  it("lists unreviewed analysed calls of the manager's teams: missing flags or deflections first, then newest", async () => {
    const missing = await analysedCall(teammate.id, '2026-11-01T09:00:00Z', {
      ...ALL_STATED,
      deadline: false,
    });
    const deflected = await analysedCall(rep.id, '2026-11-02T09:00:00Z', { ...ALL_STATED, deflection: true });
    const fine = await analysedCall(rep.id, '2026-11-20T09:00:00Z');
    const olderFine = await analysedCall(rep.id, '2026-11-03T09:00:00Z');
    await seedCall(t.database.db, { repId: rep.id, recordedAt: '2026-11-21T09:00:00Z' }); // not analysed yet
    const stranger = await t.createUser('rep');
    await analysedCall(stranger.id, '2026-11-22T09:00:00Z', { ...ALL_STATED, sanctions: false });

    const inbox = async () => {
      const res = await t.sut.inject({ method: 'GET', url: '/api/inbox/review', headers: manager.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        items: { id: string; flags: Record<string, boolean>; repName: string }[];
        total: number;
        page: number;
        pageSize: number;
      };
    };
    const first = await inbox();
    // `callId` was reviewed when the manager annotated it.
    expect(first.items.map((i) => i.id)).toEqual([deflected, missing, fine, olderFine]);
    expect(first).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    expect(first.items[1]!.flags).toMatchObject({ deadline: false });

    // A correction to "stated" takes the call out of the attention group; reviewing takes it out of the inbox.
    await t.sut.inject({
      method: 'PUT',
      url: `/api/calls/${missing}/flags/deadline`,
      headers: manager.headers,
      payload: { stated: true, reason: 'Срок назван.' },
    });
    await post(`/api/calls/${deflected}/review`, {}, manager);
    await t.database.db.updateTable('calls').set({ reviewed_at: null }).where('id', '=', missing).execute();
    expect((await inbox()).items.map((i) => i.id)).toEqual([fine, olderFine, missing]);

    const paged = await t.sut.inject({
      method: 'GET',
      url: '/api/inbox/review?pageSize=1&page=2',
      headers: manager.headers,
    });
    expect(paged.json()).toMatchObject({ total: 3, items: [{ id: olderFine }] });
  });

  it('sorts the least certain analyses first on request, calls without confidences last', async () => {
    const sure = await analysedCall(rep.id, '2026-10-01T09:00:00Z', ALL_STATED, 0.95);
    const unsure = await analysedCall(rep.id, '2026-10-02T09:00:00Z', ALL_STATED, 0.6);
    const unknown = await analysedCall(teammate.id, '2026-10-03T09:00:00Z');
    const res = await t.sut.inject({
      method: 'GET',
      url: '/api/inbox/review?sort=uncertain',
      headers: manager.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const ids = (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
    expect(ids.filter((id) => [sure, unsure, unknown].includes(id))).toEqual([unsure, sure, unknown]);
    const bad = await t.sut.inject({
      method: 'GET',
      url: '/api/inbox/review?sort=loudest',
      headers: manager.headers,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('is for managers, the feedback inbox for reps', async () => {
    expect(
      (await t.sut.inject({ method: 'GET', url: '/api/inbox/review', headers: rep.headers })).statusCode,
    ).toBe(403);
    expect(
      (await t.sut.inject({ method: 'GET', url: '/api/inbox/review', headers: director.headers })).statusCode,
    ).toBe(403);
    expect(
      (await t.sut.inject({ method: 'GET', url: '/api/inbox/feedback', headers: manager.headers }))
        .statusCode,
    ).toBe(403);
  });
});
