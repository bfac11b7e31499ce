import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { CallsTable, Database, NewCall } from '../database.ts';
import type { Call, CallStatus } from './call.ts';

type Db = Kysely<Database> | Transaction<Database>;
type CallRowWithClient = Selectable<CallsTable> & { client_name: string | null };

export async function insertCall(db: Db, call: NewCall): Promise<Call> {
  const { id } = await db.insertInto('calls').values(call).returning('id').executeTakeFirstOrThrow();
  return (await findCallById(db, id))!;
}

export async function findCallById(db: Db, id: string): Promise<Call | null> {
  const row = await selectCalls(db).where('calls.id', '=', id).executeTakeFirst();
  return row ? toCall(row) : null;
}

export async function findCallByUploaderAndSha256(db: Db, uploadedBy: string, sha256: string): Promise<Call | null> {
  const row = await selectCalls(db)
    .where('calls.uploaded_by', '=', uploadedBy)
    .where('calls.audio_sha256', '=', sha256)
    .executeTakeFirst();
  return row ? toCall(row) : null;
}

export interface CallFilters {
  repIds?: string[];
  clientId?: string;
  callType?: Call['callType'];
  status?: CallStatus[];
  recordedFrom?: Date;
  recordedTo?: Date;
}

export interface Page {
  limit: number;
  offset: number;
}

/** The calls list, newest recording first; `total` counts every match for the pager. */
export async function listCalls(db: Db, filters: CallFilters, page: Page): Promise<{ items: Call[]; total: number }> {
  let query = db.selectFrom('calls');
  if (filters.repIds) {
    // An empty scope matches nothing (not everything).
    query = filters.repIds.length ? query.where('calls.rep_id', 'in', filters.repIds) : query.where(sql<boolean>`false`);
  }
  if (filters.clientId) query = query.where('calls.client_id', '=', filters.clientId);
  if (filters.callType) query = query.where('calls.call_type', '=', filters.callType);
  if (filters.status?.length) query = query.where('calls.status', 'in', filters.status);
  if (filters.recordedFrom) query = query.where('calls.recorded_at', '>=', filters.recordedFrom);
  if (filters.recordedTo) query = query.where('calls.recorded_at', '<', filters.recordedTo);

  const [rows, count] = await Promise.all([
    query
      .leftJoin('clients', 'clients.id', 'calls.client_id')
      .selectAll('calls')
      .select('clients.name as client_name')
      .orderBy('calls.recorded_at', 'desc')
      .orderBy('calls.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toCall), total: Number(count.n) };
}

/**
 * Moves a call to `to` only from one of `from`, atomically: the status column is the guard that keeps
 * two workers (or a retried job) from running the same step twice. Returns false when the call was
 * not in an expected state.
 */
export async function transitionCallStatus(
  db: Db,
  id: string,
  from: CallStatus[],
  to: CallStatus,
  failureReason: string | null = null,
): Promise<boolean> {
  const result = await db
    .updateTable('calls')
    .set({ status: to, failure_reason: failureReason, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export type CallDerivedFiles = Partial<{
  speechAudioKey: string;
  reviewAudioKey: string;
  peaksKey: string;
  language: Call['language'];
  transcriptSource: 'upload' | 'stt';
  stt: { engine: string; model: string | null; audioSeconds: number };
}>;

export async function updateCallDerived(db: Db, id: string, files: CallDerivedFiles): Promise<void> {
  await db
    .updateTable('calls')
    .set({
      ...(files.speechAudioKey !== undefined && { speech_audio_key: files.speechAudioKey }),
      ...(files.reviewAudioKey !== undefined && { review_audio_key: files.reviewAudioKey }),
      ...(files.peaksKey !== undefined && { peaks_key: files.peaksKey }),
      ...(files.language !== undefined && { language: files.language }),
      ...(files.transcriptSource !== undefined && { transcript_source: files.transcriptSource }),
      ...(files.stt !== undefined && {
        stt_engine: files.stt.engine,
        stt_model: files.stt.model,
        stt_audio_seconds: files.stt.audioSeconds,
      }),
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Ids of calls a runner should (re)start: queued or interrupted mid-way. */
export async function listUnfinishedCallIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('calls')
    .select('id')
    .where('status', 'in', ['queued', 'processing', 'transcribed'])
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.id);
}

/** For the storage sweep: is any call still pointing at this blob? */
export async function isBlobReferenced(db: Db, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('calls')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('audio_key', '=', key),
        eb('speech_audio_key', '=', key),
        eb('review_audio_key', '=', key),
        eb('peaks_key', '=', key),
        eb('transcript_upload_key', '=', key),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function selectCalls(db: Db) {
  return db
    .selectFrom('calls')
    .leftJoin('clients', 'clients.id', 'calls.client_id')
    .selectAll('calls')
    .select('clients.name as client_name');
}

function toCall(row: CallRowWithClient): Call {
  return {
    id: row.id,
    repId: row.rep_id,
    clientId: row.client_id,
    clientName: row.client_name,
    callType: row.call_type,
    recordedAt: row.recorded_at,
    language: row.language,
    status: row.status,
    failureReason: row.failure_reason,
    audio: {
      key: row.audio_key,
      sha256: row.audio_sha256,
      bytes: Number(row.audio_bytes),
      format: row.audio_format,
      originalFilename: row.original_filename,
      durationSec: row.duration_sec,
      channels: row.channels,
      sampleRate: row.sample_rate,
    },
    repChannel: row.rep_channel,
    speechAudioKey: row.speech_audio_key,
    reviewAudioKey: row.review_audio_key,
    peaksKey: row.peaks_key,
    transcriptUploadKey: row.transcript_upload_key,
    transcriptSource: row.transcript_source,
    stt: { engine: row.stt_engine, model: row.stt_model, audioSeconds: row.stt_audio_seconds },
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    analyzedAt: row.analyzed_at,
  };
}
