import { randomUUID } from 'node:crypto';
import type { AnalysisResult } from '@onterms/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { getAnalysis, saveAnalysis } from '../analyses/analyses-repository.ts';
import { ensureClient } from '../clients/clients-repository.ts';
import { newCallRow, useTestDatabase } from '../testing.ts';
import { insertTeam, insertUser } from '../users/users-repository.ts';
import {
  findCallByRepAndSha256,
  findCallById,
  retryFailedCall,
  listCallsToAutoRetry,
  insertCall,
  isBlobReferenced,
  listCalls,
  requeueForTranscription,
  requeueWaitingCalls,
  transitionCallStatus,
} from './calls-repository.ts';
import { getSegments, replaceSegments } from './segments-repository.ts';

const sut = useTestDatabase();
let repId: string;

beforeAll(async () => {
  const team = await insertTeam(sut.db, 'Север');
  repId = (
    await insertUser(sut.db, { email: 'rep@example.com', name: 'Павел', role: 'rep', teamId: team.id })
  ).id;
});

function newCall(sha256: string, recordedAt: string) {
  return newCallRow({
    rep_id: repId,
    uploaded_by: repId,
    call_type: 'credit_negotiation' as const,
    recorded_at: recordedAt,
    language: 'ru' as const,
    audio_key: `audio/${sha256}`,
    audio_sha256: sha256,
    audio_bytes: 1234,
    audio_format: 'wav',
    original_filename: 'call.wav',
    duration_sec: 12.5,
    channels: 1,
    sample_rate: 16000,
  });
}

