import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoUsers } from '@onterms/domain';
import { getAnalyses, listThreadsAwaiting } from '@onterms/db';
import { createMedia } from '@onterms/media';
import { createDefaultDeps, silentLogger } from '@onterms/pipeline';
import { useTestApp } from '../testing/test-app.ts';
import { createAuditLog } from '../auth/audit.ts';
import { DEMO_REPS, planDemoCalls } from './demo-story.ts';
import { loadDemoStory, localInstant, type DemoStoryDeps } from './load-demo-story.ts';

const ZONE = 'Europe/Moscow';
const t = useTestApp();
let deps: DemoStoryDeps;
beforeAll(async () => {
  await createDemoUsers(t.database.db, t.auth.passwords);
  deps = {
    pipeline: createDefaultDeps({
      db: t.database.db,
      store: t.store,
      media: createMedia(),
      log: silentLogger,
      timeZone: 'Europe/Moscow',
    }),
    store: t.store,
    audit: createAuditLog(t.database.db),
  };
}, 60_000);

describe('the demo plan', () => {
  it('is a few hundred calls by six reps over twelve weeks, mostly Russian, the same on every start', () => {
    const plan = planDemoCalls();
    expect(plan).toHaveLength(DOCUMENTED.calls);
    expect(new Set(plan.map((c) => c.repEmail)).size).toBe(6);
    expect(Math.max(...plan.map((c) => c.daysAgo))).toBeLessThanOrEqual(84);
    expect(Math.min(...plan.map((c) => c.daysAgo))).toBeGreaterThanOrEqual(1);
    expect(plan.filter((c) => c.language === 'en').length / plan.length).toBeLessThan(0.25);
    expect(plan.filter((c) => c.broken)).toHaveLength(DOCUMENTED.failed);
    expect(planDemoCalls().map((c) => c.id)).toEqual(plan.map((c) => c.id));
  });

  it('puts a call on its day and hour in the company time zone, whatever the server’s', () => {
    expect(localInstant('2026-03-10', 2, 9, 'Europe/Moscow').toISOString()).toBe('2026-03-08T06:34:00.000Z');
    expect(localInstant('2026-03-10', 0, 23, 'America/New_York').toISOString()).toBe(
      '2026-03-11T03:00:00.000Z',
    );
  });
});

/** The figures the README states for the demo. */
const DOCUMENTED = { calls: 298, failed: 5 };

describe('loading the demo story', () => {
  it('runs every call through the real analysis on a fresh database, and a second load adds nothing', async () => {
    const started = performance.now();
    const first = await loadDemoStory(deps, { timeZone: ZONE });
    const ms = performance.now() - started;
    console.log(`demo story: ${first.created} calls loaded in ${(ms / 1000).toFixed(1)} s`, first.coaching);
    expect(first).toMatchObject({
      created: DOCUMENTED.calls,
      existing: 0,
      analyzed: DOCUMENTED.calls - DOCUMENTED.failed,
      failed: DOCUMENTED.failed,
    });
    expect(first.coaching.threads).toBeGreaterThan(20);
    expect(first.coaching.disputed).toBeGreaterThan(3);
    expect(first.coaching.corrections).toBe(3);

    const again = await loadDemoStory(deps, { timeZone: ZONE });
    expect(again).toMatchObject({ created: 0, existing: DOCUMENTED.calls });
    expect(again.coaching.threads).toBe(0);

    const rows = await t.database.db.selectFrom('calls').select('id').execute();
    expect(rows).toHaveLength(DOCUMENTED.calls);
  }, 300_000);

  it('tells the story: Павел learns to state the terms, Андрей deflects, disputes wait for the manager', async () => {
    const db = t.database.db;
    const users = await db.selectFrom('users').select(['id', 'email']).execute();
    const idOf = (email: string) => users.find((u) => u.email === email)!.id;
    const plan = planDemoCalls();
    const analyses = await getAnalyses(
      db,
      plan.filter((c) => !c.broken).map((c) => c.id),
    );
    const rate = (email: string, fromDays: number, toDays: number, read: (id: string) => boolean) => {
      const ids = plan.filter(
        (c) =>
          c.repEmail === email &&
          !c.broken &&
          c.callType === 'credit_negotiation' &&
          c.daysAgo > fromDays &&
          c.daysAgo <= toDays,
      );
      return ids.filter((c) => read(c.id)).length / ids.length;
    };
    const sanctions = (id: string) => analyses.get(id)!.flags.sanctions!.stated;
    const deflects = (id: string) => analyses.get(id)!.deflection.present;
    const pavel = DEMO_REPS[0]!.email;
    expect(rate(pavel, 56, 84, sanctions)).toBeLessThan(0.35);
    expect(rate(pavel, 0, 28, sanctions)).toBeGreaterThan(0.6);
    expect(rate('rep3@demo.onterms.local', 0, 84, deflects)).toBeGreaterThan(0.4);
    expect(rate('rep4@demo.onterms.local', 0, 84, deflects)).toBeLessThan(0.15);

    const north = await db
      .selectFrom('users')
      .select('team_id')
      .where('id', '=', idOf(pavel))
      .executeTakeFirstOrThrow();
    const teamReps = users
      .filter((u) => DEMO_REPS.slice(0, 3).some((r) => r.email === u.email))
      .map((u) => u.id);
    expect(north.team_id).not.toBeNull();
    const awaitingManager = await listThreadsAwaiting(db, 'manager', teamReps);
    expect(awaitingManager.length).toBeGreaterThan(0);
  });
});
