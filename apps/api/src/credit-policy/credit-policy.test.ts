import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InProcessRunner } from '@onterms/pipeline';
import { exampleChecklist, examplePolicy, insertAnalysedCall } from '@onterms/domain/testing/policy-fixtures';
import { postUpload } from '../testing/multipart.ts';
import { useTestApp, type TestUser as Person } from '../testing/test-app.ts';
import { callAnalysed, waitFor } from '../testing/waiting.ts';

const DEMO = path.resolve(import.meta.dirname, '../../demo-data');
const t = useTestApp();
let director: Person, admin: Person, rep: Person, manager: Person;

beforeAll(async () => {
  director = await t.createUser('director');
  admin = await t.createUser('admin');
  rep = await t.createUser('rep');
  manager = await t.createUser('manager');
  await t.database.db
    .insertInto('team_managers')
    .values({ team_id: rep.teamId!, user_id: manager.id })
    .execute();
});

const api = (method: 'GET' | 'POST' | 'PUT', url: string, who: Person, payload?: unknown) =>
  t.sut.inject({
    method,
    url,
    headers: who.headers,
    ...(payload !== undefined && { payload: payload as object }),
  });
const idle = () => (t.pipeline.queue as InProcessRunner).idle();

/** Uploads a demo recording with our transcript as the rep; answers the new call's id. */
async function uploadCall(recording: string, lines: [string, string][], clientName?: string) {
  const transcript = JSON.stringify({
    language: 'ru',
    segments: lines.map(([speaker, text], i) => ({ start: i * 4, end: i * 4 + 3, speaker, text })),
  });
  const res = await postUpload(t.sut, rep.headers, clientName ? { clientName } : {}, [
    { name: 'audio', filename: 'call.ogg', content: await readFile(path.join(DEMO, recording)) },
    { name: 'transcript', filename: 'call.json', content: transcript },
  ]);
  expect(res.statusCode, res.body).toBe(202);
  return res.json().id as string;
}

