import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Transcript } from '@onterms/contracts';
import {
  ensureClient,
  existingCallIds,
  findCallById,
  findUserByEmail,
  insertUploadedCall,
  updateCallDerived,
  type Call,
  type CallDerivedFiles,
} from '@onterms/db';
import { processCall, type ProcessCallDeps } from '@onterms/pipeline';
import type { BlobStore } from '@onterms/storage';
import type { AuditLog } from '../auth/audit.ts';
import { addDays, startOfDayIn, todayIn } from '@onterms/calendar';
import { DEMO_WEEKS, planDemoCalls, type PlannedCall } from './demo-story.ts';
import { coachDemoCalls, type CoachingCounts } from './coach-demo-calls.ts';

const SHARED_AUDIO_DIR = path.resolve(import.meta.dirname, '../../demo-data/shared');
/** Quiet recordings the transcript-only calls share, shortest first: each call gets the first long enough. */
const SHARED_AUDIO = ['quiet-45.ogg', 'quiet-75.ogg', 'quiet-120.ogg'];
const LOAD_CONCURRENCY = 4;

export interface DemoStoryDeps {
  /** The pipeline's own dependencies; the demo passes no speech-to-text engine (every call has a transcript). */
  pipeline: ProcessCallDeps;
  store: Pick<BlobStore, 'put' | 'exists'>;
  audit: AuditLog;
}

export interface DemoStoryResult {
  created: number;
  existing: number;
  analyzed: number;
  failed: number;
  coaching: CoachingCounts;
  weeks: number;
}

/**
 * Loads the demo's twelve weeks of calls (demo-story.ts) as the telephony integration would have sent
 * them — a recording and its transcript — and runs each through the real pipeline and analysis, one
 * after the other, so the dashboard, the inboxes and the follow-ups are filled when the server opens.
 *
 * Fast on purpose: the calls share three quiet recordings, and only the first call on each has its
 * audio prepared by ffmpeg; the others are handed the same prepared files, so the pipeline skips that
 * step and reads the uploaded transcript. Idempotent: the plan's call ids are fixed, and calls already
 * there (and their coaching) are left alone.
 */
export async function loadDemoStory(
  deps: DemoStoryDeps,
  options: { timeZone: string; now?: Date },
): Promise<DemoStoryResult> {
  const { db } = deps.pipeline;
  const plan = planDemoCalls();
  const there = await existingCallIds(
    db,
    plan.map((c) => c.id),
  );
  const todo = plan.filter((c) => !there.has(c.id));
  const reps = await repIds(deps, plan);
  const audio = await sharedAudio(deps);
  const today = todayIn(options.timeZone, options.now);
  const load = async (planned: PlannedCall): Promise<Call> => {
    const carrier = audio.pick(planned);
    const transcriptKey = `calls/${planned.id}/transcript.json`;
    await deps.store.put(transcriptKey, Buffer.from(planned.transcript.content, 'utf8'));
    const repId = reps.get(planned.repEmail)!;
    await insertUploadedCall(db, {
      id: planned.id,
      repId,
      uploadedBy: repId,
      clientId: (await ensureClient(db, planned.clientName)).id,
      callType: planned.callType,
      recordedAt: localInstant(today, planned.daysAgo, planned.hour, options.timeZone),
      language: planned.language,
      audio: { ...carrier.audio, originalFilename: `${planned.id.slice(0, 8)}.ogg` },
      repChannel: null,
      transcriptUploadKey: transcriptKey,
    });
    if (carrier.prepared) await updateCallDerived(db, planned.id, carrier.prepared);
    await processCall(deps.pipeline, planned.id);
    const call = (await findCallById(db, planned.id))!;
    if (!carrier.prepared && call.speechAudioKey && call.reviewAudioKey && call.peaksKey) {
      carrier.prepared = {
        speechAudioKey: call.speechAudioKey,
        reviewAudioKey: call.reviewAudioKey,
        peaksKey: call.peaksKey,
      };
    }
    return call;
  };
  // The first call on each shared recording prepares its audio (ffmpeg) alone; the rest only read
  // transcripts and write rows, a few at a time (a PostgreSQL server answers them in parallel).
  const created: Call[] = [];
  const rest: PlannedCall[] = [];
  for (const planned of todo) {
    if (audio.pick(planned).prepared) rest.push(planned);
    else created.push(await load(planned));
  }
  let next = 0;
  const worker = async () => {
    while (next < rest.length) created.push(await load(rest[next++]!));
  };
  await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, worker));
  const scripts = new Map(plan.map((c) => [c.id, c.script]));
  const coaching = await coachDemoCalls(
    { db, audit: deps.audit, now: options.now ?? new Date() },
    created.map((call) => ({ call, script: scripts.get(call.id)! })),
  );
  return {
    created: created.length,
    existing: plan.length - todo.length,
    analyzed: created.filter((c) => c.status === 'analyzed').length,
    failed: created.filter((c) => c.status === 'failed').length,
    coaching,
    weeks: DEMO_WEEKS,
  };
}

async function repIds(deps: DemoStoryDeps, plan: PlannedCall[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const email of new Set(plan.map((c) => c.repEmail))) {
    const user = await findUserByEmail(deps.pipeline.db, email);
    if (!user) throw new Error(`The demo rep ${email} does not exist; create the demo users first.`);
    ids.set(email, user.id);
  }
  return ids;
}

interface SharedAudio {
  audio: Omit<Call['audio'], 'originalFilename'>;
  /** The derived files of the first call on this recording, handed to every later one. */
  prepared: CallDerivedFiles | null;
}

/** The shared recordings, stored once under `demo/`; `pick` gives a call the shortest that covers its transcript. */
async function sharedAudio(deps: DemoStoryDeps) {
  const files: (SharedAudio & { seconds: number })[] = [];
  for (const name of SHARED_AUDIO) {
    const file = path.join(SHARED_AUDIO_DIR, name);
    const bytes = await readFile(file);
    const key = `demo/shared/${name}`;
    if (!(await deps.store.exists(key))) await deps.store.put(key, bytes);
    const info = await deps.pipeline.media.probe(file);
    files.push({
      seconds: info.durationSec,
      prepared: null,
      audio: {
        key,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
        format: info.codec,
        durationSec: info.durationSec,
        channels: info.channels,
        sampleRate: info.sampleRate,
      },
    });
  }
  return {
    pick(call: PlannedCall): SharedAudio {
      const segments = (JSON.parse(call.broken ? '{"segments":[]}' : call.transcript.content) as Transcript)
        .segments;
      const end = segments.at(-1)?.end ?? 0;
      return files.find((f) => f.seconds >= end) ?? files.at(-1)!;
    },
  };
}

/**
 * The instant of `hour`:mm on the day `daysAgo` before `today` in the company's time zone, whatever the
 * server's: the dashboard's weeks begin in that zone, so the demo's calls must fall on its days. (Hours
 * are counted from local midnight; on a DST change day a call may land an hour off, which a demo can bear.)
 */
export function localInstant(today: string, daysAgo: number, hour: number, timeZone: string): Date {
  const minute = 17 * (daysAgo % 3);
  return new Date(startOfDayIn(addDays(today, -daysAgo), timeZone).getTime() + (hour * 60 + minute) * 60_000);
}
