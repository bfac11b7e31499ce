import { sql, type Kysely, type Selectable, type SelectQueryBuilder, type Transaction } from 'kysely';
import type { CallsTable, ClientsTable, Database, NewCall } from '../database.ts';
import type { Call, CallStatus, NewUploadedCall } from './call.ts';

type Db = Kysely<Database> | Transaction<Database>;
type CallRowWithClient = Selectable<CallsTable> & {
  client_name: string | null;
  rep_name: string;
  team_id: string | null;
  team_name: string | null;
};

export async function insertCall(db: Db, call: NewCall): Promise<Call> {
  const { id } = await db.insertInto('calls').values(call).returning('id').executeTakeFirstOrThrow();
  return (await findCallById(db, id))!;
}

/** Records an uploaded call (status `queued`); mapped to the row here, the only place that knows it. */
export async function insertUploadedCall(db: Db, call: NewUploadedCall): Promise<Call> {
  return insertCall(db, {
    id: call.id,
    rep_id: call.repId,
    uploaded_by: call.uploadedBy,
    client_id: call.clientId,
    call_type: call.callType,
    recorded_at: call.recordedAt,
    language: call.language,
    audio_key: call.audio.key,
    audio_sha256: call.audio.sha256,
    audio_bytes: call.audio.bytes,
    audio_format: call.audio.format,
    original_filename: call.audio.originalFilename,
    duration_sec: call.audio.durationSec,
    channels: call.audio.channels,
    sample_rate: call.audio.sampleRate,
    rep_channel: call.repChannel,
    transcript_upload_key: call.transcriptUploadKey,
  });
}

export async function findCallById(db: Db, id: string): Promise<Call | null> {
  const row = await selectCalls(db.selectFrom('calls')).where('calls.id', '=', id).executeTakeFirst();
  return row ? toCall(row) : null;
}

/** The rep's call with these exact bytes (the oldest, should older data hold two). */
export async function findCallByRepAndSha256(db: Db, repId: string, sha256: string): Promise<Call | null> {
  const row = await selectCalls(db.selectFrom('calls'))
    .where('calls.rep_id', '=', repId)
    .where('calls.audio_sha256', '=', sha256)
    .orderBy('calls.created_at')
    .executeTakeFirst();
  return row ? toCall(row) : null;
}

/**
 * Serialises uploads of the same bytes for the same rep until the transaction ends, so two
 * concurrent uploads cannot both insert: the second waits, then finds the first one's call.
 */
