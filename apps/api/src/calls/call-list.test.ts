import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_STATED, client, rep, seedCall } from '../testing/seed-calls.ts';
import { useTestApp, type TestUser as User } from '../testing/test-app.ts';

interface Item {
  id: string;
  repName: string;
  teamId: string | null;
  teamName: string | null;
  reviewedAt: string | null;
  flags: Record<string, boolean> | null;
  corrected: string[];
  hits: { segment: number; start: number; text: string; ranges: [number, number][] }[];
}
interface List {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

const t = useTestApp();
let manager: User;
let director: User;
let rep1: User;
let rep2: User;
let rep3: User;
const c: Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5', string> = { c1: '', c2: '', c3: '', c4: '', c5: '' };

beforeAll(async () => {
  const db = t.database.db;
  rep1 = await t.createUser('rep');
  await db.updateTable('users').set({ name: 'Павел Смирнов' }).where('id', '=', rep1.id).execute();
  await db.updateTable('teams').set({ name: 'Север' }).where('id', '=', rep1.teamId!).execute();
  rep2 = await t.createUser('rep', { teamId: rep1.teamId! });
  rep3 = await t.createUser('rep');
  manager = await t.createUser('manager', { teamId: rep1.teamId! });
  director = await t.createUser('director');

  c.c1 = await seedCall(db, {
    repId: rep1.id,
    client: 'Альфа',
    recordedAt: '2026-11-01T10:00:00Z',
    durationSec: 100,
    segments: [
      rep('Добрый день, это Павел.', 0),
      rep('Работаем с отсрочкой платежа тридцать дней.', 5),
      client('Хорошо.', 10),
    ],
    verdict: ALL_STATED,
  });
  c.c2 = await seedCall(db, {
    repId: rep1.id,
    client: 'Бета',
    recordedAt: '2026-11-02T10:00:00Z',
    durationSec: 50,
    callType: 'collection',
    segments: [
      rep('Hello, this is Paul.', 0),
      rep('Payment is due within net 30 days of delivery.', 4),
      client('Fine, send the invoice.', 8),
    ],
    verdict: { ...ALL_STATED, sanctions: false },
  });
  c.c3 = await seedCall(db, {
    repId: rep2.id,
    client: 'Гамма',
    recordedAt: '2026-11-03T10:00:00Z',
    durationSec: 200,
    segments: [client('А если задержим оплату?', 0), rep('Не беспокойтесь, решим. Отсрочка будет.', 4)],
    verdict: { ...ALL_STATED, deadline: false, deflection: true },
  });
  c.c4 = await seedCall(db, { repId: rep2.id, recordedAt: '2026-11-04T10:00:00Z' });
  c.c5 = await seedCall(db, {
    repId: rep3.id,
    client: 'Альфа',
    recordedAt: '2026-11-05T10:00:00Z',
    segments: [rep('Отсрочка — две недели.', 0)],
    verdict: ALL_STATED,
  });
});

async function list(query: string, who: User = manager): Promise<List> {
  const res = await t.sut.inject({ method: 'GET', url: `/api/calls${query}`, headers: who.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as List;
}
const ids = (l: List) => l.items.map((i) => i.id);

describe('the calls list', () => {
  it('is newest first by default, in scope, with rep and team names', async () => {
    const all = await list('');
    expect(ids(all)).toEqual([c.c4, c.c3, c.c2, c.c1]);
    expect(all.total).toBe(4);
    const first = all.items.find((i) => i.id === c.c1)!;
    expect(first).toMatchObject({
      repName: 'Павел Смирнов',
      teamId: rep1.teamId,
      teamName: 'Север',
      reviewedAt: null,
    });
    expect(first.flags).toEqual({ payment_terms: true, deadline: true, sanctions: true, deflection: false });
    expect(first.corrected).toEqual([]);
    expect(first.hits).toEqual([]);
    expect(all.items.find((i) => i.id === c.c4)!.flags).toBeNull();
  });

  it('paginates on the server', async () => {
    expect(await list('?pageSize=2&page=2')).toMatchObject({
      total: 4,
      page: 2,
      pageSize: 2,
      items: [{ id: c.c2 }, { id: c.c1 }],
    });
  });

  it('sorts by date, duration and client (calls without a client last)', async () => {
    expect(ids(await list('?sort=recorded_at'))).toEqual([c.c1, c.c2, c.c3, c.c4]);
    expect(ids(await list('?sort=duration'))).toEqual([c.c2, c.c4, c.c1, c.c3]);
    expect(ids(await list('?sort=-duration'))).toEqual([c.c3, c.c1, c.c4, c.c2]);
    expect(ids(await list('?sort=client'))).toEqual([c.c1, c.c2, c.c3, c.c4]);
    expect(ids(await list('?sort=-client'))).toEqual([c.c3, c.c2, c.c1, c.c4]);
    expect(ids(await list('?sort=attention'))).toEqual([c.c3, c.c2, c.c4, c.c1]);
  });

  it('filters by missing flag, deflection, status, rep, team, client, call type and dates', async () => {
    expect(ids(await list('?missing=sanctions'))).toEqual([c.c2]);
    expect(ids(await list('?missing=deadline'))).toEqual([c.c3]);
    expect(ids(await list('?missing=payment_terms'))).toEqual([]);
    expect(ids(await list('?missing=any'))).toEqual([c.c3, c.c2]);
    expect(ids(await list('?deflection=true'))).toEqual([c.c3]);
    expect(ids(await list('?deflection=false'))).toEqual([c.c2, c.c1]);
    expect(ids(await list('?status=analyzed'))).toEqual([c.c3, c.c2, c.c1]);
    expect(ids(await list('?status=queued,failed'))).toEqual([c.c4]);
    expect(ids(await list(`?repId=${rep1.id}`))).toEqual([c.c2, c.c1]);
    expect(ids(await list(`?teamId=${rep1.teamId}`))).toEqual([c.c4, c.c3, c.c2, c.c1]);
    expect(ids(await list('?callType=collection'))).toEqual([c.c2]);
    expect(ids(await list('?from=2026-11-02T00:00:00Z&to=2026-11-04T00:00:00Z'))).toEqual([c.c3, c.c2]);
    const clientId = (
      await t.database.db
        .selectFrom('clients')
        .select('id')
        .where('name', '=', 'Альфа')
        .executeTakeFirstOrThrow()
    ).id;
    expect(ids(await list(`?clientId=${clientId}`))).toEqual([c.c1]);
    expect(ids(await list(`?clientId=${clientId}`, director))).toEqual([c.c5, c.c1]);
  });

  it("another team's rep or team matches nothing instead of widening the scope", async () => {
    expect(await list(`?teamId=${rep3.teamId}`)).toMatchObject({ total: 0, items: [] });
    expect(await list(`?repId=${rep3.id}`)).toMatchObject({ total: 0, items: [] });
    expect(ids(await list('', rep1))).toEqual([c.c2, c.c1]);
    expect(ids(await list(`?teamId=${rep3.teamId}`, director))).toEqual([c.c5]);
  });

  it('answers a bad filter with a 400 in the usual error shape', async () => {
    for (const query of [
      '?missing=everything',
      '?sort=price',
      '?deflection=maybe',
      '?teamId=north',
      '?pageSize=0',
    ]) {
      const res = await t.sut.inject({ method: 'GET', url: `/api/calls${query}`, headers: manager.headers });
      expect(res.statusCode, query).toBe(400);
      // …naming the parameter at fault, for the UI to say which filter to fix.
      const field = query.slice(1).split('=')[0];
      expect(res.json(), query).toEqual({ error: 'bad_request', message: expect.any(String), field });
    }
  });

  it('shows the reviewed mark and filters on it', async () => {
    expect(ids(await list('?reviewed=true'))).toEqual([]);
    const res = await t.sut.inject({
      method: 'POST',
      url: `/api/calls/${c.c1}/review`,
      headers: manager.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { reviewedAt } = res.json() as { reviewedAt: string };
    expect(new Date(reviewedAt).getTime()).not.toBeNaN();
    expect(ids(await list('?reviewed=true'))).toEqual([c.c1]);
    expect(ids(await list('?reviewed=false'))).toEqual([c.c4, c.c3, c.c2]);
    expect((await list('?reviewed=true')).items[0]!.reviewedAt).toBe(reviewedAt);
    // Reviewing again keeps the first mark.
    const again = await t.sut.inject({
      method: 'POST',
      url: `/api/calls/${c.c1}/review`,
      headers: manager.headers,
    });
    expect(again.json()).toEqual({ reviewedAt });
  });

  it("uses a manager's correction for the chips and the filters", async () => {
    const res = await t.sut.inject({
      method: 'PUT',
      url: `/api/calls/${c.c2}/flags/sanctions`,
      headers: manager.headers,
      payload: {
        stated: true,
        moments: [{ segment: 1 }],
        reason: 'Штраф за просрочку назван в конце звонка.',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(ids(await list('?missing=sanctions'))).toEqual([]);
    expect(ids(await list('?missing=any'))).toEqual([c.c3]);
    const item = (await list(`?repId=${rep1.id}`)).items.find((i) => i.id === c.c2)!;
    expect(item.flags).toMatchObject({ sanctions: true });
    expect(item.corrected).toEqual(['sanctions']);

    // A correction to "deflection present" counts for the deflection filter too.
    await t.sut.inject({
      method: 'PUT',
      url: `/api/calls/${c.c1}/flags/deflection`,
      headers: manager.headers,
      payload: { stated: true, reason: 'Ушёл от ответа про пени.' },
    });
    expect(ids(await list('?deflection=true'))).toEqual([c.c3, c.c1]);
    await t.sut.inject({
      method: 'DELETE',
      url: `/api/calls/${c.c1}/flags/deflection`,
      headers: manager.headers,
    });
    expect(ids(await list('?deflection=true'))).toEqual([c.c3]);
  });
});

describe('full-text search in transcripts', () => {
  const highlighted = (hit: { text: string; ranges: [number, number][] }) =>
    hit.ranges.map(([from, to]) => hit.text.slice(from, to));

  it('finds Russian words in any form («отсрочку» finds «отсрочкой» and «Отсрочка»)', async () => {
    const found = await list(`?q=${encodeURIComponent('отсрочку')}`);
    expect(ids(found)).toEqual([c.c3, c.c1]);
    const c1 = found.items.find((i) => i.id === c.c1)!;
    expect(c1.hits).toEqual([
      {
        segment: 1,
        start: 5,
        text: 'Работаем с отсрочкой платежа тридцать дней.',
        snippet: 'Работаем с отсрочкой платежа тридцать дней.',
        ranges: [[11, 20]],
      },
    ]);
    expect(highlighted(c1.hits[0]!)).toEqual(['отсрочкой']);
    expect(highlighted(found.items.find((i) => i.id === c.c3)!.hits[0]!)).toEqual(['Отсрочка']);
  });

  it('finds English words in any form, and phrases', async () => {
    const found = await list('?q=payments');
    expect(ids(found)).toEqual([c.c2]);
    expect(found.items[0]!.hits.map(highlighted)).toEqual([['Payment']]);
    const phrase = await list(`?q=${encodeURIComponent('"net 30 days"')}`);
    expect(ids(phrase)).toEqual([c.c2]);
    expect(phrase.items[0]!.hits.map(highlighted)).toEqual([['net', '30', 'days']]);
  });

  it('needs every word, and combines with the other filters and the scope', async () => {
    expect(ids(await list(`?q=${encodeURIComponent('отсрочка платежа')}`))).toEqual([c.c1]);
    expect(ids(await list(`?q=${encodeURIComponent('отсрочка -платежа')}`))).toEqual([c.c3]);
    expect(ids(await list(`?q=${encodeURIComponent('отсрочка')}&deflection=true`))).toEqual([c.c3]);
    expect(ids(await list(`?q=${encodeURIComponent('отсрочка')}`, director))).toEqual([c.c5, c.c3, c.c1]);
    expect(await list('?q=leasing')).toMatchObject({ total: 0, items: [] });
    // Only stop words or operators: nothing to search for, not an error.
    for (const q of ['и на', '&|!(', '"', '-']) {
      expect(await list(`?q=${encodeURIComponent(q)}`), q).toMatchObject({ total: 0, items: [] });
    }
  });

  it('returns at most three hits per call, in transcript order', async () => {
    const id = await seedCall(t.database.db, {
      repId: rep1.id,
      recordedAt: '2026-10-01T10:00:00Z',
      segments: [0, 1, 2, 3, 4].map((i) => rep(`Штраф номер ${i}: штрафы и пени.`, i * 5)),
      verdict: ALL_STATED,
    });
    const found = await list(`?q=${encodeURIComponent('штраф')}`);
    const item = found.items.find((i) => i.id === id)!;
    expect(item.hits.map((h) => h.segment)).toEqual([0, 1, 2]);
    expect(highlighted(item.hits[0]!)).toEqual(['Штраф', 'штрафы']);
  });
});
