import { type CorrectionBody } from '@onterms/contracts';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Moment } from '@onterms/contracts';
import {
  deleteFlagCorrection,
  getEffectiveFlags,
  getSegments,
  listFlagCorrections,
  markCallReviewed,
  upsertFlagCorrection,
  type Call,
  type Database,
  type FlagCorrection,
} from '@onterms/db';
import type { UserPrincipal } from '../access/principal.ts';
import type { AuditLog } from '../auth/audit.ts';
import { AppError } from '@onterms/domain';

/**
 * A manager's correction of the machine's verdict on one flag. It lives in its own table (never in
 * analysis_flags, which re-analysis replaces), wins over the machine wherever a verdict is shown or
 * counted, and every change is in the audit log as `call.flag_changed` with the verdict before and after.
 */
export interface CorrectionDeps {
  db: Kysely<Database>;
  audit: AuditLog;
}

export async function correctFlag(
  deps: CorrectionDeps,
  request: FastifyRequest,
  manager: UserPrincipal,
  call: Call,
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
      authorId: manager.userId,
    });
    await markCallReviewed(trx, call.id, manager.userId);
    return saved;
  });
  await deps.audit.record(request, {
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

/** Removes a correction: the machine's verdict applies again. Nothing to remove is not an error. */
export async function removeCorrection(
  deps: CorrectionDeps,
  request: FastifyRequest,
  call: Call,
  flag: string,
): Promise<void> {
  const before = await verdictOf(deps.db, call.id, flag);
  if (!(await deleteFlagCorrection(deps.db, call.id, flag))) return;
  await deps.audit.record(request, {
    action: 'call.flag_changed',
    objectType: 'call',
    objectId: call.id,
    details: { flag, before, after: await verdictOf(deps.db, call.id, flag), reason: 'correction removed' },
  });
}

async function verdictOf(db: Kysely<Database>, callId: string, flag: string) {
  const effective = (await getEffectiveFlags(db, [callId])).get(callId)?.[flag];
  if (!effective) return null;
  const correction =
    effective.source === 'correction'
      ? (await listFlagCorrections(db, callId)).find((c) => c.flag === flag)
      : null;
  return {
    ...effective,
    ...(correction && { segments: correction.moments.map((m) => m.segment), reason: correction.reason }),
  };
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
