/**
 * Calls straight into the database for list, search and coaching tests: a transcript, and optionally
 * a machine verdict — no audio processing, so dozens of calls cost milliseconds.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Segment } from '@onterms/contracts';
import { ensureClient, insertCall, replaceSegments, saveAnalysis, type Database } from '@onterms/db';
import { newCallRow } from '@onterms/db/testing';

export interface SeedCall {
  repId: string;
  client?: string;
  recordedAt?: string;
  durationSec?: number;
  callType?: 'credit_negotiation' | 'collection';
  segments?: Segment[];
  /** The machine's verdict: stated per checklist item, and whether there was a deflection. Omit for an unanalysed call. */
  verdict?: { payment_terms: boolean; deadline: boolean; sanctions: boolean; deflection: boolean };
  /** How sure the machine is of its least certain verdict (every flag gets it); omit for none stored. */
  confidence?: number;
}

export const rep = (text: string, start: number, end = start + 4): Segment => ({
  start,
  end,
  speaker: 'rep',
  text,
});
export const client = (text: string, start: number, end = start + 4): Segment => ({
  start,
  end,
  speaker: 'client',
  text,
});

export async function seedCall(db: Kysely<Database>, seed: SeedCall): Promise<string> {
  const id = randomUUID();
  const clientId = seed.client ? (await ensureClient(db, seed.client)).id : null;
  await insertCall(
    db,
    newCallRow({
      id,
      rep_id: seed.repId,
      uploaded_by: seed.repId,
      client_id: clientId,
      call_type: seed.callType ?? 'credit_negotiation',
      recorded_at: seed.recordedAt ?? '2026-11-10T10:00:00Z',
      language: 'ru',
      status: seed.verdict ? 'analyzed' : seed.segments ? 'transcribed' : 'queued',
      audio_key: `calls/${id}/original.wav`,
      audio_sha256: id,
      audio_bytes: 1000,
      audio_format: 'pcm_s16le',
      original_filename: 'call.wav',
      duration_sec: seed.durationSec ?? 60,
      channels: 1,
      sample_rate: 16000,
      transcript_source: seed.segments ? 'upload' : null,
    }),
  );
  await db.transaction().execute(async (trx) => {
    if (seed.segments) await replaceSegments(trx, id, seed.segments);
    if (seed.verdict) {
      const v = seed.verdict;
      const conf = seed.confidence === undefined ? {} : { confidence: seed.confidence };
      const segment0 = seed.segments?.[0];
      const moment = segment0
        ? [
            {
              segment: 0,
              start: segment0.start,
              end: segment0.end,
              speaker: segment0.speaker,
              quote: segment0.text,
            },
          ]
        : [];
      await saveAnalysis(trx, id, {
        checklist: { id: 'credit_negotiation', version: 'seed' },
        engine: { rules: 'seed', llmModel: null },
        flags: {
          payment_terms: { stated: v.payment_terms, moments: v.payment_terms ? moment : [], ...conf },
          deadline: { stated: v.deadline, moments: [], ...conf },
          sanctions: { stated: v.sanctions, moments: [], ...conf },
        },
        deflection: { present: v.deflection, moments: v.deflection ? moment : [], ...conf },
      });
    }
  });
  return id;
}

export const ALL_STATED = { payment_terms: true, deadline: true, sanctions: true, deflection: false };
