// `npm run bench:recheck [-- --calls 10000 --uploads 20]`: re-checking stored calls against a newly
// published credit policy must not block uploads. On a fresh PostgreSQL database with N analysed calls
// (generated with INSERT … SELECT generate_series), the real API app and its in-process runner
// (embedded mode, 2 jobs at once): upload latency (POST /api/calls, p50/p95) with nothing running, then
// a publish (POST /api/credit-policy) and the same uploads while the re-check runs; the re-check's
// calls per second; the ratio of latencies in the same run. Then the same for a company checklist
// publish (POST /api/checklists), whose run analyses every stored call again from its segments
// (`--no-checklist` skips it: it is much slower per call than a policy re-check). Prints; asserts nothing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { synth } from '@onterms/media/testing/fixtures';
import { sql } from 'kysely';
import { createPipeline, type InProcessRunner } from '@onterms/pipeline';
import { findRecheck, latestRecheck } from '@onterms/db';
import { examplePolicy } from '@onterms/domain/testing/policy-fixtures';
import { multipart } from '../src/testing/multipart.ts';
import { createTestApp } from '../src/testing/test-app.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CALLS = arg('calls', 10_000);
const UPLOADS = arg('uploads', 20);
const CHECKLIST = !process.argv.includes('--no-checklist');
const work = await mkdtemp(path.join(tmpdir(), 'onterms-bench-recheck-'));

