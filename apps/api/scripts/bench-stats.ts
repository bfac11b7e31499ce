// `npm run bench:stats [-- --calls 1000000 --runs 20]`: the dashboard's queries at scale. Generates the
// calls (200 reps in 20 teams, one year, 3 % failed, 3 % not analysed, 2 % with a manager's correction)
// with INSERT … SELECT generate_series in a scratch PostgreSQL database, then prints p50/p95 of
// `termStats` (the service behind GET /api/stats/terms) per groupBy × scope over the default period
// (12 weeks + the previous 12), and the same question asked as a plain join without the rollup, for
// comparison. Target: p95 < 300 ms. Then receivables (`--invoices`, `--clients`): the follow-up queue, the
// client page and the outcome, p50/p95 per scope and the p95's ratio to its target (queue and client page
// 200 ms, outcome 300 ms), over the per-client rollups (migration 1300) rebuilt once after the bulk load.
// `--receivables-only` skips the term-stats queries, `--keep` keeps the database. Prints the load average before and after: the machine
// is shared. The scratch database is dropped at the end. Asserts nothing.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { rebuildCallStats, rebuildClientRollups } from '@onterms/db';
import { createTestDatabase } from '@onterms/db/testing';
import type { UserPrincipal } from '../src/access/principal.ts';
import { termStats } from '../src/stats/term-stats.ts';
import { visibleRepIds } from '../src/access/policy.ts';
import { getClientPage, getOutcome, listFollowUps, NO_CREDIT_POLICY } from '@onterms/domain';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CALLS = arg('calls', 1_000_000);
const INVOICES = arg('invoices', 1_000_000);
const CLIENTS = arg('clients', 20_000);
const RUNS = arg('runs', 20);
const RECEIVABLES_ONLY = process.argv.includes('--receivables-only');
// `--keep`: leave the scratch database for EXPLAIN (its name is printed); drop it by hand afterwards.
const KEEP = process.argv.includes('--keep');
const TZ = 'Europe/Moscow';
const TO = '2026-11-22';

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`load average at start: ${load()}`);
const database = await createTestDatabase();
const db = database.db;
const time = async (label: string, work: () => Promise<unknown>) => {
  const t0 = performance.now();
  await work();
  console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
};

