import type { CorrectionBody, Moment } from '@onterms/contracts';
import type { Kysely } from 'kysely';
import {
  getSegments,
  markCallReviewed,
  upsertFlagCorrection,
  type Call,
  type Database,
  type FlagCorrection,
} from '@onterms/db';
import { AppError } from '../app-error.ts';
import { verdictOf } from './flag-verdict.ts';

/**
 * A manager's correction of the machine's verdict on one flag. It lives in its own table (never in
 * analysis_flags, which re-analysis replaces), wins over the machine wherever a verdict is shown or
 * counted, and every change is in the audit log as `call.flag_changed` with the verdict before and after.
 */
export interface CorrectionDeps {
  db: Kysely<Database>;
  /** Writes the `call.flag_changed` entry for whoever acts (the API: by the request's principal and IP). */
  audit: (event: FlagChangedEvent) => Promise<void>;
}

export interface FlagChangedEvent {
  action: 'call.flag_changed';
  objectType: 'call';
  objectId: string;
  details: Record<string, unknown>;
}

export async function correctFlag(
  deps: CorrectionDeps,
  managerId: string,
  call: Pick<Call, 'id' | 'status'>,
  flag: string,
  body: CorrectionBody,
): Promise<FlagCorrection> {
  const reason = body.reason.trim();
  if (!reason)
    throw new AppError('bad_request', 'Say why you are correcting the flag (a reason is required).');
  if (call.status !== 'analyzed') {
    throw new AppError(
      'not_ready',
      'This call has not been analysed yet; correct its flags once the verdict is in.',
    );
  }
  const moments = await momentsAt(deps.db, call.id, body.moments ?? []);
  const before = await verdictOf(deps.db, call.id, flag);
  const correction = await deps.db.transaction().execute(async (trx) => {
    const saved = await upsertFlagCorrection(trx, {
      callId: call.id,
      flag,
      stated: body.stated,
      moments,
      reason,
      authorId: managerId,
    });
    await markCallReviewed(trx, call.id, managerId);
    return saved;
  });
  await deps.audit({
    action: 'call.flag_changed',
    objectType: 'call',
    objectId: call.id,
    details: {
      flag,
      before,
      after: { stated: correction.stated, source: 'correction', segments: moments.map((m) => m.segment) },
      reason,
    },
  });
  return correction;
}

/** Moments for the chosen segments, times and words taken from the stored transcript. */
async function momentsAt(
  db: Kysely<Database>,
  callId: string,
  picks: { segment: number }[],
): Promise<Moment[]> {
  if (picks.length === 0) return [];
  const segments = await getSegments(db, callId);
  const indexes = [...new Set(picks.map((p) => p.segment))].sort((a, b) => a - b);
  const outside = indexes.find((i) => i >= segments.length);
  if (outside !== undefined) {
    throw new AppError(
      'bad_request',
      segments.length === 0
        ? 'This call has no transcript, so there are no segments to point at.'
        : `Segment ${outside} does not exist: the transcript has segments 0 to ${segments.length - 1}.`,
    );
  }
  return indexes.map((i) => {
    const s = segments[i]!;
    return { segment: i, start: s.start, end: s.end, speaker: s.speaker, quote: s.text };
  });
}
