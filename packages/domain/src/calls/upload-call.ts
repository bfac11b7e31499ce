import { type UploadFields } from '@onterms/contracts';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Transcript } from '@onterms/contracts';
import {
  deleteQueuedCall,
  deleteUnusedClient,
  ensureClient,
  findClientById,
  findClientByTaxId,
  findCallByRepAndSha256,
  findUserById,
  insertUploadedCall,
  lockRepRecording,
  type Call,
  type Database,
} from '@onterms/db';
import {
  hasRepClientSides,
  isMediaError,
  type ArrivingRecording,
  type AudioInfo,
  type Media,
} from '@onterms/media';
import type { BlobStore, PendingBlob } from '@onterms/storage';
import { MAX_TRANSCRIPT_SEGMENTS, parseTranscriptFile } from '@onterms/transcription';
import { AppError } from '../app-error.ts';
import type { Audit } from '../audit.ts';
import { attachTranscript, unreadableTranscript } from './attach-transcript.ts';
import { enqueueOrUndo, type CallQueue } from './enqueue-or-undo.ts';

export interface UploadDeps {
  db: Kysely<Database>;
  store: BlobStore;
  media: Media;
  queue: CallQueue;
}

/**
 * Who uploads, with the rights the access policy gives them (the API builds this from the request's
 * principal: apps/api/src/access/call-policy.ts). The action asks; the policy answers.
 */
export interface Uploader {
  /** Recorded as the call's uploader (for an API token: the admin who created it). */
  userId: string;
  /** An API token uploads on a rep's behalf and must name the rep; a person uploads as themselves by default. */
  kind: 'user' | 'token';
  mayUploadFor(repId: string): Promise<boolean>;
  /** Whether they may see this existing call (else a duplicate tells them nothing about it). */
  maySee(call: Call): Promise<boolean>;
  /** Writes `call.uploaded` for them (the API: with the request's principal and IP). */
  audit: Audit;
}

export interface UploadInput {
  /** The audio, already streamed to a temporary blob (hashed and size-checked on the way). */
  audio: PendingBlob;
  /** When the audio was checked on its way in (Media.probeWhileArriving): it finishes the probe. */
  audioProbe?: ArrivingRecording | undefined;
  audioFilename: string | null;
  transcript: { filename: string; content: string } | null;
  fields: UploadFields;
  /** Told how long each step took (the API answers it as Server-Timing; the upload bench prints it). */
  timing?: UploadTiming | undefined;
}

/** The steps of an upload after its bytes are written. Some run side by side, so they may overlap. */
/** `row`: the statements inserting the call, beside `store`; `insert`: the whole transaction, commit included. */
export type UploadStep = 'probe' | 'lookups' | 'store' | 'row' | 'insert' | 'enqueue' | 'audit';

export interface UploadTiming {
  record(step: UploadStep, ms: number): void;
}

export type UploadOutcome = { created: true; call: Call } | { created: false; call: Call };

/**
 * Accepts a recording: validates everything first, and only then makes it visible — blob committed,
 * row inserted, then the job enqueued (enqueue-or-undo.ts: a queue that is down takes the row and the
 * files back with it), or nothing at all. The same bytes from the same uploader return the
 * existing call instead of a copy. A new call is audited as `call.uploaded`; a duplicate is not.
 */
export async function uploadCall(
  deps: UploadDeps,
  uploader: Uploader,
  input: UploadInput,
): Promise<UploadOutcome> {
  const outcome = await storeUpload(deps, uploader, input);
  if (outcome.created) {
    const { call } = outcome;
    await stepTimer(input.timing)(
      'audit',
      uploader.audit({
        action: 'call.uploaded',
        objectType: 'call',
        objectId: call.id,
        details: {
          repId: call.repId,
          bytes: call.audio.bytes,
          transcript: call.transcriptUploadKey !== null,
        },
      }),
    );
  }
  return outcome;
}

