/**
 * One rule for every call action that hands a call to the pipeline (packages/domain/src/calls/
 * enqueue-or-undo.ts): the change is committed, then the job enqueued; when the queue is down the
 * answer is a 503 and the call is exactly as it was before the request.
 *
 * Publishing a credit policy or a company checklist is the other way round: the version stands, and
 * only its re-check waits for the queue (POST /credit-policy/recheck resumes it).
 */
import { transitionCallStatus, findCallById, type Call } from '@onterms/db';
import { exampleChecklist, examplePolicy } from '@onterms/domain/testing/policy-fixtures';
import { BullmqCallQueue, silentLogger } from '@onterms/pipeline';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_STATED, rep as said, seedCall } from '../testing/seed-calls.ts';
import { useTestApp, type TestUser } from '../testing/test-app.ts';

const t = useTestApp({
  pipeline: async () => {
    const queue = new BullmqCallQueue({ redisUrl: 'redis://127.0.0.1:1', log: silentLogger });
    return { mode: 'bullmq', queue, close: () => queue.close() };
  },
});
let rep: TestUser;
let director: TestUser;

beforeAll(async () => {
  rep = await t.createUser('rep');
  director = await t.createUser('director');
});

const analysedCall = () =>
  seedCall(t.database.db, {
    repId: rep.id,
    segments: [said('Оплата через 30 дней.', 0)],
    verdict: ALL_STATED,
  });

async function failedCall(): Promise<string> {
  const id = await analysedCall();
  await transitionCallStatus(
    t.database.db,
    id,
    ['analyzed'],
    'failed',
    'The audio tools broke.',
    'media_unavailable',
  );
  return id;
}

const post = (url: string, payload?: object) =>
  t.sut.inject({ method: 'POST', url, headers: rep.headers, ...(payload && { payload }) });

const stateOf = async (id: string) => {
  const call = (await findCallById(t.database.db, id)) as Call;
  return {
    status: call.status,
    failureReason: call.failureReason,
    failureCode: call.failureCode,
    transcriptUploadKey: call.transcriptUploadKey,
  };
};

const transcript = {
  filename: 'better.json',
  content: JSON.stringify({ language: 'ru', segments: [{ start: 0, end: 2, speaker: 'rep', text: 'Да.' }] }),
};

const ACTIONS: [string, string, () => Promise<string>, object?][] = [
  ['a retry', 'retry', failedCall],
  ['a re-transcription of an analysed call', 'retranscribe', analysedCall],
  ['a re-transcription of a failed call (its failure kept)', 'retranscribe', failedCall],
  ['attaching a transcript (the old one kept)', 'transcript', analysedCall, transcript],
  ['a re-analysis', 'reanalyze', analysedCall],
];

describe('when the queue is down', () => {
  it.each(ACTIONS)('%s answers 503 and leaves the call as it was', async (_, action, makeCall, body) => {
    const id = await makeCall();
    const before = await stateOf(id);
    const res = await post(`/api/calls/${id}/${action}`, body);
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toBe('service_unavailable');
    expect(await stateOf(id)).toEqual(before);
  });
});

const PUBLISHES: [string, string, object][] = [
  ['a credit policy', '/api/credit-policy', { document: examplePolicy(), baseVersion: null }],
  [
    'a company checklist',
    '/api/checklists',
    { callType: 'credit_negotiation', document: exampleChecklist(), baseVersion: null },
  ],
];

describe('publishing when the queue is down', () => {
  it.each(PUBLISHES)(
    '%s is published (201) and says its re-check is not queued yet',
    async (_, url, payload) => {
      await analysedCall();
      const res = await t.sut.inject({ method: 'POST', url, headers: director.headers, payload });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers['x-recheck-queued']).toBe('false');
      expect(res.json().recheck).toMatchObject({ status: 'running', done: 0 });
      // the run is there to be resumed
      const listed = await t.sut.inject({ method: 'GET', url, headers: director.headers });
      expect(JSON.stringify(listed.json())).toContain(res.json().recheck.id);
    },
  );
});
