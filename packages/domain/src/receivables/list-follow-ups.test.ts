import { describe, expect, it } from 'vitest';
import { ensureClient, insertCall, setClientSegment } from '@onterms/db';
import { newCallRow, sql, useTestDatabase } from '@onterms/db/testing';
import { creditPolicyLookup } from '../credit-policy/credit-policy-lookup.ts';
import { publishCreditPolicy } from '../credit-policy/publish-credit-policy.ts';
import { examplePolicy, insertPerson } from '../credit-policy/testing/policy-fixtures.ts';
import { listFollowUps } from './list-follow-ups.ts';

const database = useTestDatabase();

const NOW = new Date('2026-11-22T12:00:00Z');

describe('days without a call, per credit policy segment', () => {
  it('a segment’s followUpDays wins over FOLLOW_UP_DAYS; a segment without it, and no policy, use the setting', async () => {
    const db = database.db;
    const rep = (await insertPerson(db, 'rep')).id;
    const director = (await insertPerson(db, 'director')).id;
    const { rows } = await sql<{ id: string }>`
      insert into receivable_imports (as_of, rows, imported, updated, unchanged) values ('2026-11-20', 0, 0, 0, 0)
      returning id`.execute(db);
    // Two overdue clients, each called five days ago: one regular (the default), one new.
    const regular = (await ensureClient(db, 'ООО «Постоянный»')).id;
    const fresh = (await ensureClient(db, 'ООО «Новый»')).id;
    for (const [client, number] of [
      [regular, 'R-1'],
      [fresh, 'N-1'],
    ] as const) {
      await sql`
        insert into receivable_invoices (client_id, number, issued_on, due_on, currency, amount, balance, rep_id, last_import_id)
        values (${client}, ${number}, '2026-10-01', '2026-11-01', 'RUB', 1000, 1000, ${rep}, ${rows[0]!.id})`.execute(
        db,
      );
      await insertCall(
        db,
        newCallRow({
          rep_id: rep,
          uploaded_by: rep,
          client_id: client,
          call_type: 'collection',
          recorded_at: '2026-11-17T12:00:00Z',
        }),
      );
    }
    const queue = async () =>
      (
        await listFollowUps(
          { db, policy: creditPolicyLookup(db), defaultDays: 3, today: () => '2026-11-22', now: () => NOW },
          null,
        )
      ).items.map((i) => i.invoice?.number);

    // No policy yet: three days for everyone, so both are follow-ups.
    expect((await queue()).sort()).toEqual(['N-1', 'R-1']);

    const policy = examplePolicy(30);
    policy.segments[0]!.followUpDays = 10; // regular clients: ten days without a call are fine
    await publishCreditPolicy(
      { db, enqueueRecheck: async () => {}, actor: { userId: director, tokenId: null, ip: '127.0.0.1' } },
      { document: policy, baseVersion: null },
    );
    await setClientSegment(db, fresh, 'new');
    expect(await queue()).toEqual(['N-1']);

    // A segment the policy does not have falls back to the default segment's days.
    await setClientSegment(db, fresh, 'gone');
    expect(await queue()).toEqual([]);
  });
});