const t = await createTestApp({
  pipeline: (deps) => createPipeline({ redisUrl: null, concurrency: 2, deps }),
});
try {
  const rep = await t.createUser('rep');
  const director = await t.createUser('director');
  const db = t.database.db;

  let t0 = performance.now();
  await sql`
    insert into calls (id, rep_id, uploaded_by, call_type, recorded_at, language, status, audio_key, audio_sha256,
                       audio_bytes, audio_format, duration_sec, channels, analyzed_at)
    select gen_random_uuid(), ${rep.id}, ${rep.id}, 'credit_negotiation', now() - (g % 80) * interval '1 day', 'ru',
           'analyzed', 'calls/bench-' || g || '/original.wav', md5(g::text), 1000, 'pcm_s16le', 60, 1, now()
    from generate_series(1, ${CALLS}) g`.execute(db);
  await sql`insert into analyses (call_id, checklist_id, checklist_version, rules_version)
            select id, 'credit_negotiation', '1.1.0', 'rules-1.5.0' from calls`.execute(db);
  await sql`insert into analysis_flags (call_id, flag, stated)
            select id, f, true from calls, unnest(array['payment_terms','deadline','sanctions']) f`.execute(
    db,
  );
  await sql`insert into analysis_flags (call_id, flag, stated) select id, 'deflection', false from calls`.execute(
    db,
  );
  // one deferral (10…99 days) and one sanction per call: about two thirds break a 40-day maximum
  await sql`
    insert into analysis_moments (call_id, flag, ordinal, segment_idx, start_sec, end_sec, speaker, quote, moment_values)
    select id, 'payment_terms', 0, 0, 1, 4, 'rep', 'Отсрочка ' || d || ' дней с даты отгрузки.',
           jsonb_build_object('deferralDays', d, 'paymentForms', jsonb_build_array('deferral'))
    from (select id, 10 + (row_number() over (order by id)) % 90 as d from calls) c`.execute(db);
  await sql`
    insert into analysis_moments (call_id, flag, ordinal, segment_idx, start_sec, end_sec, speaker, quote, moment_values)
    select id, 'sanctions', 0, 1, 5, 9, 'rep', 'При просрочке пени 0,1% в день.',
           '{"sanctionKinds":["penalty"],"penalty":{"ratePercent":0.1,"per":"day"}}'::jsonb from calls`.execute(
    db,
  );
  // the transcript the moments quote, for the checklist run's re-analysis
  await sql`
    insert into transcript_segments (call_id, idx, start_sec, end_sec, speaker, text)
    select c.id, s.idx, s.idx * 4 + 1, s.idx * 4 + 4, 'rep', s.text
    from (select id, 10 + (row_number() over (order by id)) % 90 as d from calls) c,
      lateral (values (0, 'Отсрочка ' || c.d || ' дней с даты отгрузки.'),
                      (1, 'При просрочке пени 0,1% в день. Акт сверки пришлю в пятницу.')) s(idx, text)`.execute(
    db,
  );
  console.log(`${CALLS} analysed calls stored in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // distinct recordings (the same bytes twice would be one call), each with its transcript
  const transcript = await readFile(path.resolve(import.meta.dirname, '../demo-data/stroymarket-terms.json'));
  const files: Buffer[] = [];
  for (let i = 0; i < UPLOADS * (CHECKLIST ? 3 : 2); i++) {
    const file = path.join(work, `u${i}.wav`);
    files.push(await readFile(await synth(file, 'anoisesrc=d=2:c=pink:r=16000:a=0.1')));
  }
  let next = 0;
  const uploadOnce = async () => {
    const form = multipart({ clientName: `Bench ${next}` }, [
      { name: 'audio', filename: 'call.wav', content: files[next++]! },
      { name: 'transcript', filename: 'call.json', content: transcript },
    ]);
    const start = performance.now();
    const res = await t.sut.inject({
      method: 'POST',
      url: '/api/calls',
      payload: form.body,
      headers: { ...form.headers, ...rep.headers },
    });
    if (res.statusCode !== 202) throw new Error(`upload answered ${res.statusCode}: ${res.body}`);
    return performance.now() - start;
  };
  const latencies = async () => {
    const ms: number[] = [];
    for (let i = 0; i < UPLOADS; i++) ms.push(await uploadOnce());
    ms.sort((a, b) => a - b);
    return {
      p50: ms[Math.floor(ms.length * 0.5)]!,
      p95: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))]!,
    };
  };

  const idle = await latencies();
  await (t.pipeline.queue as InProcessRunner).idle();

  // the bench's calls are regular clients': only that segment's 40-day maximum and sanctions matter
  const policy = examplePolicy(40);
  t0 = performance.now();
  const published = await t.sut.inject({
    method: 'POST',
    url: '/api/credit-policy',
    payload: { document: policy, baseVersion: null },
    headers: director.headers,
  });
  if (published.statusCode !== 201)
    throw new Error(`publish answered ${published.statusCode}: ${published.body}`);
  const publishMs = performance.now() - t0;
  const during = await latencies();
  const doneBeforeEnd = (await latestRecheck(db))!;
  await (t.pipeline.queue as InProcessRunner).idle();
  const run1 = (await latestRecheck(db))!;
  // from the run's own timestamps: the uploaded calls' processing is not the re-check's time
  const recheckSec = (run1.finishedAt!.getTime() - run1.startedAt.getTime()) / 1000;
  const breaches = await sql<{
    n: string;
  }>`select count(*) as n from call_policy_checks where breaches > 0`.execute(db);

  console.log(`publish (version + re-check run + audit, one transaction): ${publishMs.toFixed(0)} ms`);
  console.log(
    `re-check: ${run1.done} calls in ${recheckSec.toFixed(1)} s = ${(run1.done / recheckSec).toFixed(0)} calls/s ` +
      `(status ${run1.status}; ${breaches.rows[0]!.n} with a breach; the uploads below ran while ${doneBeforeEnd.done} were done)`,
  );
  console.log('upload latency         p50 ms   p95 ms');
  console.log(`  idle               ${idle.p50.toFixed(0).padStart(8)} ${idle.p95.toFixed(0).padStart(8)}`);
  console.log(
    `  during re-check    ${during.p50.toFixed(0).padStart(8)} ${during.p95.toFixed(0).padStart(8)}`,
  );
  console.log(
    `  ratio              ${(during.p50 / idle.p50).toFixed(2).padStart(8)} ${(during.p95 / idle.p95).toFixed(2).padStart(8)}`,
  );

  if (CHECKLIST) {
    const checklist = {
      id: 'company',
      version: '1',
      extends: 'credit_negotiation',
      items: [
        { id: 'reconciliation', title: 'Акт сверки', cues: { ru: ['акт сверки'], en: ['reconciliation'] } },
      ],
    };
    t0 = performance.now();
    const res = await t.sut.inject({
      method: 'POST',
      url: '/api/checklists',
      payload: { callType: 'credit_negotiation', document: checklist, baseVersion: null },
      headers: director.headers,
    });
    if (res.statusCode !== 201) throw new Error(`checklist publish answered ${res.statusCode}: ${res.body}`);
    const checklistPublishMs = performance.now() - t0;
    const recheckId = (res.json() as { recheck: { id: string } }).recheck.id;
    const duringChecklist = await latencies();
    const doneMeanwhile = (await findRecheck(db, recheckId))!.done;
    await (t.pipeline.queue as InProcessRunner).idle();
    const run2 = (await findRecheck(db, recheckId))!;
    const sec = (run2.finishedAt!.getTime() - run2.startedAt.getTime()) / 1000;
    const stated = await sql<{ n: string }>`
      select count(*) as n from analysis_flags where flag = 'reconciliation' and stated`.execute(db);
    console.log(
      `checklist publish (version + run + audit, one transaction): ${checklistPublishMs.toFixed(0)} ms`,
    );
    console.log(
      `checklist re-analysis: ${run2.done} calls in ${sec.toFixed(1)} s = ${(run2.done / sec).toFixed(0)} calls/s ` +
        `(status ${run2.status}; ${stated.rows[0]!.n} state the new item; the uploads below ran while ${doneMeanwhile} were done)`,
    );
    console.log(
      `  during re-analysis ${duringChecklist.p50.toFixed(0).padStart(8)} ${duringChecklist.p95.toFixed(0).padStart(8)}`,
    );
    console.log(
      `  ratio to idle      ${(duringChecklist.p50 / idle.p50).toFixed(2).padStart(8)} ${(duringChecklist.p95 / idle.p95).toFixed(2).padStart(8)}`,
    );
  }
} finally {
  await t.close();
  await rm(work, { recursive: true, force: true });
}
