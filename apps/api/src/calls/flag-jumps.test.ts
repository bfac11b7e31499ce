import { beforeAll, describe, expect, it } from 'vitest';
import { createMedia } from '@onterms/media';
import { createDefaultDeps, reanalyzeCall, silentLogger } from '@onterms/pipeline';
import { client, rep, seedCall } from '../testing/seed-calls.ts';
import { useTestApp, type TestUser as User } from '../testing/test-app.ts';

const t = useTestApp();
let manager: User;
let callId: string;

beforeAll(async () => {
  const seller = await t.createUser('rep');
  manager = await t.createUser('manager', { teamId: seller.teamId! });
  // terms and deadline at 9 s; the client asks about late payment at 14 s and hears nothing about it
  callId = await seedCall(t.database.db, {
    repId: seller.id,
    client: 'СтройМаркет',
    durationSec: 30,
    segments: [
      rep('Добрый день, Ольга Петровна, это Максим.', 0),
      client('Хотим заказать утеплитель.', 4.5),
      rep('Работаем с отсрочкой платежа тридцать дней с даты отгрузки.', 9),
      client('А если мы задержим оплату?', 14),
      rep('Договор пришлю сегодня.', 18.5),
    ],
  });
  const deps = createDefaultDeps({
    db: t.database.db,
    store: t.store,
    media: createMedia(),
    log: silentLogger,
    timeZone: 'Europe/Moscow',
  });
  expect(await reanalyzeCall(deps, callId)).toEqual({ status: 'analyzed' });
});

const flagAt = async (): Promise<Record<string, number>> => {
  const res = await t.sut.inject({ method: 'GET', url: '/api/calls', headers: manager.headers });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { id: string; flagAt: Record<string, number> }[] }).items.find(
    (c) => c.id === callId,
  )!.flagAt;
};

describe("the list's flag chips", () => {
  it('open a stated flag at its moment and a missing one where it should have been said', async () => {
    const at = await flagAt();
    expect(at.payment_terms).toBe(9);
    expect(at.deadline).toBe(9);
    // sanctions are missing: the chip opens at the analysis' opportunity, somewhere in the call
    expect(at.sanctions).toBeGreaterThanOrEqual(0);
    expect(at.sanctions).toBeLessThanOrEqual(30);
  });

  it("follow a manager's correction: its moment wins over the machine's", async () => {
    const res = await t.sut.inject({
      method: 'PUT',
      url: `/api/calls/${callId}/flags/sanctions`,
      headers: manager.headers,
      payload: { stated: true, moments: [{ segment: 4 }], reason: 'Сказал про договор с пени.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await flagAt()).sanctions).toBe(18.5);
  });
});
