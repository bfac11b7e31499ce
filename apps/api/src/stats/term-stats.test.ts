import { beforeAll, describe, expect, it } from 'vitest';
import { rebuildCallStats, setManagedTeams, upsertFlagCorrection } from '@onterms/db';
import { ALL_STATED, seedCall } from '../testing/seed-calls.ts';
import { useTestApp } from '../testing/test-app.ts';
import type { UserPrincipal } from '../access/principal.ts';
import { termStats, zeroCounts } from './term-stats.ts';

/**
 * Hand-computed fixtures (company time zone Europe/Moscow, UTC+3). Period 2026-11-02 … 2026-11-15
 * (two Monday weeks); the previous period is 2026-10-19 … 2026-11-01.
 *
 * rep1 (team A):
 *   c1 11-02 10:00Z  all stated; a manager "corrects" sanctions to stated (agrees with the machine)
 *   c2 11-03 10:00Z  terms + deadline, no sanctions, a deflection
 *   c3 11-09 10:00Z  nothing stated; corrected: payment terms stated (disagrees)
 *   c4 11-10 10:00Z  failed
 *   c5 11-11 10:00Z  queued (not analysed yet)
 *   c6 11-08 21:30Z  all stated — 00:30 on Monday 11-09 in Moscow: second week (first week in UTC)
 *   c7 11-01 20:59Z  all stated — 23:59 on Sunday 11-01 in Moscow: previous period
 *   c8 11-15 21:00Z  all stated — 00:00 on 11-16 in Moscow: after the period
 * rep2 (team A): c9 11-05, deadline + sanctions, no payment terms
 * rep3 (team B): c10 11-05, all stated
 */
const t = useTestApp();
const ids: Record<string, string> = {};
let headers: Record<'director' | 'manager' | 'rep1', Record<string, string>>;
let rep1: string, rep2: string, rep3: string, teamA: string, teamB: string, directorId: string;
const PERIOD = 'from=2026-11-02&to=2026-11-15';

beforeAll(async () => {
  const db = t.database.db;
  const r1 = await t.createUser('rep');
  teamA = r1.teamId!;
  const r2 = await t.createUser('rep', { teamId: teamA });
  const r3 = await t.createUser('rep');
  teamB = r3.teamId!;
  const manager = await t.createUser('manager', { teamId: teamA });
  const director = await t.createUser('director');
  [rep1, rep2, rep3, directorId] = [r1.id, r2.id, r3.id, director.id];
  await setManagedTeams(db, manager.id, [teamA]);
  headers = { director: director.headers, manager: manager.headers, rep1: r1.headers };
  const nothing = { payment_terms: false, deadline: false, sanctions: false, deflection: false };
  const seed = async (name: string, repId: string, recordedAt: string, verdict?: typeof ALL_STATED) =>
    (ids[name] = await seedCall(db, { repId, recordedAt, ...(verdict && { verdict }) }));
  await seed('c1', rep1, '2026-11-02T10:00:00Z', ALL_STATED);
  await seed('c2', rep1, '2026-11-03T10:00:00Z', { ...ALL_STATED, sanctions: false, deflection: true });
  await seed('c3', rep1, '2026-11-09T10:00:00Z', nothing);
  await seed('c4', rep1, '2026-11-10T10:00:00Z');
  await seed('c5', rep1, '2026-11-11T10:00:00Z');
  await seed('c6', rep1, '2026-11-08T21:30:00Z', ALL_STATED);
  await seed('c7', rep1, '2026-11-01T20:59:00Z', ALL_STATED);
  await seed('c8', rep1, '2026-11-15T21:00:00Z', ALL_STATED);
  await seed('c9', rep2, '2026-11-05T10:00:00Z', { ...ALL_STATED, payment_terms: false });
  await seed('c10', rep3, '2026-11-05T10:00:00Z', ALL_STATED);
  await db
    .updateTable('calls')
    .set({ status: 'failed', failure_reason: 'corrupt' })
    .where('id', '=', ids.c4!)
    .execute();
  const correct = (callId: string, flag: string, stated: boolean) =>
    upsertFlagCorrection(db, { callId, flag, stated, moments: [], reason: 'heard it', authorId: manager.id });
  await correct(ids.c1!, 'sanctions', true);
  await correct(ids.c3!, 'payment_terms', true);
});

