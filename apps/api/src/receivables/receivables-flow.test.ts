/**
 * From what was said to whether the client paid, through the API on a real database and the real
 * in-process pipeline: promises read from collection calls are kept, partly kept or broken across
 * imports; the follow-up queue opens and closes by itself; each role sees only its clients.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { synth } from '@onterms/media/testing/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@onterms/db/testing';
import { postForm, postUpload } from '../testing/multipart.ts';
import { ALL_STATED, seedCall } from '../testing/seed-calls.ts';
import { useTestApp, type TestUser as User } from '../testing/test-app.ts';
import { waitFor } from '../testing/waiting.ts';

const t = useTestApp();
let director: User;
let rep1: User;
let rep2: User;
let manager: User;
let clients: Record<'romashka' | 'lutik' | 'vasilek', string>;
let tone = 300;

async function importReport(asOf: string, balances: { romashka: string; lutik: string; vasilek: string }) {
  const text = [
    'Контрагент;Документ;Дата;Срок оплаты;Сумма;Остаток;Менеджер',
    `ООО «Ромашка»;Р-1;02.11.2026;16.11.2026;100000;${balances.romashka};${rep1.email}`,
    `ООО «Лютик»;Л-1;02.11.2026;16.11.2026;50000;${balances.lutik};${rep1.email}`,
    `АО «Василёк»;В-1;02.11.2026;16.11.2026;30000;${balances.vasilek};${rep2.email}`,
  ].join('\n');
  const res = await postForm(t.sut, `/api/receivables/imports?asOf=${asOf}`, director.headers, {}, [
    { name: 'file', filename: 'aging.csv', content: text },
  ]);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Uploads a call through the API (real audio, our transcript) and waits for its analysis. */
async function uploadCall(by: User, fields: Record<string, string>, lines: [string, string][]) {
  const audio = await synth(path.join(t.dir, `tone-${tone}.wav`), `sine=frequency=${tone++}:duration=1`);
  const transcript = JSON.stringify({
    language: 'ru',
    segments: lines.map(([speaker, text], i) => ({ start: i * 2, end: i * 2 + 1.5, speaker, text })),
  });
  const res = await postUpload(t.sut, by.headers, { language: 'ru', ...fields }, [
    { name: 'audio', filename: 'call.wav', content: await readFile(audio) },
    { name: 'transcript', filename: 'call.json', content: transcript },
  ]);
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id as string;
  await waitFor(async () => {
    const call = await t.database.db
      .selectFrom('calls')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (call.status === 'failed') throw new Error('call failed');
    return call.status === 'analyzed' ? true : undefined;
  }, 'the call to be analysed');
  return id;
}

const promiseStatuses = async () =>
  Object.fromEntries(
    (
      await sql<{ name: string; status: string; paid: string | null }>`
        select c.name, p.status, p.paid::text from payment_promises p join calls k on k.id = p.call_id join clients c on c.id = k.client_id
      `.execute(t.database.db)
    ).rows.map((r) => [r.name, `${r.status} ${r.paid ?? ''}`.trim()]),
  );