try {
  await time('teams, 200 reps, 20 managers, a director', async () => {
    await sql`insert into teams (name) select 'Team ' || t from generate_series(1, 20) t`.execute(db);
    await sql`
      insert into users (email, name, role, team_id)
      select 'rep' || r || '@bench', 'Rep ' || r, 'rep', (select id from teams where name = 'Team ' || (1 + r % 20))
      from generate_series(1, 200) r`.execute(db);
    await sql`
      insert into users (email, name, role) select 'manager' || t || '@bench', 'Manager ' || t, 'manager'
      from generate_series(1, 20) t`.execute(db);
    await sql`
      insert into team_managers (team_id, user_id)
      select t.id, u.id from teams t join users u on u.email = 'manager' || substr(t.name, 6) || '@bench'`.execute(
      db,
    );
    await sql`insert into users (email, name, role) values ('director@bench', 'Director', 'director')`.execute(
      db,
    );
  });
  await time(`${CLIENTS.toLocaleString('en')} clients`, () =>
    sql`
      insert into clients (name, name_key, match_key, tax_id, rep_id)
      select 'Client ' || c, 'client ' || c, 'client ' || c, (7700000000 + c)::text, r.ids[1 + c % 200]
      from generate_series(1, ${CLIENTS}::int) c,
           (select array_agg(id order by email) as ids from users where role = 'rep') r`.execute(db),
  );
  // Bulk load without the per-row triggers, then one rebuild: the same state the triggers would keep.
  await sql`alter table calls disable trigger call_stats_calls`.execute(db);
  await sql`alter table analysis_flags disable trigger call_stats_analysis_flags`.execute(db);
  await sql`alter table flag_corrections disable trigger call_stats_flag_corrections`.execute(db);
  for (const table of ['calls', 'call_stats', 'receivable_invoices', 'payment_promises'])
    await sql.raw(`alter table ${table} disable trigger user`).execute(db);
  await time(`${CALLS.toLocaleString('en')} calls`, () =>
    sql`
      insert into calls (rep_id, call_type, recorded_at, status, audio_key, audio_sha256, audio_bytes,
                         audio_format, duration_sec, channels, uploaded_by, client_id)
      select r.ids[1 + i % 200], case when i % 5 = 0 then 'collection' else 'credit_negotiation' end,
             timestamptz '2025-11-23 00:00+03' + random() * interval '365 days',
             case i % 33 when 0 then 'failed' when 1 then 'queued' else 'analyzed' end,
             'bench', md5(i::text), 1000, 'wav', 60, 1, r.ids[1 + i % 200], k.ids[1 + i % ${CLIENTS}::int]
      from generate_series(1, ${CALLS}::int) i,
           (select array_agg(id order by email) as ids from users where role = 'rep') r,
           (select array_agg(id order by name_key) as ids from clients) k`.execute(db),
  );
  await time('analyses and flags', async () => {
    await sql`
      insert into analyses (call_id, checklist_id, checklist_version, rules_version)
      select id, 'credit_negotiation', 'bench', 'bench' from calls where status = 'analyzed'`.execute(db);
    await sql`
      insert into analysis_flags (call_id, flag, stated)
      select c.id, f.flag, random() < f.p
      from calls c cross join (values ('payment_terms', 0.85), ('deadline', 0.7), ('sanctions', 0.45),
                                      ('deflection', 0.2)) f(flag, p)
      where c.status = 'analyzed'`.execute(db);
    await sql`
      insert into flag_corrections (call_id, flag, stated, reason, author_id)
      select c.id, (array['payment_terms', 'deadline', 'sanctions', 'deflection'])[1 + (random() * 3)::int],
             random() < 0.5, 'bench', (select id from users where role = 'manager' limit 1)
      from calls c where c.status = 'analyzed' and random() < 0.02
      on conflict do nothing`.execute(db);
  });
  await sql`alter table calls enable trigger call_stats_calls`.execute(db);
  await sql`alter table analysis_flags enable trigger call_stats_analysis_flags`.execute(db);
  await sql`alter table flag_corrections enable trigger call_stats_flag_corrections`.execute(db);
  await time('rebuild call_stats', () => rebuildCallStats(db));
  await time(
    `${INVOICES.toLocaleString('en')} invoices (85 % paid, a third of those late), promises`,
    async () => {
      await sql`insert into receivable_imports (as_of, rows, imported, updated, unchanged) values (${TO}, 0, 0, 0, 0)`.execute(
        db,
      );
      await sql`
      insert into receivable_invoices (client_id, number, issued_on, due_on, currency, amount, balance, rep_id, paid_on, last_import_id)
      select c.id, 'INV-' || i, d - 21, d, 'RUB', 10000 + i % 90000,
             case when paid then 0 else 10000 + i % 90000 end, c.rep_id,
             case when paid then d + (case when i % 3 = 0 then 1 + i % 30 else -(i % 5) end) end,
             (select id from receivable_imports limit 1)
      from generate_series(1, ${INVOICES}::int) i
      -- per row (the lateral names i, so it is not computed once): due days spread over a year, 85 % paid
      cross join lateral (
        select date '2026-12-20' - (random() * 365 + i * 0)::int as d, random() < 0.85 as paid
      ) due
      join clients c on c.name_key = 'client ' || (1 + i % ${CLIENTS}::int)`.execute(db);
      await sql`
      insert into payment_promises (call_id, ordinal, "full", due, due_on, moments, status)
      select id, 0, true, '{"weekday":5}', (recorded_at::date + 3), '[]',
             (array['kept', 'partly_kept', 'broken', 'open'])[1 + (random() * 3)::int]
      from calls where call_type = 'collection' and random() < 0.3`.execute(db);
    },
  );
  for (const table of ['calls', 'call_stats', 'receivable_invoices', 'payment_promises'])
    await sql.raw(`alter table ${table} enable trigger user`).execute(db);
  await time('rebuild the per-client rollups', () => rebuildClientRollups(db));
  await time('vacuum analyze', () => sql`vacuum analyze`.execute(db));

  const principal = async (email: string): Promise<UserPrincipal> => {
    const user = await db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const teams = await db
      .selectFrom('team_managers')
      .select('team_id')
      .where('user_id', '=', user.id)
      .execute();
    const own = await db
      .selectFrom('users')
      .select('team_id')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    return {
      kind: 'user',
      userId: user.id,
      role: user.role,
      teamIds: user.role === 'manager' ? teams.map((t) => t.team_id) : own.team_id ? [own.team_id] : [],
      session: null,
    };
  };
  const scopes = {
    director: await principal('director@bench'),
    manager: await principal('manager1@bench'),
    rep: await principal('rep1@bench'),
  };
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
    return `p50 ${at(0.5).toFixed(1).padStart(6)} ms   p95 ${at(0.95).toFixed(1).padStart(6)} ms`;
  };
  const measure = async (label: string, run: () => Promise<unknown>, targetMs?: number) => {
    await run(); // warm
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await run();
      ms.push(performance.now() - t0);
    }
    const sorted = [...ms].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
    const ratio = targetMs ? `   ${(p95 / targetMs).toFixed(2)} × target ${targetMs} ms` : '';
    console.log(`${label.padEnd(48)} ${stats(ms)}${ratio}`);
  };

  async function measureTermStats() {
    console.log(`\n${RUNS} runs each, period 12 weeks to ${TO} + the previous 12, company time zone ${TZ}`);
    for (const groupBy of ['rep', 'team', 'week', 'month'] as const) {
      for (const [scope, p] of Object.entries(scopes)) {
        await measure(`groupBy=${groupBy} as ${scope}`, () =>
          termStats({ db, timeZone: TZ }, p, { groupBy, to: TO }),
        );
      }
    }
    await measure('groupBy=month as director, a whole year', () =>
      termStats({ db, timeZone: TZ }, scopes.director, { groupBy: 'month', from: '2025-11-23', to: TO }),
    );
    // The alternative we measured against: the same counts straight from calls × analysis_flags × corrections.
    await measure('plain join, no rollup: groupBy=rep as director', () =>
      sql`
        select c.rep_id, count(*) filter (where c.status = 'analyzed') as analysed,
               count(*) filter (where f.pt) as pt, count(*) filter (where f.dl) as dl,
               count(*) filter (where f.sc) as sc, count(*) filter (where f.pt and f.dl and f.sc) as all3,
               count(*) filter (where f.df) as df
        from calls c
        left join lateral (
          select bool_or(coalesce(k.stated, a.stated)) filter (where a.flag = 'payment_terms') as pt,
                 bool_or(coalesce(k.stated, a.stated)) filter (where a.flag = 'deadline') as dl,
                 bool_or(coalesce(k.stated, a.stated)) filter (where a.flag = 'sanctions') as sc,
                 bool_or(coalesce(k.stated, a.stated)) filter (where a.flag = 'deflection') as df
          from analysis_flags a left join flag_corrections k on k.call_id = a.call_id and k.flag = a.flag
          where a.call_id = c.id) f on c.status = 'analyzed'
        where c.recorded_at >= timestamptz '2026-08-02 00:00+03' and c.recorded_at < timestamptz '2026-11-23 00:00+03'
        group by 1`.execute(db),
    );
  }
  if (!RECEIVABLES_ONLY) await measureTermStats();

  // Receivables: the follow-up queue, a client's page, the outcome (issue 13). Targets: queue and client
  // page p95 < 200 ms, outcome p95 < 300 ms.
  const today = () => '2026-11-22';
  const repIdsOf = (p: UserPrincipal) => visibleRepIds(db, p);
  const followUpDeps = {
    db,
    policy: NO_CREDIT_POLICY,
    defaultDays: 3,
    today,
    now: () => new Date('2026-11-22T12:00:00Z'),
  };
  console.log(
    `\n${INVOICES.toLocaleString('en')} invoices, ${CLIENTS.toLocaleString('en')} clients, ${CALLS.toLocaleString('en')} calls`,
  );
  for (const [scope, p] of Object.entries(scopes)) {
    const repIds = await repIdsOf(p);
    await measure(`follow-up queue as ${scope}`, () => listFollowUps(followUpDeps, repIds), 200);
  }
  // A different client each run: each scope's own clients (the rep's, the first manager's team's, anyone).
  for (const [scope, p] of Object.entries(scopes)) {
    const repIds = await repIdsOf(p);
    const clients = (
      await sql<{ id: string }>`
        select id from clients where ${repIds === null ? sql`true` : sql`rep_id = any(${repIds}::uuid[])`}
        order by name_key limit ${RUNS + 1}`.execute(db)
    ).rows;
    let next = 0;
    await measure(
      `client page as ${scope}`,
      () =>
        getClientPage({ db, policy: NO_CREDIT_POLICY, today }, clients[next++ % clients.length]!.id, repIds),
      200,
    );
  }
  for (const [scope, p] of Object.entries(scopes)) {
    const repIds = await repIdsOf(p);
    await measure(
      `outcome groupBy=rep as ${scope}`,
      () => getOutcome({ db, policy: NO_CREDIT_POLICY, today }, repIds, 'rep'),
      300,
    );
  }
  console.log(`\nload average at the end: ${load()}`);
} finally {
  if (KEEP) console.log(`kept the scratch database ${database.name}`);
  else await database.drop();
}
