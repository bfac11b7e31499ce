import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '@onterms/contracts';
import { saveAnalysis } from '../analyses/analyses-repository.ts';
import { insertCall } from '../calls/calls-repository.ts';
import { upsertFlagCorrection } from '../coaching/corrections-repository.ts';
import { newCallRow, sql, useTestDatabase } from '../testing.ts';
import { insertUser } from '../users/users-repository.ts';
import { replaceCallPromises } from './promises-repository.ts';
import { rebuildClientRollups } from './rollups-repository.ts';

/**
 * The per-client rollups are kept by triggers on every write path; after each kind of write they must
 * equal a rebuild from the source tables — and two writers for one client must not lose each other's rows.
 */
const database = useTestDatabase();
let rep: string, other: string, importId: string;
const sut = () => database.db;

const verdict = (stated: boolean): AnalysisResult =>
  ({
    checklist: { id: 'credit_negotiation', version: 't' },
    engine: { rules: 't', llmModel: null },
    flags: {
      payment_terms: { stated, moments: [] },
      deadline: { stated, moments: [] },
      sanctions: { stated, moments: [] },
    },
    deflection: { present: false, moments: [] },
  }) as unknown as AnalysisResult;

async function snapshot() {
  const read = async (table: string, order: string, where = 'true') =>
    (await sql.raw(`select * from ${table} where ${where} order by ${order}`).execute(sut())).rows;
  return {
    // A rebuild gives every client a row; the triggers, every client written to: compare those that say something.
    clients: await read(
      'client_rollups',
      'client_id',
      'last_call_id is not null or negotiations > 0 or first_open_due_on is not null or first_paid_late_due_on is not null',
    ),
    invoices: await read('client_invoice_rollups', 'client_id, rep_id'),
    promises: await read('client_promise_rollups', 'client_id, rep_id'),
    followUps: await read('promise_follow_ups', 'client_id, call_id, ordinal'),
  };
}

async function expectRollupsEqualRebuild() {
  const kept = await snapshot();
  await rebuildClientRollups(sut());
  expect(kept).toEqual(await snapshot());
  return kept;
}

const newClient = async (repId: string | null) =>
  (
    await sql<{ id: string }>`
      insert into clients (name, name_key, rep_id) values (${'Client ' + randomUUID()}, ${randomUUID()}, ${repId})
      returning id`.execute(sut())
  ).rows[0]!.id;

const invoice = (
  clientId: string,
  number: string,
  dueOn: string,
  balance: number,
  repId: string | null = null,
) =>
  sql`insert into receivable_invoices (client_id, number, issued_on, due_on, currency, amount, balance, rep_id, last_import_id)
      values (${clientId}, ${number}, ${dueOn}::date - 30, ${dueOn}, 'RUB', 1000, ${balance}, ${repId}, ${importId})`.execute(
    sut(),
  );

const rollupOf = async (clientId: string) =>
  (
    await sql<Record<string, unknown>>`select * from client_rollups where client_id = ${clientId}`.execute(
      sut(),
    )
  ).rows[0];

beforeAll(async () => {
  const user = async () =>
    (await insertUser(sut(), { email: `rep-${randomUUID()}@x.ru`, name: 'rep', role: 'rep' })).id;
  [rep, other] = [await user(), await user()];
  importId = (
    await sql<{ id: string }>`
      insert into receivable_imports (as_of, rows, imported, updated, unchanged) values ('2026-11-01', 0, 0, 0, 0)
      returning id`.execute(sut())
  ).rows[0]!.id;
});