const followUps = async (user: User) => {
  const res = await t.sut.inject({ method: 'GET', url: '/api/follow-ups', headers: user.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { key: string; kind: string; client: { name: string }; firstDelay: boolean; daysLate: number }[];
    counts: Record<string, number>;
  };
};
const kinds = async (user: User) =>
  (await followUps(user)).items.map((i) => `${i.client.name} ${i.kind}`).sort();

beforeAll(async () => {
  director = await t.createUser('director');
  rep1 = await t.createUser('rep');
  rep2 = await t.createUser('rep');
  manager = await t.createUser('manager', { teamId: rep1.teamId! });
  await importReport('2026-11-17', { romashka: '100000', lutik: '50000', vasilek: '30000' });
  const rows = await t.database.db.selectFrom('clients').select(['id', 'name']).execute();
  const id = (name: string) => rows.find((r) => r.name === name)!.id;
  clients = { romashka: id('ООО «Ромашка»'), lutik: id('ООО «Лютик»'), vasilek: id('АО «Василёк»') };
}, 60_000);

describe('promises to pay, checked against the next reports', () => {
  it('reads the promise from a collection call to a known client', async () => {
    const recordedAt = '2026-11-18T10:00:00Z'; // a Wednesday: «до пятницы» is 2026-11-20
    await uploadCall(rep1, { callType: 'collection', clientId: clients.romashka, recordedAt }, [
      ['rep', 'Добрый день, у вас просрочен счёт Р-1, когда оплатите?'],
      ['client', 'Всю сумму закроем до пятницы.'],
    ]);
    // the upload may name the client freely too: «Лютик, ООО» is the imported «ООО «Лютик»»
    await uploadCall(rep1, { callType: 'collection', clientName: 'Лютик, ООО', recordedAt }, [
      ['rep', 'Когда ждать оплату по просроченному счёту?'],
      ['client', 'Переведём пятьдесят тысяч до пятницы.'],
    ]);
    await uploadCall(rep2, { callType: 'collection', clientId: clients.vasilek, recordedAt }, [
      ['rep', 'Давайте до пятницы?'],
      ['client', 'Да, до пятницы оплатим.'],
    ]);
    const stored = await sql<{ name: string; due_on: string; amount: string | null; full: boolean }>`
      select c.name, p.due_on::text, p.amount::text, p.full from payment_promises p
      join calls k on k.id = p.call_id join clients c on c.id = k.client_id order by c.name
    `.execute(t.database.db);
    expect(stored.rows).toEqual([
      { name: 'АО «Василёк»', due_on: '2026-11-20', amount: null, full: false },
      { name: 'ООО «Лютик»', due_on: '2026-11-20', amount: '50000.00', full: false },
      { name: 'ООО «Ромашка»', due_on: '2026-11-20', amount: null, full: true },
    ]);
    expect(await promiseStatuses()).toEqual({
      'АО «Василёк»': 'open',
      'ООО «Лютик»': 'open',
      'ООО «Ромашка»': 'open',
    });
  }, 60_000);

  it('stays open while its day has not passed, then is kept, partly kept or broken', async () => {
    await importReport('2026-11-19', { romashka: '0', lutik: '50000', vasilek: '10000' });
    expect(await promiseStatuses()).toEqual({
      'АО «Василёк»': 'open',
      'ООО «Лютик»': 'open',
      'ООО «Ромашка»': 'open',
    });
    await importReport('2026-11-23', { romashka: '0', lutik: '50000', vasilek: '10000' });
    expect(await promiseStatuses()).toEqual({
      'ООО «Ромашка»': 'kept 100000.00',
      'ООО «Лютик»': 'broken 0.00',
      'АО «Василёк»': 'partly_kept 20000.00',
    });
  });
});

describe('the follow-up queue', () => {
  it('lists overdue invoices nobody called about and broken promises, each role its own clients', async () => {
    expect(await kinds(rep1)).toEqual(['ООО «Лютик» broken_promise', 'ООО «Лютик» overdue_no_call']);
    expect(await kinds(rep2)).toEqual(['АО «Василёк» broken_promise', 'АО «Василёк» overdue_no_call']);
    expect(await kinds(manager)).toEqual(await kinds(rep1));
    expect(await kinds(director)).toEqual([...(await kinds(rep1)), ...(await kinds(rep2))].sort());
    const overdue = (await followUps(rep1)).items.find((i) => i.kind === 'overdue_no_call')!;
    expect(overdue).toMatchObject({ firstDelay: true, daysLate: expect.any(Number) });
    expect((await followUps(rep1)).counts).toMatchObject({ total: 2, overdue_no_call: 1, broken_promise: 1 });
  });

  it('a manager snoozes an item with a reason, audited; others cannot', async () => {
    const item = (await followUps(rep2)).items.find((i) => i.kind === 'overdue_no_call')!;
    const snooze = (user: User, key: string) =>
      t.sut.inject({
        method: 'POST',
        url: '/api/follow-ups/snoozes',
        headers: user.headers,
        payload: { key, until: '2099-01-01', reason: 'Client in court, the lawyers handle it' },
      });
    expect((await snooze(rep2, item.key)).statusCode).toBe(403);
    expect((await snooze(manager, item.key)).statusCode).toBe(404); // not their team's client
    const mine = (await followUps(manager)).items.find((i) => i.kind === 'broken_promise')!;
    expect((await snooze(manager, mine.key)).statusCode).toBe(204);
    expect(await kinds(rep1)).toEqual(['ООО «Лютик» overdue_no_call']);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'object_id', 'details'])
      .where('action', '=', 'follow_up.snoozed')
      .execute();
    expect(audit).toEqual([
      {
        action: 'follow_up.snoozed',
        object_id: mine.key,
        details: { until: '2099-01-01', reason: 'Client in court, the lawyers handle it' },
      },
    ]);
  });

  it('an item closes by itself when a call to that client is uploaded', async () => {
    await uploadCall(
      rep1,
      { callType: 'collection', clientId: clients.lutik, recordedAt: new Date().toISOString() },
      [
        ['rep', 'Звоню по просроченному счёту Л-1.'],
        ['client', 'Да, знаем, решаем вопрос.'],
      ],
    );
    expect(await kinds(rep1)).toEqual([]);
    expect(await kinds(rep2)).toEqual(['АО «Василёк» broken_promise', 'АО «Василёк» overdue_no_call']);
  }, 60_000);

  it('…and when the invoice is paid', async () => {
    await importReport('2026-11-24', { romashka: '0', lutik: '50000', vasilek: '0' });
    expect(await kinds(rep2)).toEqual([]);
  });
});