async function report(who: keyof typeof headers, query: string) {
  const res = await t.sut.inject({ url: `/api/stats/terms?${query}`, headers: headers[who] });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const counts = (o: Partial<Record<string, number>>) => ({ ...zeroCounts(), ...o });

describe('GET /api/stats/terms', () => {
  it('counts effective verdicts per rep, failed and pending apart, worst first, with the previous period', async () => {
    const sut = await report('director', `${PERIOD}&groupBy=rep`);
    expect(sut.period).toEqual({ from: '2026-11-01T21:00:00.000Z', to: '2026-11-15T21:00:00.000Z' });
    expect(sut.previousPeriod).toEqual({ from: '2026-10-18T21:00:00.000Z', to: '2026-11-01T21:00:00.000Z' });
    expect(sut.groups.map((g: { key: string }) => g.key)).toEqual([rep2, rep1, rep3]);
    const r1 = sut.groups[1];
    expect(r1.current.counts).toEqual(
      counts({
        analysed: 4,
        failed: 1,
        pending: 1,
        payment_terms: 4,
        deadline: 3,
        sanctions: 2,
        allThree: 2,
        deflection: 1,
      }),
    );
    expect(r1.current.shares).toEqual({
      payment_terms: 1,
      deadline: 0.75,
      sanctions: 0.5,
      allThree: 0.5,
      deflection: 0.25,
    });
    expect(r1.previous.counts).toEqual(
      counts({ analysed: 1, payment_terms: 1, deadline: 1, sanctions: 1, allThree: 1 }),
    );
    // Sparkline: week of 11-02 has c1, c2; week of 11-09 has c3, c6 (Moscow), c4 failed, c5 pending.
    expect(r1.trend.map((w: { counts: { analysed: number } }) => w.counts.analysed)).toEqual([2, 2]);
    expect(sut.groups[0].current.counts).toEqual(counts({ analysed: 1, deadline: 1, sanctions: 1 }));
    expect(sut.total.current.counts).toEqual(
      counts({
        analysed: 6,
        failed: 1,
        pending: 1,
        payment_terms: 5,
        deadline: 5,
        sanctions: 4,
        allThree: 3,
        deflection: 1,
      }),
    );
    expect(sut.trust).toEqual([
      { flag: 'payment_terms', corrections: 1, agreements: 0, rate: 0 },
      { flag: 'deadline', corrections: 0, agreements: 0, rate: null },
      { flag: 'sanctions', corrections: 1, agreements: 1, rate: 1 },
      { flag: 'deflection', corrections: 0, agreements: 0, rate: null },
    ]);
  });

  it('takes week boundaries in the company time zone', async () => {
    const sut = await report('director', `${PERIOD}&groupBy=week&repId=${rep1}`);
    expect(
      sut.groups.map((g: { label: string; from: string; to: string }) => [g.label, g.from, g.to]),
    ).toEqual([
      ['2026-11-02', '2026-11-01T21:00:00.000Z', '2026-11-08T21:00:00.000Z'],
      ['2026-11-09', '2026-11-08T21:00:00.000Z', '2026-11-15T21:00:00.000Z'],
    ]);
    expect(sut.groups[0].current.counts).toEqual(
      counts({ analysed: 2, payment_terms: 2, deadline: 2, sanctions: 1, allThree: 1, deflection: 1 }),
    );
    expect(sut.groups[1].current.counts).toEqual(
      counts({
        analysed: 2,
        failed: 1,
        pending: 1,
        payment_terms: 2,
        deadline: 1,
        sanctions: 1,
        allThree: 1,
      }),
    );
  });

  it('groups by team and by month', async () => {
    const byTeam = await report('director', `${PERIOD}&groupBy=team`);
    const analysed = Object.fromEntries(
      byTeam.groups.map((g: { key: string; current: { counts: { analysed: number } } }) => [
        g.key,
        g.current.counts.analysed,
      ]),
    );
    expect(analysed).toEqual({ [teamA]: 5, [teamB]: 1 });
    const byMonth = await report('director', `${PERIOD}&groupBy=month`);
    expect(byMonth.groups).toHaveLength(1);
    expect(byMonth.groups[0].from).toBe('2026-11-01T21:00:00.000Z');
    expect(byMonth.groups[0].current.counts.analysed).toBe(6);
  });

  it('answers an empty period with zeros and no shares', async () => {
    const sut = await report('director', 'from=2025-01-01&to=2025-01-07&groupBy=week');
    expect(sut.total.current).toEqual({
      counts: counts({}),
      shares: { payment_terms: null, deadline: null, sanctions: null, allThree: null, deflection: null },
    });
    expect(sut.groups.map((g: { label: string }) => g.label)).toEqual(['2024-12-30', '2025-01-06']);
    expect(sut.trust.every((f: { rate: null }) => f.rate === null)).toBe(true);
  });

  it('scopes by role: a manager sees their teams, a rep only themselves', async () => {
    const manager = await report('manager', `${PERIOD}&groupBy=rep`);
    expect(manager.groups.map((g: { key: string }) => g.key).sort()).toEqual([rep1, rep2].sort());
    const rep = await report('rep1', `${PERIOD}&groupBy=rep`);
    expect(rep.groups.map((g: { key: string }) => g.key)).toEqual([rep1]);
    const peeking = await report('rep1', `${PERIOD}&groupBy=rep&repId=${rep3}`);
    expect(peeking.groups).toEqual([]);
    const otherTeam = await report('manager', `${PERIOD}&groupBy=team&teamId=${teamB}`);
    expect(otherTeam.total.current.counts.analysed).toBe(0);
  });

  it('every number opens exactly its calls in the list', async () => {
    const sut = await report('director', `${PERIOD}&groupBy=rep`);
    const r1 = sut.groups.find((g: { key: string }) => g.key === rep1);
    const base = `repId=${rep1}&from=${r1.from}&to=${r1.to}`;
    const total = async (q: string) => {
      const res = await t.sut.inject({ url: `/api/calls?${base}&${q}`, headers: headers.director });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().total;
    };
    expect(await total('status=analyzed')).toBe(r1.current.counts.analysed);
    expect(await total('status=analyzed&stated=payment_terms')).toBe(r1.current.counts.payment_terms);
    expect(await total('status=analyzed&stated=sanctions')).toBe(r1.current.counts.sanctions);
    expect(await total('status=analyzed&stated=all')).toBe(r1.current.counts.allThree);
    expect(await total('status=analyzed&deflection=true')).toBe(r1.current.counts.deflection);
    expect(await total('status=failed')).toBe(r1.current.counts.failed);
    expect(await total('status=queued,processing,waiting,transcribed')).toBe(r1.current.counts.pending);
  });

  it('keeps the rollup equal to a rebuild from the source tables', async () => {
    const before = await report('director', `${PERIOD}&groupBy=rep`);
    await rebuildCallStats(t.database.db);
    expect(await report('director', `${PERIOD}&groupBy=rep`)).toEqual(before);
  });

  it('rebuilds the daily rollup when the company time zone changes', async () => {
    const director: UserPrincipal = {
      kind: 'user',
      userId: directorId,
      role: 'director',
      teamIds: [],
      session: null,
    };
    const inZone = (timeZone: string) =>
      termStats({ db: t.database.db, timeZone }, director, {
        from: '2026-11-02',
        to: '2026-11-15',
        groupBy: 'week',
        repId: rep1,
      });
    try {
      // In UTC, c6 (11-08 21:30Z) falls in the first week and c8 (11-15 21:00Z) inside the period.
      const utc = await inZone('UTC');
      expect(utc.period).toEqual({ from: '2026-11-02T00:00:00.000Z', to: '2026-11-16T00:00:00.000Z' });
      expect(utc.groups.map((g) => g.current.counts.analysed)).toEqual([3, 2]);
    } finally {
      await inZone('Europe/Moscow');
    }
    const moscow = await inZone('Europe/Moscow');
    expect(moscow.groups.map((g) => g.current.counts.analysed)).toEqual([2, 2]);
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await t.sut.inject({
      url: '/api/stats/terms?from=2026-11-10&to=2026-11-01',
      headers: headers.director,
    });
    expect(res.statusCode).toBe(400);
  });
});