describe('calls', () => {
  it("finds a rep's call by its bytes, and no other rep's", async () => {
    await insertCall(sut.db, newCall('aa', '2026-11-01T10:00:00Z'));
    expect((await findCallByRepAndSha256(sut.db, repId, 'aa'))?.audio.bytes).toBe(1234);
    expect(await findCallByRepAndSha256(sut.db, randomUUID(), 'aa')).toBeNull();
  });

  it('lists newest recordings first with the total for the pager, and joins the client name', async () => {
    const client = await ensureClient(sut.db, 'ООО «Ромашка»');
    expect(client.created).toBe(true);
    expect(await ensureClient(sut.db, 'ооо  ромашка')).toEqual({ ...client, created: false });
    await insertCall(sut.db, { ...newCall('bb', '2026-11-03T10:00:00Z'), client_id: client.id });
    await insertCall(sut.db, newCall('cc', '2026-11-02T10:00:00Z'));
    const page = await listCalls(sut.db, { repIds: [repId] }, { limit: 2, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.items.map((c) => c.audio.sha256)).toEqual(['bb', 'cc']);
    expect(page.items[0]?.clientName).toBe('ООО «Ромашка»');
    expect((await listCalls(sut.db, { repIds: [] }, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('moves status only from an expected state, so a step cannot run twice', async () => {
    const call = await insertCall(sut.db, newCall('dd', '2026-11-04T10:00:00Z'));
    expect(await transitionCallStatus(sut.db, call.id, ['queued'], 'processing')).toBe(true);
    expect(await transitionCallStatus(sut.db, call.id, ['queued'], 'processing')).toBe(false);
    expect(await isBlobReferenced(sut.db, 'audio/dd')).toBe(true);
    expect(await isBlobReferenced(sut.db, 'audio/zz')).toBe(false);
  });

  it('stores transcript and analysis idempotently and reads them back in the public shape', async () => {
    const call = await insertCall(sut.db, newCall('ee', '2026-11-05T10:00:00Z'));
    const segments = [
      { start: 0, end: 3, speaker: 'rep' as const, text: 'Отсрочка тридцать дней.' },
      { start: 3, end: 5, speaker: 'client' as const, text: 'Хорошо.' },
    ];
    const result: AnalysisResult = {
      checklist: { id: 'credit_negotiation', version: '1' },
      engine: { rules: 'rules-1', llmModel: null },
      flags: {
        payment_terms: {
          stated: true,
          moments: [
            {
              segment: 0,
              start: 0,
              end: 3,
              speaker: 'rep',
              quote: 'Отсрочка тридцать дней.',
              values: { deferralDays: 30 },
            },
          ],
          confidence: 0.95,
        },
        // where a missing flag should have been said, and how sure the analysis is
        deadline: {
          stated: false,
          moments: [],
          confidence: 0.78,
          opportunities: [{ segment: 1, start: 3, quote: 'Хорошо.' }],
        },
        // (an analysis stored before confidences existed reads back without them)
        sanctions: { stated: false, moments: [] },
      },
      deflection: { present: false, moments: [], confidence: 0.97 },
    };
    for (let i = 0; i < 2; i++) {
      await sut.db.transaction().execute(async (trx) => {
        await replaceSegments(trx, call.id, segments);
        await saveAnalysis(trx, call.id, result);
      });
    }
    expect(await getSegments(sut.db, call.id)).toEqual(segments);
    expect(await getAnalysis(sut.db, call.id)).toEqual(result);
    const stored = await listCalls(sut.db, { status: ['analyzed'] }, { limit: 10, offset: 0 });
    expect(stored.items.map((c) => c.id)).toEqual([call.id]);
  });

  it('sends waiting calls back to the queue once an engine exists, and busy calls are not re-transcribed', async () => {
    const waiting = await insertCall(sut.db, newCall('ff', '2026-11-06T10:00:00Z'));
    await transitionCallStatus(sut.db, waiting.id, ['queued'], 'waiting', 'No engine');
    expect(await requeueWaitingCalls(sut.db)).toEqual([waiting.id]);
    expect(await requeueWaitingCalls(sut.db)).toEqual([]);
    expect(await requeueForTranscription(sut.db, waiting.id)).toBe(false); // queued: busy
    await transitionCallStatus(sut.db, waiting.id, ['queued'], 'failed', 'engine said 401');
    expect(await requeueForTranscription(sut.db, waiting.id)).toBe(true);
  });
});

// Last: these add calls that the counting tests above do not expect.
describe('failed calls', () => {
  it('a failed call is retried from the first step that did not finish, keeping what was done', async () => {
    const untranscribed = await insertCall(sut.db, {
      ...newCall('r1', '2026-11-01T10:00:00Z'),
      status: 'failed',
    });
    await transitionCallStatus(
      sut.db,
      untranscribed.id,
      ['failed'],
      'failed',
      'ffmpeg broke',
      'media_tools_broken',
    );
    expect((await findCallById(sut.db, untranscribed.id))?.failureCode).toBe('media_tools_broken');
    expect(await retryFailedCall(sut.db, untranscribed.id)).toBe('queued');
    expect(await findCallById(sut.db, untranscribed.id)).toMatchObject({
      failureCode: null,
      failureReason: null,
    });
    expect(await retryFailedCall(sut.db, untranscribed.id)).toBeNull();

    const transcribed = await insertCall(sut.db, {
      ...newCall('r2', '2026-11-01T10:00:00Z'),
      status: 'failed',
      transcript_source: 'upload',
    });
    await sut.db
      .insertInto('transcript_segments')
      .values({
        call_id: transcribed.id,
        idx: 0,
        start_sec: 0,
        end_sec: 1,
        speaker: 'rep',
        text: 'Добрый день',
      })
      .execute();
    expect(await retryFailedCall(sut.db, transcribed.id, { automatic: true })).toBe('transcribed');
    const row = await sut.db
      .selectFrom('calls')
      .select('auto_retries')
      .where('id', '=', transcribed.id)
      .executeTakeFirstOrThrow();
    expect(row.auto_retries).toBe(1);
  });

  it('lists calls failed by an outage for automatic retry, not damaged ones, and not forever', async () => {
    const outage = await insertCall(sut.db, { ...newCall('o1', '2026-11-01T10:00:00Z'), status: 'failed' });
    const damaged = await insertCall(sut.db, { ...newCall('o2', '2026-11-01T10:00:00Z'), status: 'failed' });
    await transitionCallStatus(sut.db, outage.id, ['failed'], 'failed', 'db down', 'database_unavailable');
    await transitionCallStatus(sut.db, damaged.id, ['failed'], 'failed', 'damaged', 'audio_damaged');
    const options = { codes: ['database_unavailable'], minAgeMs: 0, maxAutoRetries: 1 };
    expect(await listCallsToAutoRetry(sut.db, options)).toEqual([outage.id]);
    expect(await listCallsToAutoRetry(sut.db, { ...options, minAgeMs: 60_000 })).toEqual([]);
    await retryFailedCall(sut.db, outage.id, { automatic: true });
    await transitionCallStatus(sut.db, outage.id, ['queued'], 'failed', 'db down', 'database_unavailable');
    expect(await listCallsToAutoRetry(sut.db, options)).toEqual([]);
  });
});
