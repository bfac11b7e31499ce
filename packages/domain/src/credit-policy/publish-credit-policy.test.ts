import { beforeAll, describe, expect, it } from 'vitest';
import {
  findCurrentPolicy,
  getAnalysis,
  getPolicyCheck,
  latestRecheck,
  listPolicyVersions,
} from '@onterms/db';
import { sql, useTestDatabase } from '@onterms/db/testing';
import { AppError } from '../app-error.ts';
import { checkCallAgainstPolicy } from './check-call-against-policy.ts';
import { publishCreditPolicy } from './publish-credit-policy.ts';
import { setSegmentOfClient } from './set-client-segment.ts';
import { examplePolicy, insertAnalysedCall, insertPerson } from './testing/policy-fixtures.ts';

const database = useTestDatabase();
let director: string;
let rep: string;
const enqueued: string[] = [];
const deps = () => ({
  db: database.db,
  enqueueRecheck: async (id: string) => void enqueued.push(id),
  actor: { userId: director, tokenId: null, ip: '127.0.0.1' },
});

beforeAll(async () => {
  director = (await insertPerson(database.db, 'director')).id;
  rep = (await insertPerson(database.db, 'rep')).id;
});

describe('publishing the credit policy', () => {
  it('refuses an invalid policy naming the field, and writes nothing', async () => {
    const bad = { ...examplePolicy(), segments: [{ id: 'regular', name: 'R', maxDeferralDays: -1 }] };
    const error = await publishCreditPolicy(deps(), { document: bad, baseVersion: null }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'invalid_policy' });
    expect(error.message).toContain('/segments/0/maxDeferralDays');
    expect(await listPolicyVersions(database.db)).toEqual([]);
    const audit = await database.db.selectFrom('audit_log').select('action').execute();
    expect(audit).toEqual([]);
  });

  it('numbers versions itself, records who published, audits, and starts a re-check', async () => {
    const first = await publishCreditPolicy(deps(), { document: examplePolicy(30), baseVersion: null });
    expect(first.policy.version).toBe(1);
    const second = await publishCreditPolicy(deps(), {
      document: { ...examplePolicy(45), version: 17 },
      baseVersion: 1,
      note: 'комитет 2026-12-01',
    });
    expect(second.policy.version).toBe(2);
    const versions = await listPolicyVersions(database.db);
    expect(versions.map((v) => [v.version, v.document.segments[0]!.maxDeferralDays, v.note])).toEqual([
      [2, 45, 'комитет 2026-12-01'],
      [1, 30, null],
    ]);
    expect(versions[0]!.publishedBy?.id).toBe(director);
    expect(enqueued).toEqual([first.recheck.id, second.recheck.id]);
    const audit = await database.db
      .selectFrom('audit_log')
      .select(['action', 'object_id', 'actor_user_id'])
      .orderBy('at')
      .execute();
    expect(audit).toEqual([
      { action: 'credit_policy.publish', object_id: '1', actor_user_id: director },
      { action: 'credit_policy.publish', object_id: '2', actor_user_id: director },
    ]);
    // the first run is superseded by the second publish
    expect(await latestRecheck(database.db)).toMatchObject({ id: second.recheck.id, policyVersion: 2 });
  });

  it('never rewrites history: a published version cannot be changed or deleted', async () => {
    await expect(
      sql`update credit_policy_versions set document = '{}' where version = 1`.execute(database.db),
    ).rejects.toThrow(/never changed or deleted/);
    await expect(
      sql`delete from credit_policy_versions where version = 1`.execute(database.db),
    ).rejects.toThrow(/never changed or deleted/);
    expect(
      (await listPolicyVersions(database.db)).find((v) => v.version === 1)!.document.segments[0]!
        .maxDeferralDays,
    ).toBe(30);
  });

  it('refuses to publish over a version published since the editor loaded it', async () => {
    const error = await publishCreditPolicy(deps(), { document: examplePolicy(10), baseVersion: 1 }).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ code: 'conflict' });
    expect((await findCurrentPolicy(database.db))!.version).toBe(2);
  });

  it('is atomic: when any part fails (here the publisher does not exist), no version exists', async () => {
    const ghost = {
      ...deps(),
      actor: { userId: '00000000-0000-4000-8000-000000000000', tokenId: null, ip: null },
    };
    await expect(
      publishCreditPolicy(ghost, { document: examplePolicy(99), baseVersion: 2 }),
    ).rejects.toThrow();
    expect((await findCurrentPolicy(database.db))!.version).toBe(2);
    expect(
      await database.db
        .selectFrom('policy_rechecks')
        .select('policy_version')
        .where('policy_version', '=', 3)
        .execute(),
    ).toEqual([]);
  });

  it('concurrent publishes from the same base: exactly one wins', async () => {
    const results = await Promise.allSettled(
      [20, 25, 28].map((d) => publishCreditPolicy(deps(), { document: examplePolicy(d), baseVersion: 2 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code),
    ).toEqual(['conflict', 'conflict']);
    expect((await findCurrentPolicy(database.db))!.version).toBe(3);
  });
});

describe('checking a call against the current version', () => {
  it('stores the version, the segment (the default, said so) and the findings', async () => {
    await publishCreditPolicy(deps(), { document: examplePolicy(30), baseVersion: 3 });
    const callId = await insertAnalysedCall(database.db, rep, {
      client: 'ООО «Ромашка»',
      lines: [
        ['rep', 'Отсрочка шестьдесят дней с даты отгрузки.'],
        ['rep', 'При просрочке пени 0,1% в день и остановим отгрузки.'],
      ],
    });
    await checkCallAgainstPolicy(database.db, callId, (await getAnalysis(database.db, callId))!);
    expect(await getPolicyCheck(database.db, callId)).toMatchObject({
      id: 'credit-rules',
      version: 4,
      segment: 'regular',
      defaultSegmentUsed: true,
      findings: [{ kind: 'deferral_over_limit', segment: 0, stated: 60, allowed: 30, severity: 'breach' }],
    });
  });

  it('a client given a segment is checked against it; an unknown segment is refused', async () => {
    const client = await database.db.selectFrom('clients').select('id').executeTakeFirstOrThrow();
    const who = { db: database.db, actor: deps().actor };
    await expect(setSegmentOfClient(who, client.id, 'vip')).rejects.toMatchObject({
      code: 'bad_request',
      field: 'segment',
    });
    await setSegmentOfClient(who, client.id, 'new');
    const callId = await insertAnalysedCall(database.db, rep, { client: 'ооо ромашка', days: 14 });
    await checkCallAgainstPolicy(database.db, callId, (await getAnalysis(database.db, callId))!);
    const check = await getPolicyCheck(database.db, callId);
    expect(check).toMatchObject({ segment: 'new', defaultSegmentUsed: false });
    expect(check!.findings.map((f) => f.kind)).toEqual(['deferral_over_limit', 'payment_form_not_allowed']);
  });
});
