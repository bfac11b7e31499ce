import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '@onterms/contracts';
import { saveAnalysis } from '../analyses/analyses-repository.ts';
import { insertCall, transitionCallStatus } from '../calls/calls-repository.ts';
import { deleteFlagCorrection, upsertFlagCorrection } from '../coaching/corrections-repository.ts';
import { newCallRow, sql, useTestDatabase } from '../testing.ts';
import { insertUser } from '../users/users-repository.ts';
import { ensureStatsTimeZone, queryTermStats, rebuildCallStats } from './stats-repository.ts';

/**
 * The rollup is kept by triggers on every write path; after each kind of write it must equal a rebuild
 * from the source tables.
 */
const database = useTestDatabase();
let rep: string, other: string, manager: string;
const sut = () => database.db;

const verdict = (pt: boolean, dl: boolean, sc: boolean, defl: boolean): AnalysisResult =>
  ({
    checklist: { id: 'credit_negotiation', version: 't' },
    engine: { rules: 't', llmModel: null },
    flags: {
      payment_terms: { stated: pt, moments: [] },
      deadline: { stated: dl, moments: [] },
      sanctions: { stated: sc, moments: [] },
    },
    deflection: { present: defl, moments: [] },
  }) as unknown as AnalysisResult;

async function snapshot() {
  const { rows } = await sql`select * from call_stats_daily where analysed + failed + pending > 0
                             order by day, rep_id, call_type`.execute(sut());
  return rows;
}

async function expectRollupEqualsRebuild() {
  const kept = await snapshot();
  await rebuildCallStats(sut());
  expect(kept).toEqual(await snapshot());
  return kept;
}

beforeAll(async () => {
  const user = async (role: 'rep' | 'manager') =>
    (await insertUser(sut(), { email: `${role}-${randomUUID()}@x.ru`, name: role, role })).id;
  [rep, other, manager] = [await user('rep'), await user('rep'), await user('manager')];
});

describe('call_stats_daily', () => {
  it('follows uploads, analyses, re-analyses, corrections, failures, moves and deletes', async () => {
    const db = sut();
    const call = await insertCall(
      db,
      newCallRow({ rep_id: rep, uploaded_by: rep, recorded_at: '2026-11-02T10:00:00Z' }),
    );
    expect(await expectRollupEqualsRebuild()).toMatchObject([{ pending: 1, analysed: 0 }]);

    await db.transaction().execute((trx) => saveAnalysis(trx, call.id, verdict(true, false, false, true)));
    expect(await expectRollupEqualsRebuild()).toMatchObject([
      { pending: 0, analysed: 1, payment_terms: 1, deadline: 0, deflection: 1 },
    ]);

    await upsertFlagCorrection(db, {
      callId: call.id,
      flag: 'deadline',
      stated: true,
      moments: [],
      reason: 'r',
      authorId: manager,
    });
    await upsertFlagCorrection(db, {
      callId: call.id,
      flag: 'deflection',
      stated: true,
      moments: [],
      reason: 'r',
      authorId: manager,
    });
    expect(await expectRollupEqualsRebuild()).toMatchObject([
      { deadline: 1, c_deadline: 1, a_deadline: 0, c_deflection: 1, a_deflection: 1 },
    ]);

    // Re-analysis replaces the machine's verdict; the corrections stay and now agree or not anew.
    await db.transaction().execute((trx) => saveAnalysis(trx, call.id, verdict(true, true, true, false)));
    expect(await expectRollupEqualsRebuild()).toMatchObject([
      { all_three: 1, c_deadline: 1, a_deadline: 1, deflection: 1, a_deflection: 0 },
    ]);

    await deleteFlagCorrection(db, call.id, 'deflection');
    expect(await expectRollupEqualsRebuild()).toMatchObject([{ deflection: 0, c_deflection: 0 }]);

    await transitionCallStatus(db, call.id, ['analyzed'], 'failed', 'broken');
    expect(await expectRollupEqualsRebuild()).toMatchObject([{ analysed: 0, failed: 1, all_three: 0 }]);

    // Moving a call to another rep and across midnight in Moscow (21:30Z is 00:30 the next day).
    await db
      .updateTable('calls')
      .set({ rep_id: other, recorded_at: '2026-11-02T21:30:00Z' })
      .where('id', '=', call.id)
      .execute();
    const moved = await expectRollupEqualsRebuild();
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ rep_id: other, failed: 1 });

    await db.deleteFrom('calls').where('id', '=', call.id).execute();
    expect(await expectRollupEqualsRebuild()).toEqual([]);
  });

  it('takes days in the configured time zone and rebuilds once when it changes', async () => {
    const db = sut();
    const call = await insertCall(
      db,
      newCallRow({ rep_id: rep, uploaded_by: rep, recorded_at: '2026-11-08T21:30:00Z' }),
    );
    const weekOf = async () =>
      (
        await queryTermStats(db, {
          from: '2026-11-02',
          to: '2026-11-15',
          previousFrom: '2026-10-19',
          groupBy: 'week',
          repIds: [rep],
        })
      ).map((r) => r.key);
    expect(await weekOf()).toEqual(['2026-11-09']); // Monday 00:30 in Moscow
    expect(await ensureStatsTimeZone(db, 'UTC')).toBe(true);
    expect(await ensureStatsTimeZone(db, 'UTC')).toBe(false);
    expect(await weekOf()).toEqual(['2026-11-02']); // still Sunday in UTC
    await ensureStatsTimeZone(db, 'Europe/Moscow');
    await db.deleteFrom('calls').where('id', '=', call.id).execute();
  });
});