export async function lockRepRecording(
  trx: Transaction<Database>,
  repId: string,
  sha256: string,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`call-bytes:${repId}:${sha256}`}, 0))`.execute(
    trx,
  );
}

/** A flag that may be filtered on as "not stated"; `any` means any checklist item (deflection aside). */
export type MissingFilter = 'payment_terms' | 'deadline' | 'sanctions' | 'any';

export interface CallFilters {
  repIds?: string[];
  /** Calls of reps currently in this team. */
  teamId?: string;
  clientId?: string;
  callType?: Call['callType'];
  status?: CallStatus[];
  recordedFrom?: Date;
  recordedTo?: Date;
  /** Effective verdict (a manager's correction wins over the machine) says the flag was not stated. */
  missing?: MissingFilter;
  /** Effective verdict says the flag (or `all` three checklist items) was stated. */
  stated?: 'payment_terms' | 'deadline' | 'sanctions' | 'all';
  /** Effective deflection verdict; `false` matches only analysed calls without one. */
  deflection?: boolean;
  reviewed?: boolean;
  /** Full-text search in the transcript (websearch syntax, Russian and English). */
  search?: string;
  /** Calls whose credit-policy check found this kind of finding (`any`: any breach). */
  policyFinding?: string;
}

/**
 * `attention` puts calls with a missing flag or a deflection first, then newest (the "To review" inbox).
 * A leading `-` sorts descending.
 */
export type CallSort =
  | 'recorded_at'
  | '-recorded_at'
  | 'duration'
  | '-duration'
  | 'client'
  | '-client'
  | 'attention'
  | 'uncertain';

export interface Page {
  limit: number;
  offset: number;
}

/** The tsquery for a search string: parsed under both configurations and OR-ed, like the index. */
export function transcriptQuery(search: string) {
  return sql`(websearch_to_tsquery('russian'::regconfig, ${search}) || websearch_to_tsquery('english'::regconfig, ${search}))`;
}

/** The effective stated/not-stated of one flag of `calls.id`; null when neither machine nor manager said. */
function effectiveFlag(flag: string) {
  return sql<boolean | null>`coalesce(
    (select fc.stated from flag_corrections fc where fc.call_id = calls.id and fc.flag = ${flag}),
    (select af.stated from analysis_flags af where af.call_id = calls.id and af.flag = ${flag}))`;
}

/** Some checklist item (deflection aside) is effectively not stated. */
const missingAny = sql<boolean>`(
  exists (select 1 from analysis_flags af
          left join flag_corrections fc on fc.call_id = af.call_id and fc.flag = af.flag
          where af.call_id = calls.id and af.flag <> 'deflection' and not coalesce(fc.stated, af.stated))
  or exists (select 1 from flag_corrections fc
             where fc.call_id = calls.id and fc.flag <> 'deflection' and not fc.stated))`;

const needsAttention = sql<boolean>`(${missingAny} or coalesce(${effectiveFlag('deflection')}, false))`;

/**
 * The calls list; `total` counts every match for the pager. Flags are filtered by their effective
 * verdict, so a call a manager corrected to "stated" no longer shows up as missing.
 */
export async function listCalls(
  db: Db,
  filters: CallFilters,
  page: Page,
  sort: CallSort = '-recorded_at',
): Promise<{ items: Call[]; total: number }> {
  let query = db.selectFrom('calls');
  if (filters.repIds) {
    // An empty scope matches nothing (not everything).
    query = filters.repIds.length
      ? query.where('calls.rep_id', 'in', filters.repIds)
      : query.where(sql<boolean>`false`);
  }
  if (filters.teamId) {
    const teamId = filters.teamId;
    query = query.where('calls.rep_id', 'in', (eb) =>
      eb.selectFrom('users').select('users.id').where('users.team_id', '=', teamId),
    );
  }
  if (filters.clientId) query = query.where('calls.client_id', '=', filters.clientId);
  if (filters.callType) query = query.where('calls.call_type', '=', filters.callType);
  if (filters.status?.length) query = query.where('calls.status', 'in', filters.status);
  if (filters.recordedFrom) query = query.where('calls.recorded_at', '>=', filters.recordedFrom);
  if (filters.recordedTo) query = query.where('calls.recorded_at', '<', filters.recordedTo);
  if (filters.missing) {
    query = query.where(
      filters.missing === 'any' ? missingAny : sql<boolean>`${effectiveFlag(filters.missing)} = false`,
    );
  }
  if (filters.stated) {
    const flags = filters.stated === 'all' ? ['payment_terms', 'deadline', 'sanctions'] : [filters.stated];
    for (const flag of flags) query = query.where(sql<boolean>`${effectiveFlag(flag)} = true`);
  }
  if (filters.deflection !== undefined) {
    query = query.where(sql<boolean>`${effectiveFlag('deflection')} = ${filters.deflection}`);
  }
  if (filters.reviewed !== undefined) {
    query = query.where('calls.reviewed_at', filters.reviewed ? 'is not' : 'is', null);
  }
  if (filters.policyFinding) {
    query = query.where(
      filters.policyFinding === 'any'
        ? sql<boolean>`exists (select 1 from call_policy_checks k where k.call_id = calls.id and k.breaches > 0)`
        : sql<boolean>`exists (select 1 from call_policy_findings f where f.call_id = calls.id and f.kind = ${filters.policyFinding})`,
    );
  }
  if (filters.search) {
    const tsquery = transcriptQuery(filters.search);
    query = query.where(
      sql<boolean>`exists (select 1 from transcript_segments s where s.call_id = calls.id and s.search @@ ${tsquery})`,
    );
  }

  const [rows, count] = await Promise.all([
    selectCalls(query)
      .orderBy(ORDER[sort])
      .orderBy('calls.recorded_at', 'desc')
      .orderBy('calls.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toCall), total: Number(count.n) };
}

const ORDER: Record<CallSort, ReturnType<typeof sql>> = {
  recorded_at: sql`calls.recorded_at asc`,
  '-recorded_at': sql`calls.recorded_at desc`,
  duration: sql`calls.duration_sec asc`,
  '-duration': sql`calls.duration_sec desc`,
  // Calls without a client go last either way.
  client: sql`lower(clients.name) asc nulls last`,
  '-client': sql`lower(clients.name) desc nulls last`,
  attention: sql`${needsAttention} desc`,
  // the verdict the analysis is least sure of decides; calls analysed before confidences existed last
  uncertain: sql`(select min(af.confidence) from analysis_flags af where af.call_id = calls.id) asc nulls last`,
};

/** Which of these call ids exist (a loader that names its calls skips the ones already there). */
export async function existingCallIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('calls').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Marks the call reviewed, once: the first review keeps its time and reviewer. */
export async function markCallReviewed(db: Db, callId: string, userId: string): Promise<Date> {
  await db
    .updateTable('calls')
    .set({ reviewed_at: sql`now()`, reviewed_by: userId })
    .where('id', '=', callId)
    .where('reviewed_at', 'is', null)
    .execute();
  const row = await db
    .selectFrom('calls')
    .select('reviewed_at')
    .where('id', '=', callId)
    .executeTakeFirstOrThrow();
  return row.reviewed_at!;
}

/**
 * Moves a call to `to` only from one of `from`, atomically: the status column is the guard that keeps
 * two workers (or a retried job) from running the same step twice. Returns false when the call was
 * not in an expected state.
 */
/**
 * The call's status read under a row lock (`FOR UPDATE`, so run it in a transaction): a write that
 * depends on the status holds it until commit. Null when the call is gone.
 */
export async function lockCallStatus(db: Db, callId: string): Promise<CallStatus | null> {
  const row = await db
    .selectFrom('calls')
    .select('status')
    .where('id', '=', callId)
    .forUpdate()
    .executeTakeFirst();
  return row?.status ?? null;
}

export async function transitionCallStatus(
  db: Db,
  id: string,
  from: CallStatus[],
  to: CallStatus,
  failureReason: string | null = null,
  failureCode: string | null = null,
): Promise<boolean> {
  const result = await db
    .updateTable('calls')
    .set({ status: to, failure_reason: failureReason, failure_code: failureCode, updated_at: sql`now()` })
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
  stt: { engine: string; model: string | null; audioSeconds: number; notes?: string[] };
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
        stt_notes: JSON.stringify(files.stt.notes ?? []),
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

/** The calls the query selects, with their client's, rep's and team's names (what `toCall` reads). */
function selectCalls(query: SelectQueryBuilder<Database, 'calls', object>) {
  return withPeople(query.leftJoin('clients', 'clients.id', 'calls.client_id'))
    .selectAll('calls')
    .select([
      'clients.name as client_name',
      'rep.name as rep_name',
      'rep.team_id as team_id',
      'team.name as team_name',
    ]);
}

/** The rep and their team, for names in lists and headers. */
function withPeople<
  QB extends SelectQueryBuilder<Database & { clients: ClientsTable }, 'calls' | 'clients', object>,
>(query: QB) {
  return query
    .innerJoin('users as rep', 'rep.id', 'calls.rep_id')
    .leftJoin('teams as team', 'team.id', 'rep.team_id');
}

function toCall(row: CallRowWithClient): Call {
  return {
    id: row.id,
    repId: row.rep_id,
    repName: row.rep_name,
    teamId: row.team_id,
    teamName: row.team_name,
    clientId: row.client_id,
    clientName: row.client_name,
    callType: row.call_type,
    recordedAt: row.recorded_at,
    language: row.language,
    status: row.status,
    failureReason: row.failure_reason,
    failureCode: row.failure_code,
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
    stt: {
      engine: row.stt_engine,
      model: row.stt_model,
      audioSeconds: row.stt_audio_seconds,
      notes: row.stt_notes ?? [],
    },
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    analyzedAt: row.analyzed_at,
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewed_by,
  };
}

/**
 * Calls parked in `waiting` (no transcript, no engine) go back to `queued` — at start-up, once a
 * speech-to-text engine is configured. Returns their ids for the caller to enqueue.
 */
export async function requeueWaitingCalls(db: Db): Promise<string[]> {
  const rows = await db
    .updateTable('calls')
    .set({ status: 'queued', failure_reason: null, failure_code: null, updated_at: sql`now()` })
    .where('status', '=', 'waiting')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Sends a call through speech-to-text again (e.g. with another engine after a permanent engine error):
 * from any resting state back to `queued`. False when the call is busy in the pipeline.
 */
export async function requeueForTranscription(db: Db, id: string): Promise<boolean> {
  return transitionCallStatus(db, id, ['waiting', 'failed', 'analyzed'], 'queued');
}

/**
 * Attaches an uploaded transcript to an existing call and sends it back through the pipeline: the
 * call's transcript now comes from `key`. Only from a resting state (`from`); `attached: false` when
 * the call is busy in the pipeline (or gone). Returns the key it replaced, for the caller to tidy up.
 */
export async function attachTranscriptUpload(
  db: Db,
  id: string,
  key: string,
  from: CallStatus[],
): Promise<{ attached: boolean; replacedKey: string | null }> {
  // One statement: the old key is read from the row as it was before this very update.
  const row = await sql<{ replaced_key: string | null }>`
    update calls set transcript_upload_key = ${key}, status = 'queued', failure_reason = null, updated_at = now()
    from (select transcript_upload_key as replaced_key from calls where id = ${id}) as before
    where calls.id = ${id} and calls.status in (${sql.join(from)})
    returning before.replaced_key`.execute(db);
  const first = row.rows[0];
  return first ? { attached: true, replacedKey: first.replaced_key } : { attached: false, replacedKey: null };
}

/** Undoes `insertUploadedCall` while the call is still queued (the queue could not take its job). */
export async function deleteQueuedCall(db: Db, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('calls')
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Undoes `attachTranscriptUpload` while the call is still queued (the queue could not take it). */
export async function restoreTranscriptUpload(
  db: Db,
  id: string,
  before: { transcriptUploadKey: string | null; status: CallStatus; failureReason: string | null },
): Promise<void> {
  await db
    .updateTable('calls')
    .set({
      transcript_upload_key: before.transcriptUploadKey,
      status: before.status,
      failure_reason: before.failureReason,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

/**
 * Puts a failed call back in the pipeline from the first step that did not finish: `transcribed` when
 * its transcript is stored (only the analysis runs again), else `queued` (audio steps skip the outputs
 * they already stored). The recording, the uploaded transcript and derived files are kept. Returns the
 * status it moved to, or null when the call was not failed (someone else retried it first).
 * `automatic`: the system retries after an outage, counted in `auto_retries`.
 */
export async function retryFailedCall(
  db: Db,
  id: string,
  options: { automatic?: boolean } = {},
): Promise<'queued' | 'transcribed' | null> {
  const row = await db
    .updateTable('calls')
    .set((eb) => ({
      status: sql<CallStatus>`case when ${eb.ref('transcript_source')} is not null and exists (
        select 1 from transcript_segments s where s.call_id = calls.id) then 'transcribed' else 'queued' end`,
      failure_reason: null,
      failure_code: null,
      auto_retries: options.automatic ? sql`auto_retries + 1` : eb.ref('auto_retries'),
      updated_at: sql`now()`,
    }))
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .returning('status')
    .executeTakeFirst();
  return row ? (row.status as 'queued' | 'transcribed') : null;
}

/**
 * Failed calls the system should retry on its own: failed with one of `codes` (an outage, not the
 * recording) at least `minAgeMs` ago, retried automatically fewer than `maxAutoRetries` times.
 */
export async function listCallsToAutoRetry(
  db: Db,
  options: { codes: readonly string[]; minAgeMs: number; maxAutoRetries: number; limit?: number },
): Promise<string[]> {
  if (options.codes.length === 0) return [];
  const rows = await db
    .selectFrom('calls')
    .select('id')
    .where('status', '=', 'failed')
    .where('failure_code', 'in', [...options.codes])
    .where('auto_retries', '<', options.maxAutoRetries)
    .where('updated_at', '<=', sql<Date>`now() - make_interval(secs => ${options.minAgeMs / 1000})`)
    .orderBy('updated_at')
    .limit(options.limit ?? 500)
    .execute();
  return rows.map((r) => r.id);
}