/** Everything but the audit entry, which is written outside: the call is stored and queued by then. */
async function storeUpload(deps: UploadDeps, uploader: Uploader, input: UploadInput): Promise<UploadOutcome> {
  const { audio, fields } = input;
  let committedKeys: string[] = [];
  let createdClientId: string | null = null;
  let storing: Promise<unknown> | null = null;
  try {
    const written = audio.written;
    if (!written || written.size === 0) throw new AppError('empty_file', 'The audio file is empty.');

    if (uploader.kind === 'token' && !fields.repId) {
      throw new AppError(
        'unknown_rep',
        "An API token uploads on a rep's behalf: send the rep's id as repId.",
      );
    }
    const blob = written;
    const repId = fields.repId ?? uploader.userId;
    // Independent checks run side by side (the probe in ffmpeg, the rest in the database); each is
    // awaited in the order the rules are written, so the first broken rule is still the one reported.
    const timed = stepTimer(input.timing);
    const probing = handled(timed('probe', probeUpload(deps, input)));
    const lookups = performance.now();
    const picking = handled(pickedClient(deps.db, fields));
    const finding = handled(findCallByRepAndSha256(deps.db, repId, written.sha256));
    const rep = await findUserById(deps.db, repId);
    if (!rep || rep.role !== 'rep' || rep.disabled) {
      throw new AppError('unknown_rep', `No active rep with id ${repId}.`);
    }
    if (!(await uploader.mayUploadFor(repId))) {
      throw new AppError('unknown_rep', `You cannot upload calls for rep ${repId}.`);
    }
    void Promise.allSettled([picking, finding]).then(() =>
      input.timing?.record('lookups', performance.now() - lookups),
    );

    const info = await probing;
    if (fields.repChannel && !hasRepClientSides(info.channels)) {
      throw new AppError(
        'bad_request',
        `repChannel is for 2-channel recordings; this one has ${info.channels} channel${info.channels === 1 ? '' : 's'}.`,
      );
    }

    const transcript = input.transcript ? parseUploadedTranscript(input.transcript, fields) : null;
    if (transcript && transcript.segments.length > MAX_TRANSCRIPT_SEGMENTS) {
      throw new AppError(
        'transcript_too_long',
        `The transcript has ${transcript.segments.length} segments; at most ${MAX_TRANSCRIPT_SEGMENTS} are accepted. ` +
          'Merge short segments or split the call into parts.',
      );
    }
    const knownClient = await picking;

    const existing = await finding;
    if (existing) {
      await audio.abort();
      // The same recording again, now with its transcript: the transcript is what was missing.
      if (input.transcript && existing.transcriptUploadKey === null) {
        const attached = await attachTranscript(deps, existing, input.transcript);
        return { created: false, call: attached };
      }
      return await duplicateOf(uploader, existing);
    }

    const id = randomUUID();
    const audioKey = `calls/${id}/original${safeExtension(input.audioFilename, info.container)}`;
    const transcriptKey = input.transcript
      ? `calls/${id}/transcript${safeExtension(input.transcript.filename, 'json')}`
      : null;
    // Set before anything is stored: whatever fails from here, the catch below removes what got there.
    committedKeys = transcriptKey ? [audioKey, transcriptKey] : [audioKey];
    async function insertRow(trx: Transaction<Database>): Promise<UploadOutcome> {
      // The same bytes for the same rep uploaded at the same moment: the second waits here, then
      // finds the first one's call.
      await lockRepRecording(trx, repId, blob.sha256);
      const raced = await findCallByRepAndSha256(trx, repId, blob.sha256);
      if (raced) return { created: false, call: raced };
      const client = knownClient ?? (fields.clientName ? await ensureClient(trx, fields.clientName) : null);
      if (client && 'created' in client && client.created) createdClientId = client.id;
      const inserted = await insertUploadedCall(trx, {
        id,
        repId,
        uploadedBy: uploader.userId,
        clientId: client?.id ?? null,
        callType: fields.callType ?? 'credit_negotiation',
        recordedAt: fields.recordedAt ? new Date(fields.recordedAt) : new Date(),
        language: fields.language ?? transcript?.language ?? null,
        audio: {
          key: audioKey,
          sha256: blob.sha256,
          bytes: blob.size,
          format: info.codec,
          originalFilename: input.audioFilename,
          durationSec: info.durationSec,
          channels: info.channels,
          sampleRate: info.sampleRate,
        },
        repChannel: fields.repChannel ?? null,
        transcriptUploadKey: transcriptKey,
      });
      return { created: true, call: inserted };
    }
    // The files are made durable (fsync, rename) while the row is written; the transaction commits
    // only once they are stored, so a row never names a missing file, and a refused row takes them back.
    storing = handled(
      timed(
        'store',
        Promise.all([
          audio.commit(audioKey),
          transcriptKey && deps.store.put(transcriptKey, Buffer.from(input.transcript!.content, 'utf8')),
        ]),
      ),
    );
    const stored = storing;

    const outcome = await timed(
      'insert',
      deps.db.transaction().execute(async (trx): Promise<UploadOutcome> => {
        const [files, row] = await Promise.allSettled([stored, timed('row', insertRow(trx))]);
        if (files.status === 'rejected') throw files.reason;
        if (row.status === 'rejected') throw row.reason;
        return row.value;
      }),
    );
    if (!outcome.created) {
      await Promise.all(committedKeys.map((key) => deps.store.delete(key).catch(() => {})));
      return await duplicateOf(uploader, outcome.call);
    }
    // The queue is down: the row goes, and the client it created (the catch below removes the files);
    // the caller gets a 503.
    await timed(
      'enqueue',
      enqueueOrUndo(deps.queue, id, async () => {
        await deleteQueuedCall(deps.db, id);
        // Someone may have started using the new client meanwhile (an import): then it stays.
        if (createdClientId) await deleteUnusedClient(deps.db, createdClientId).catch(() => {});
      }),
    );
    return outcome;
  } catch (error) {
    await storing?.catch(() => {}); // settled before its files are removed
    await audio.abort().catch(() => {});
    await Promise.all(committedKeys.map((key) => deps.store.delete(key).catch(() => {})));
    throw error;
  }
}

