import { findRecheck, type Database } from '@onterms/db';
import { createTestDatabase, sql, useTestDatabase } from '@onterms/db/testing';
import { publishCompanyChecklist, publishCreditPolicy, recheckCalls } from '@onterms/domain';
import {
  exampleChecklist,
  examplePolicy,
  insertAnalysedCall,
  insertPerson,
} from '@onterms/domain/testing/policy-fixtures';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { reanalyzeCall } from '../process-call.ts';
import { testDeps, waitFor } from '../testing/fixtures.ts';
import { useQueueTest } from '../testing/queue-test.ts';
import { workerProcesses } from '../testing/worker-processes.ts';

const env = useQueueTest();
/** A database of its own for the uninterrupted run the interrupted one is compared with. */
const reference = useTestDatabase();
const workers = workerProcesses(env);

/** The company's own item, «акт сверки», added to the default checklist. */
const CHECKLIST = exampleChecklist();

/** Eight stored calls analysed with the default checklist and checked against a published policy. */
async function seed(db: Kysely<Database>) {
  const director = (await insertPerson(db, 'director')).id;
  const rep = (await insertPerson(db, 'rep')).id;
  for (let i = 0; i < 8; i++)
    await insertAnalysedCall(db, rep, {
      lines: [
        ['rep', `Отсрочка ${20 + i * 10} дней с даты отгрузки.`],
        ['rep', i % 2 ? 'Акт сверки пришлю в пятницу.' : 'Документы пришлю в пятницу.'],
      ],
    });
  const actor = { userId: director, tokenId: null, ip: null };
  const { recheck } = await publishCreditPolicy(
    { db, actor, enqueueRecheck: async () => {} },
    { document: examplePolicy(30), baseVersion: null },
  );
  await recheckCalls({ db, reanalyzeCall: async () => {} }, recheck.id);
  return actor;
}

/** What a run leaves per call (keyed by what the rep said): analysis, flags, moments, policy check. */
async function snapshot(db: Kysely<Database>) {
  const { rows } = await sql<{ said: string; row: unknown }>`
    select (select string_agg(s.text, ' ' order by s.idx) from transcript_segments s where s.call_id = c.id) as said,
      jsonb_build_object(
        'checklist', (select jsonb_build_array(a.checklist_id, a.checklist_version, a.company_checklist_version)
          from analyses a where a.call_id = c.id),
        'analyses', (select count(*) from analyses a where a.call_id = c.id),
        'flags', (select jsonb_agg(jsonb_build_array(f.flag, f.stated) order by f.flag)
          from analysis_flags f where f.call_id = c.id),
        'moments', (select jsonb_agg(jsonb_build_array(m.flag, m.ordinal, m.segment_idx, m.quote)
          order by m.flag, m.ordinal) from analysis_moments m where m.call_id = c.id),
        'check', (select jsonb_build_array(k.policy_version, k.breaches, k.omissions)
          from call_policy_checks k where k.call_id = c.id),
        'findings', (select jsonb_agg(jsonb_build_array(f.kind, f.stated) order by f.ordinal)
          from call_policy_findings f where f.call_id = c.id)
      ) as row
    from calls c order by 1`.execute(db);
  return rows;
}