describe('the per-client rollups', () => {
  it('follow invoices: new, paid late, paid on time, another rep, deleted', async () => {
    const client = await newClient(rep);
    await invoice(client, 'A-1', '2026-10-01', 1000);
    await invoice(client, 'A-2', '2026-10-15', 500, other);
    expect(await expectRollupsEqualRebuild()).toMatchObject({
      clients: [{ client_id: client, first_open_due_on: expect.anything(), first_paid_late_due_on: null }],
    });
    await sql`update receivable_invoices set balance = 0, paid_on = '2026-10-05' where number = 'A-1'`.execute(
      sut(),
    );
    await sql`update receivable_invoices set balance = 0, paid_on = '2026-10-10' where number = 'A-2'`.execute(
      sut(),
    );
    const kept = await expectRollupsEqualRebuild();
    // Per the invoice's own rep (nulls last): A-2 (the other rep's) on time, A-1 (none named) 4 days late.
    expect(kept.invoices).toMatchObject([
      { rep_id: other, open_invoices: 0, paid_invoices: 1, paid_on_time: 1, paid_days_late: '0' },
      { rep_id: null, open_invoices: 0, paid_invoices: 1, paid_on_time: 0, paid_days_late: '4' },
    ]);
    await sql`delete from receivable_invoices where client_id = ${client}`.execute(sut());
    expect((await expectRollupsEqualRebuild()).invoices).toEqual([]);
  });

  it('follow calls: uploaded, analysed, corrected, moved to another client, deleted', async () => {
    const client = await newClient(rep);
    const second = await newClient(rep);
    const call = await insertCall(
      sut(),
      newCallRow({ rep_id: rep, uploaded_by: rep, client_id: client, recorded_at: '2026-11-02T10:00:00Z' }),
    );
    expect(await rollupOf(client)).toMatchObject({ last_call_id: call.id, negotiations: 0 });
    await sut()
      .transaction()
      .execute((trx) => saveAnalysis(trx, call.id, verdict(true)));
    expect(await rollupOf(client)).toMatchObject({ negotiations: 1, negotiations_stated: 1 });
    await upsertFlagCorrection(sut(), {
      callId: call.id,
      flag: 'sanctions',
      stated: false,
      moments: [],
      reason: 'not said',
      authorId: rep,
    });
    expect(await rollupOf(client)).toMatchObject({ negotiations: 1, negotiations_stated: 0 });
    await expectRollupsEqualRebuild();
    await sql`update calls set client_id = ${second} where id = ${call.id}`.execute(sut());
    expect(await rollupOf(client)).toMatchObject({ last_call_id: null, negotiations: 0 });
    expect(await rollupOf(second)).toMatchObject({ last_call_id: call.id, negotiations: 1 });
    await sql`delete from calls where id = ${call.id}`.execute(sut());
    expect(await rollupOf(second)).toMatchObject({ last_call_id: null, negotiations: 0 });
    await expectRollupsEqualRebuild();
  });

  it('follow promises: read from a call, broken, followed up by a later call', async () => {
    const client = await newClient(rep);
    await invoice(client, 'P-1', '2026-10-01', 1000);
    const call = await insertCall(
      sut(),
      newCallRow({
        rep_id: rep,
        uploaded_by: rep,
        client_id: client,
        call_type: 'collection',
        recorded_at: '2026-10-05T10:00:00Z',
      }),
    );
    await sut()
      .transaction()
      .execute((trx) =>
        replaceCallPromises(trx, call.id, [
          { full: true, due: { weekday: 5 }, dueOn: '2026-10-09', moments: [] },
        ]),
      );
    expect((await expectRollupsEqualRebuild()).promises).toMatchObject([{ client_id: client, open: 1 }]);
    await sql`update payment_promises set status = 'broken', paid = 0 where call_id = ${call.id}`.execute(
      sut(),
    );
    expect((await expectRollupsEqualRebuild()).followUps).toMatchObject([
      { client_id: client, call_id: call.id },
    ]);
    await insertCall(
      sut(),
      newCallRow({ rep_id: rep, uploaded_by: rep, client_id: client, recorded_at: '2026-10-12T10:00:00Z' }),
    );
    const kept = await expectRollupsEqualRebuild();
    expect(kept.followUps).toEqual([]);
    expect(kept.promises).toMatchObject([{ client_id: client, broken: 1, open: 0 }]);
  });

  it('two writers for one client in concurrent transactions both count', async () => {
    const client = await newClient(rep);
    await invoice(client, 'C-0', '2026-08-01', 0); // the client already has its rollup row
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = sut()
      .transaction()
      .execute(async (trx) => {
        await sql`insert into receivable_invoices (client_id, number, issued_on, due_on, currency, amount, balance, last_import_id)
                  values (${client}, 'C-1', '2026-09-01', '2026-10-01', 'RUB', 1000, 1000, ${importId})`.execute(
          trx,
        );
        await held;
      });
    // The first writer holds the client's rollup row; the second waits for it, then sees its invoice.
    await new Promise((r) => setTimeout(r, 200));
    const second = sut()
      .transaction()
      .execute((trx) =>
        sql`insert into receivable_invoices (client_id, number, issued_on, due_on, currency, amount, balance, last_import_id)
            values (${client}, 'C-2', '2026-09-01', '2026-10-02', 'RUB', 1000, 1000, ${importId})`.execute(
          trx,
        ),
      );
    await new Promise((r) => setTimeout(r, 200));
    release();
    await Promise.all([first, second]);
    const rows = await sql<{ open_invoices: number }>`
      select open_invoices from client_invoice_rollups where client_id = ${client}`.execute(sut());
    expect(rows.rows).toEqual([{ open_invoices: 2 }]);
    await expectRollupsEqualRebuild();
  });
});