/** The probe's verdict, in the uploader's words when it is about the bytes. */
function probeUpload(deps: UploadDeps, input: UploadInput): Promise<AudioInfo> {
  return (input.audioProbe ?? deps.media).probe(input.audio.tempPath).catch((error: unknown) => {
    // Only a verdict on the bytes is the uploader's problem; broken tools are an outage (503).
    if (isMediaError(error, 'not_audio')) throw new AppError('unsupported_media_type', error.message);
    if (isMediaError(error, 'corrupt') || isMediaError(error, 'channel_unavailable')) {
      throw new AppError('corrupt_audio', error.message);
    }
    throw error;
  });
}

/** Passes a step's promise on, telling `timing` how long it took from now until it settled. */
function stepTimer(timing: UploadTiming | undefined) {
  return <T>(step: UploadStep, work: Promise<T>): Promise<T> => {
    if (!timing) return work;
    const start = performance.now();
    return work.finally(() => timing.record(step, performance.now() - start));
  };
}

/**
 * Marks a promise started ahead of the point where it is awaited as handled, so that when an earlier
 * check throws first its rejection is dropped instead of crashing the process as unhandled.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

/**
 * The answer to a recording already uploaded for this rep: the existing call, but only to someone
 * who may read it. An upload-only integration, or a manager no longer leading the rep's team, learns
 * that it is a duplicate and nothing about the call.
 */
async function duplicateOf(uploader: Uploader, call: Call): Promise<UploadOutcome> {
  if (await uploader.maySee(call)) return { created: false, call };
  throw new AppError(
    'duplicate_call',
    'This recording was already uploaded for this rep; it was not stored again.',
  );
}

function parseUploadedTranscript(
  file: { filename: string; content: string },
  fields: UploadFields,
): Transcript {
  try {
    return parseTranscriptFile(
      file.filename,
      file.content,
      fields.language ? { language: fields.language } : {},
    );
  } catch (error) {
    throw unreadableTranscript(file.filename, error);
  }
}

/** The stored name keeps a short, safe extension for people browsing the bucket; never the user's name. */
function safeExtension(filename: string | null, fallback: string): string {
  const ext = filename ? path.extname(filename).toLowerCase() : '';
  if (/^\.[a-z0-9]{1,5}$/.test(ext)) return ext;
  const alt = `.${fallback.split(',')[0]?.toLowerCase() ?? 'bin'}`;
  return /^\.[a-z0-9]{1,5}$/.test(alt) ? alt : '.bin';
}

/** The known client the upload names by id or tax id; a name typed freely is matched (or added) later. */
async function pickedClient(db: Kysely<Database>, fields: UploadFields): Promise<{ id: string } | null> {
  if (fields.clientId) {
    const client = await findClientById(db, fields.clientId);
    if (!client)
      throw new AppError('bad_request', `No client with id ${fields.clientId}: pick one from the list.`);
    return client;
  }
  if (fields.clientTaxId) {
    const client = await findClientByTaxId(db, fields.clientTaxId.replace(/\s/g, ''));
    if (!client) {
      throw new AppError(
        'bad_request',
        `No client with tax id ${fields.clientTaxId}: import the receivables that name it, or send clientName.`,
      );
    }
    return client;
  }
  return null;
}