const reanalysed = async (db: Kysely<Database>) =>
  Number(
    (
      await db
        .selectFrom('analyses')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('company_checklist_version', '=', 1)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a checklist re-check through a real BullMQ worker', () => {
  it('a worker killed mid-run leaves the run to another, which ends in the rows of an uninterrupted run', async () => {
    // the same calls re-analysed in one go, in this process: what the interrupted run must end in
    const refActor = await seed(reference.db);
    const refRun = await publishCompanyChecklist(
      { db: reference.db, actor: refActor, enqueueRecheck: async () => {} },
      { callType: 'credit_negotiation', document: CHECKLIST, baseVersion: null },
    );
    const refDeps = testDeps({ db: reference.db, store: env.ctx.store });
    expect(
      await recheckCalls(
        { db: reference.db, reanalyzeCall: (id) => reanalyzeCall(refDeps, id) },
        refRun.recheck.id,
      ),
    ).toBe('done');
    const expected = await snapshot(reference.db);
    expect(expected.filter((r) => JSON.stringify(r.row).includes('["reconciliation",true]'))).toHaveLength(4);

    const actor = await seed(env.ctx.db);
    const doomed = await workers.start({ slowAnalyseMs: 400 });
    const { recheck } = await publishCompanyChecklist(
      { db: env.ctx.db, actor, enqueueRecheck: (id) => env.queue.enqueueRecheck(id) },
      { callType: 'credit_negotiation', document: CHECKLIST, baseVersion: null },
    );
    expect(recheck).toMatchObject({ kind: 'checklist', checklistVersion: 1, total: 8, status: 'running' });
    await waitFor(async () => (await reanalysed(env.ctx.db)) >= 2, 30_000, 'two calls re-analysed');
    doomed.child.kill('SIGKILL');
    expect((await doomed.exited).signal).toBe('SIGKILL');
    const left = await reanalysed(env.ctx.db);
    expect(left).toBeLessThan(8); // killed mid-run
    expect(await findRecheck(env.ctx.db, recheck.id)).toMatchObject({ status: 'running' });

    // the stalled job goes to the next worker, which resumes from the rows
    const rescuer = await workers.start();
    const done = await waitFor(
      async () => {
        const run = await findRecheck(env.ctx.db, recheck.id);
        return run?.status === 'done' ? run : undefined;
      },
      60_000,
      'the run to finish',
    );
    expect(done).toMatchObject({ done: 8, total: 8 });
    expect(rescuer.events.filter((e) => e.event === 'analyse-started').length).toBeLessThanOrEqual(
      8 - left + 1,
    );
    const after = await snapshot(env.ctx.db);
    expect(after).toEqual(expected);

    // the same job delivered again: nothing left to do, the same rows
    await env.queue.enqueueRecheck(recheck.id);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await snapshot(env.ctx.db)).toEqual(after);

    // a policy publish goes through the same job: every call checked against the new version
    const policy = await publishCreditPolicy(
      { db: env.ctx.db, actor, enqueueRecheck: (id) => env.queue.enqueueRecheck(id) },
      { document: examplePolicy(45), baseVersion: 1 },
    );
    await waitFor(
      async () => (await findRecheck(env.ctx.db, policy.recheck.id))?.status === 'done',
      30_000,
      'the policy re-check',
    );
    const checked = await snapshot(env.ctx.db);
    expect(checked.map((r) => (r.row as { check: number[] }).check[0])).toEqual(Array(8).fill(2));
    expect(checked.filter((r) => JSON.stringify(r.row).includes('deferral_over_limit'))).toHaveLength(5); // 50…90 days;
    rescuer.child.kill('SIGTERM');
    expect((await rescuer.exited).code).toBe(0);
  });
});

describe('checklist re-check runs', () => {
  it('a newer checklist supersedes a run still going; its own run analyses every call with it', async () => {
    const database = await createTestDatabase();
    try {
      const { db } = database;
      const actor = await seed(db);
      const deps = { db, actor, enqueueRecheck: async () => {} };
      const publish = (baseVersion: number | null, title: string) =>
        publishCompanyChecklist(deps, {
          callType: 'credit_negotiation',
          document: { ...CHECKLIST, items: [{ ...CHECKLIST.items[0]!, title }] },
          baseVersion,
        });
      const { recheck: first } = await publish(null, 'Акт сверки');
      const { recheck: second } = await publish(1, 'Акт сверки взаиморасчётов');
      expect(await findRecheck(db, first.id)).toMatchObject({ status: 'superseded' });

      const pipelineDeps = testDeps({ db, store: env.ctx.store });
      const run = { db, reanalyzeCall: (id: string) => reanalyzeCall(pipelineDeps, id) };
      expect(await recheckCalls(run, first.id)).toBe('superseded');
      expect(await reanalysed(db)).toBe(0); // the superseded run analysed nothing
      expect(await recheckCalls(run, second.id)).toBe('done');
      const versions = await db.selectFrom('analyses').select('company_checklist_version as v').execute();
      expect(versions.map((r) => r.v)).toEqual(Array(8).fill(2));
      expect(await findRecheck(db, second.id)).toMatchObject({ status: 'done', done: 8, total: 8 });
    } finally {
      await database.drop();
    }
  });
});