describe('the client page', () => {
  it('shows invoices with how late they are, payments, calls with flags, promises and risk', async () => {
    const res = await t.sut.inject({
      method: 'GET',
      url: `/api/clients/${clients.vasilek}`,
      headers: rep2.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.client).toMatchObject({ name: 'АО «Василёк»', rep: { id: rep2.id }, creditLimit: null });
    expect(page.invoices).toEqual([
      expect.objectContaining({
        number: 'В-1',
        dueOn: '2026-11-16',
        balance: 0,
        paidOn: '2026-11-24',
        state: 'paid_late',
        daysLate: 8,
      }),
    ]);
    expect(page.payments.map((p: { amount: number; paidOn: string }) => `${p.paidOn} ${p.amount}`)).toEqual([
      '2026-11-19 20000',
      '2026-11-24 10000',
    ]);
    expect(page.calls).toEqual([
      expect.objectContaining({ callType: 'collection', rep: { id: rep2.id, name: 'rep' } }),
    ]);
    expect(page.promises).toEqual([
      expect.objectContaining({ dueOn: '2026-11-20', status: 'partly_kept', paid: 20000 }),
    ]);
    expect(page.risk).toEqual({
      lateInvoices: 1,
      firstDelay: true,
      repeatedDelays: false,
      overCreditLimit: false,
    });
  });

  it('is not found for a rep of another team, found for the director', async () => {
    const status = async (user: User) =>
      (await t.sut.inject({ method: 'GET', url: `/api/clients/${clients.vasilek}`, headers: user.headers }))
        .statusCode;
    expect(await status(rep1)).toBe(404);
    expect(await status(manager)).toBe(404);
    expect(await status(director)).toBe(200);
  });

  it('the upload form finds a client by name or tax id in the rep’s scope', async () => {
    const find = async (user: User, q: string) =>
      (
        await t.sut.inject({
          method: 'GET',
          url: `/api/clients?q=${encodeURIComponent(q)}`,
          headers: user.headers,
        })
      )
        .json()
        .items.map((c: { name: string }) => c.name);
    expect(await find(rep1, 'лют')).toEqual(['ООО «Лютик»']);
    expect(await find(rep1, 'василёк')).toEqual([]);
    expect(await find(director, 'василек')).toEqual(['АО «Василёк»']);
  });
});

describe('the outcome on the dashboard', () => {
  it('per rep: invoices paid on time, days late, promises kept — and who heard the terms and sanctions', async () => {
    await postForm(t.sut, '/api/receivables/imports?asOf=2026-11-25', director.headers, {}, [
      {
        name: 'file',
        filename: 'r2.csv',
        content:
          'Контрагент;Документ;Дата;Срок оплаты;Сумма;Остаток\nООО «Ромашка»;Р-2;20.11.2026;30.11.2026;40000;0\n',
      },
    ]);
    await seedCall(t.database.db, { repId: rep1.id, client: 'ООО «Ромашка»', verdict: ALL_STATED });
    await seedCall(t.database.db, {
      repId: rep2.id,
      client: 'АО «Василёк»',
      verdict: { ...ALL_STATED, sanctions: false },
    });

    const outcome = async (user: User) => {
      const res = await t.sut.inject({
        method: 'GET',
        url: '/api/stats/outcome?groupBy=rep',
        headers: user.headers,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const all = await outcome(director);
    const byRep = (id: string) => all.groups.find((g: { key: string }) => g.key === id);
    expect(byRep(rep1.id)).toMatchObject({
      invoices: 3,
      onTime: 1,
      clients: 2,
      promises: { total: 2, kept: 1, broken: 1, partlyKept: 0 },
    });
    expect(byRep(rep2.id)).toMatchObject({
      invoices: 1,
      onTime: 0,
      onTimeShare: 0,
      avgDaysLate: 8,
      promises: { partlyKept: 1 },
    });
    expect(all.comparison.stated).toMatchObject({
      clients: 1,
      invoices: 2,
      onTime: 1,
      onTimeShare: 0.5,
      avgDaysLate: 1.5,
      clientList: [{ name: 'ООО «Ромашка»', invoices: 2, onTime: 1 }],
    });
    expect(all.comparison.notStated).toMatchObject({ clients: 1, invoices: 1, onTime: 0, avgDaysLate: 8 });
    expect((await outcome(rep1)).groups.map((g: { key: string }) => g.key)).toEqual([rep1.id]);
  });
});
