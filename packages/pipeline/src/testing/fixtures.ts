/**
 * Test scaffolding (not product code): a fresh database on the real Postgres, a blob store in a temp
 * dir, recordings synthesised with ffmpeg's lavfi sources, and calls inserted through the repositories.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stereo, synth } from '@onterms/media/testing/fixtures';
import type { Transcript } from '@onterms/contracts';
import { insertCall, insertTeam, insertUser, type CallStatus, type Database } from '@onterms/db';
import { createTestDatabase, newCallRow, type TestDatabase } from '@onterms/db/testing';
import { createLocalBlobStore, type LocalBlobStore } from '@onterms/storage';
import {
  createMedia,
  probeAndDeriveCopies,
  type DerivedCopiesRequest,
  type Media as FullMedia,
} from '@onterms/media';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { createDefaultDeps } from '../default-deps.ts';
import { silentLogger, type ProcessCallDeps } from '../deps.ts';

export interface PipelineTestContext {
  database: TestDatabase;
  db: Kysely<Database>;
  store: LocalBlobStore;
  storeRoot: string;
  /** Scratch dir for generated files. */
  dir: string;
  repId: string;
  cleanup(): Promise<void>;
}

export async function setupPipelineTest(): Promise<PipelineTestContext> {
  const database = await createTestDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'onterms-pipeline-test-'));
  const storeRoot = join(dir, 'blobs');
  const rep = await insertTestRep(database.db);
  return {
    database,
    db: database.db,
    store: createLocalBlobStore({ root: storeRoot }),
    storeRoot,
    dir,
    repId: rep.id,
    cleanup: async () => {
      await database.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A rep (Павел) in a team of their own, both with unique names. */
export async function insertTestRep(db: Kysely<Database>) {
  const team = await insertTeam(db, `Team ${randomUUID()}`);
  return insertUser(db, {
    email: `rep-${randomUUID()}@example.com`,
    name: 'Павел',
    role: 'rep',
    teamId: team.id,
  });
}

/** A short tone as a WAV (mono unless `channels: 2`). */
export async function makeRecording(
  dir: string,
  options: { seconds?: number; channels?: 1 | 2 } = {},
): Promise<string> {
  const path = join(dir, `tone-${randomUUID()}.wav`);
  const seconds = options.seconds ?? 3;
  const source =
    options.channels === 2
      ? stereo('0.3*sin(2*PI*440*t)', '0.3*sin(2*PI*660*t)', seconds, 16000)
      : `sine=f=440:d=${seconds}:sample_rate=16000`;
  return synth(path, source);
}

/** Bytes that claim nothing: not a recording at all, as a `.wav` upload. */
export async function makeGarbage(dir: string): Promise<string> {
  const path = join(dir, `garbage-${randomUUID()}.wav`);
  await writeFile(path, Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt this is not really audio'.repeat(20)));
  return path;
}

/** A short credit negotiation in our JSON transcript format, with the terms said out loud. */
export function negotiationTranscript(variant = 0): Transcript {
  const days = 30 + (variant % 60);
  return {
    language: 'ru',
    segments: [
      { start: 0, end: 3, speaker: 'rep', text: 'Добрый день, звоню по поводу поставки.' },
      {
        start: 3,
        end: 7,
        speaker: 'rep',
        text: `Можем дать отсрочку платежа ${days} дней с момента отгрузки.`,
      },
      { start: 7, end: 10, speaker: 'client', text: 'Хорошо, а если мы задержим оплату?' },
      { start: 10, end: 15, speaker: 'rep', text: 'Тогда пени 0,1 процента в день, оплата до 15-го числа.' },
      { start: 15, end: 17, speaker: 'client', text: `Договорились. Заказ номер ${variant}.` },
    ],
  };
}

export interface TestCallOptions {
  recording: string;
  /** Stored as the uploaded transcript under `calls/<id>/<fileName>`. */
  transcript?: { fileName: string; content: string };
  status?: CallStatus;
  channels?: number;
  repChannel?: 'left' | 'right';
  callType?: 'credit_negotiation' | 'collection';
  recordedAt?: Date;
}

export async function insertTestCall(
  ctx: Pick<PipelineTestContext, 'db' | 'store' | 'repId'>,
  options: TestCallOptions,
) {
  const id = randomUUID();
  const audioKey = `calls/${id}/original.wav`;
  await ctx.store.put(audioKey, createReadStream(options.recording));
  let transcriptKey: string | null = null;
  if (options.transcript) {
    transcriptKey = `calls/${id}/${options.transcript.fileName}`;
    await ctx.store.put(transcriptKey, Buffer.from(options.transcript.content, 'utf8'));
  }
  return insertCall(
    ctx.db,
    newCallRow({
      id,
      rep_id: ctx.repId,
      uploaded_by: ctx.repId,
      call_type: options.callType ?? 'credit_negotiation',
      recorded_at: options.recordedAt ?? new Date(),
      language: 'ru',
      status: options.status ?? 'queued',
      audio_key: audioKey,
      audio_sha256: randomUUID().replace(/-/g, ''),
      audio_bytes: 1000,
      audio_format: 'pcm_s16le',
      original_filename: 'call.wav',
      duration_sec: 3,
      channels: options.channels ?? 1,
      sample_rate: 16000,
      rep_channel: options.repChannel ?? null,
      transcript_upload_key: transcriptKey,
    }),
  );
}

export function jsonTranscriptFile(transcript: Transcript = negotiationTranscript()) {
  return { fileName: 'transcript.json', content: JSON.stringify(transcript) };
}

/** Rows a call owns, to prove a rerun does not duplicate anything. */
export async function countRows(db: Kysely<Database>, callId: string) {
  const count = async (table: 'transcript_segments' | 'analyses' | 'analysis_flags' | 'analysis_moments') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('call_id', '=', callId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    segments: await count('transcript_segments'),
    analyses: await count('analyses'),
    flags: await count('analysis_flags'),
    moments: await count('analysis_moments'),
  };
}

/** Polls (sleeping inside the loop) until `check` returns a value, or throws after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export type Media = ProcessCallDeps['media'];

/**
 * The pipeline's real media operations with a call counter per operation, and the outputs each
 * probeAndDeriveCopies run was asked for (to prove a step was skipped, or redone alone).
 */
export function countingMedia(): Media & {
  calls: Record<keyof Media, number>;
  made: Array<Array<keyof DerivedCopiesRequest>>;
} {
  const media = sharedMedia(); // also configures the ffmpeg binaries probeAndDeriveCopies runs
  const calls = { probe: 0, probeAndDeriveCopies: 0 };
  const made: Array<Array<keyof DerivedCopiesRequest>> = [];
  return {
    calls,
    made,
    probe: (...args) => (calls.probe++, media.probe(...args)),
    probeAndDeriveCopies: (input, request, options) => {
      calls.probeAndDeriveCopies++;
      made.push(Object.keys(request) as Array<keyof DerivedCopiesRequest>);
      return probeAndDeriveCopies(input, request, options);
    },
  };
}

/** processCall's production deps on the test database and store. */
export function testDeps(
  ctx: Pick<PipelineTestContext, 'db' | 'store'>,
  overrides: Partial<ProcessCallDeps> = {},
): ProcessCallDeps {
  return {
    ...createDefaultDeps({
      db: ctx.db,
      store: ctx.store,
      media: sharedMedia(),
      log: silentLogger,
      timeZone: 'Europe/Moscow',
    }),
    ...overrides,
  };
}

let media: FullMedia | undefined;
/** fluent-ffmpeg's binary paths are process-wide: build the media module once per test process. */
export function sharedMedia(): FullMedia {
  return (media ??= createMedia());
}

export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';
export const FAST_RETRY = { attempts: 5, baseDelayMs: 50, maxDelayMs: 400 };

/** A BullMQ prefix of its own per test file, so files running in parallel never see each other's jobs. */
export function uniquePrefix(): string {
  return `onterms-test-${randomUUID().slice(0, 8)}`;
}

/** Deletes every key under a test prefix. */
export async function deleteRedisPrefix(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