describe('the credit policy over HTTP', () => {
  it('before the first publish: no policy, an empty card, calls unchecked', async () => {
    expect((await api('GET', '/api/credit-policy', director)).json()).toEqual({
      current: null,
      recheck: null,
    });
    expect((await api('GET', '/api/credit-policy/card?lang=en', rep)).json()).toEqual({
      policy: null,
      language: 'en',
      segments: [],
    });
  });

  it('refuses an invalid policy with 400 naming the field, and nothing changes', async () => {
    const bad = { ...examplePolicy(), defaultSegment: 'vip' };
    for (const url of ['/api/credit-policy/validate', '/api/credit-policy']) {
      const res = await api('POST', url, director, { document: bad, baseVersion: null });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toEqual({
        error: 'invalid_policy',
        message: '/defaultSegment: no segment with id "vip"',
        field: '/defaultSegment',
      });
    }
    expect((await api('GET', '/api/credit-policy/versions', director)).json()).toEqual({ items: [] });
  });

  it('validates without publishing', async () => {
    const res = await api('POST', '/api/credit-policy/validate', admin, { document: examplePolicy() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: true, document: { id: 'credit-rules' } });
    expect((await api('GET', '/api/credit-policy/versions', director)).json()).toEqual({ items: [] });
  });

  it('publishes; old calls are re-checked through the queue; the call shows its breach', async () => {
    const sixty = await insertAnalysedCall(t.database.db, rep.id, { days: 60, client: 'ООО «Ромашка»' });
    const thirty = await insertAnalysedCall(t.database.db, rep.id, { days: 30 });
    const res = await api('POST', '/api/credit-policy', director, {
      document: examplePolicy(30),
      baseVersion: null,
      note: 'Решение кредитного комитета',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['x-recheck-queued']).toBeUndefined();
    expect(res.json()).toMatchObject({
      version: { version: 1, publishedBy: { id: director.id }, note: 'Решение кредитного комитета' },
      recheck: { policyVersion: 1, total: 2, status: 'running' },
    });
    await idle();
    expect((await api('GET', '/api/credit-policy', director)).json().recheck).toMatchObject({
      status: 'done',
      done: 2,
      total: 2,
    });
    const check = (await api('GET', `/api/calls/${sixty}/policy`, rep)).json().check;
    expect(check).toMatchObject({
      id: 'credit-rules',
      version: 1,
      segment: 'regular',
      segmentName: 'Постоянные клиенты',
      defaultSegmentUsed: true,
      outdated: false,
    });
    expect(check.findings.filter((f: { severity: string }) => f.severity === 'breach')).toEqual([
      {
        kind: 'deferral_over_limit',
        severity: 'breach',
        segment: 0,
        start: 0,
        quote: 'Отсрочка 60 дней с даты отгрузки.',
        stated: 60,
        allowed: 30,
      },
    ]);
    const other = (await api('GET', `/api/calls/${thirty}/policy`, rep)).json().check;
    expect(other.findings.filter((f: { severity: string }) => f.severity === 'breach')).toEqual([]);

    // the calls list filter, the manager's queue and the dashboard
    const listed = (await api('GET', '/api/calls?policyFinding=deferral_over_limit', manager)).json();
    expect(listed.items.map((c: { id: string }) => c.id)).toEqual([sixty]);
    const queue = (await api('GET', '/api/inbox/policy', manager)).json();
    expect(queue.items).toEqual([
      expect.objectContaining({
        callId: sixty,
        breaches: 1,
        kinds: expect.arrayContaining(['deferral_over_limit']),
      }),
    ]);
    const stats = (
      await api('GET', '/api/stats/policy?groupBy=rep&from=2026-01-01&to=2026-12-31', director)
    ).json();
    expect(stats).toMatchObject({ policyVersion: 1, outdatedCalls: 0, groupBy: 'rep' });
    expect(stats.groups).toEqual([
      expect.objectContaining({
        key: rep.id,
        checked: 2,
        callsWithBreaches: 1,
        breaches: 1,
        byKind: expect.objectContaining({ deferral_over_limit: 1 }),
      }),
    ]);
    const drill = (await api('GET', `/api/stats/policy/calls?repId=${rep.id}`, director)).json();
    expect(drill.items.map((i: { callId: string }) => i.callId)).toEqual([sixty]);
    // the audit log says who published what
    const audit = (await api('GET', '/api/admin/audit?action=credit_policy.publish', admin)).json();
    expect(JSON.stringify(audit)).toContain(director.id);
  });

  it('a publish over a newer version is a 409; a new version never rewrites the old', async () => {
    const stale = await api('POST', '/api/credit-policy', director, {
      document: examplePolicy(45),
      baseVersion: null,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toBe('conflict');
    const next = await api('POST', '/api/credit-policy', admin, {
      document: examplePolicy(90),
      baseVersion: 1,
    });
    expect(next.statusCode).toBe(201);
    await idle();
    const versions = (await api('GET', '/api/credit-policy/versions', manager)).json().items;
    expect(
      versions.map((v: { version: number; document: { segments: { maxDeferralDays: number }[] } }) => [
        v.version,
        v.document.segments[0]!.maxDeferralDays,
      ]),
    ).toEqual([
      [2, 90],
      [1, 30],
    ]);
    const listed = (await api('GET', '/api/calls?policyFinding=deferral_over_limit', manager)).json();
    expect(listed.items).toEqual([]); // 60 days is within 90
  });

  it('a client gets a segment (one of the policy’s); the card is there for the rep', async () => {
    const clients = (await api('GET', '/api/credit-policy/clients?q=ромашка', director)).json().items;
    expect(clients).toEqual([expect.objectContaining({ name: 'ООО «Ромашка»', segment: null })]);
    const wrong = await api('PUT', `/api/credit-policy/clients/${clients[0].id}/segment`, director, {
      segment: 'vip',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/No segment "vip"/);
    const ok = await api('PUT', `/api/credit-policy/clients/${clients[0].id}/segment`, director, {
      segment: 'new',
    });
    expect(ok.json()).toMatchObject({ segment: 'new' });
    const card = (await api('GET', '/api/credit-policy/card?lang=ru', rep)).json();
    expect(card.policy).toEqual({ id: 'credit-rules', version: 2 });
    expect(card.segments.map((s: { id: string }) => s.id)).toEqual(['regular', 'new']);
    expect(card.segments[0].say[0]).toBe('Отсрочка платежа — 90 дней с даты отгрузки.');
  });

  it('an uploaded call is checked after its flags, against the current version', async () => {
    const id = await uploadCall(
      'stroymarket-terms.ogg',
      [
        ['client', 'Какую отсрочку дадите?'],
        ['rep', 'Дадим отсрочку сто двадцать дней, штрафов за просрочку не будет.'],
      ],
      'ООО «Ромашка»',
    );
    const check = await waitFor(
      async () => (await api('GET', `/api/calls/${id}/policy`, rep)).json().check ?? undefined,
      'the policy check of the uploaded call',
    );
    // the client is in the "new" segment: prepayment only, no deferral
    expect(check).toMatchObject({ version: 2, segment: 'new', defaultSegmentUsed: false });
    expect(check.findings.map((f: { kind: string; stated: unknown }) => [f.kind, f.stated])).toEqual([
      ['deferral_over_limit', 120],
      ['payment_form_not_allowed', 'deferral'],
    ]);
  });
});

describe('company checklists (same page)', () => {
  const checklist = exampleChecklist();

  it('refuses an invalid checklist naming the path in the document as sent, and publishes nothing', async () => {
    const bad = { ...checklist, items: [{ id: 'reconciliation', title: 'x', cues: { ru: ['акт <days>'] } }] };
    for (const url of ['/api/checklists/validate', '/api/checklists']) {
      const res = await api('POST', url, director, {
        ...(url === '/api/checklists' && { callType: 'credit_negotiation', baseVersion: null }),
        document: bad,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: 'invalid_policy',
        message: expect.stringMatching(/^\/items\/0\/cues\/ru\/0\/pattern: unknown placeholder <days>/),
        field: '/items/0/cues/ru/0/pattern',
      });
    }
    expect((await api('GET', '/api/checklists', rep)).json()).toEqual({ items: [], rechecks: [] });
    expect(
      (
        await api('POST', '/api/checklists', manager, {
          callType: 'collection',
          document: checklist,
          baseVersion: null,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('publishes a version and re-analyses the calls analysed before it; the dashboard names the versions', async () => {
    // stored and analysed with the default checklist: no company item yet
    const before = await insertAnalysedCall(t.database.db, rep.id, {
      lines: [['rep', 'Акт сверки пришлю в пятницу, отсрочка 30 дней.']],
    });
    const old = (await api('GET', `/api/calls/${before}`, rep)).json();
    expect(old.status).toBe('analyzed');
    expect(old.flags.reconciliation).toBeUndefined();

    const res = await api('POST', '/api/checklists', director, {
      callType: 'credit_negotiation',
      document: checklist,
      baseVersion: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['x-recheck-queued']).toBeUndefined();
    expect(res.json()).toMatchObject({
      version: { callType: 'credit_negotiation', version: 1, document: { version: '1' } },
      recheck: { callType: 'credit_negotiation', checklistVersion: 1, status: 'running' },
    });
    const again = await api('POST', '/api/checklists', director, {
      callType: 'credit_negotiation',
      document: checklist,
      baseVersion: null,
    });
    expect(again.statusCode).toBe(409);

    await idle();
    const rechecked = (await api('GET', `/api/calls/${before}`, rep)).json();
    expect(rechecked.flags.reconciliation).toMatchObject({ stated: true });
    expect(rechecked.flags.payment_terms).toMatchObject({ stated: true });
    const analyses = await t.database.db
      .selectFrom('analyses')
      .select(['call_id', 'company_checklist_version'])
      .execute();
    expect(analyses.find((a) => a.call_id === before)?.company_checklist_version).toBe(1);
    const listed = (await api('GET', '/api/checklists', director)).json();
    expect(listed.rechecks).toEqual([
      expect.objectContaining({ checklistVersion: 1, status: 'done', done: listed.rechecks[0].total }),
    ]);

    // calls analysed from then on carry the company item too
    const id = await uploadCall('avtodetal-deflection.ogg', [
      ['rep', 'Акт сверки пришлю в пятницу, отсрочка 30 дней.'],
    ]);
    const call = await callAnalysed(t.sut, id, rep.headers, { timeoutMs: 30_000 });
    expect(call.flags.reconciliation).toMatchObject({ stated: true });

    const basis = (await api('GET', '/api/stats/basis', director)).json();
    expect(basis.checklists).toEqual([
      { callType: 'credit_negotiation', version: 1, recheck: null },
      { callType: 'collection', version: null, recheck: null },
    ]);
    expect(basis.policy).toMatchObject({ version: expect.any(Number), recheck: null });
    expect((await api('GET', '/api/stats/basis', admin)).statusCode).toBe(403);
  });
});
