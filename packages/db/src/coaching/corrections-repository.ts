import type { Kysely, Transaction } from 'kysely';
import type { Moment } from '@onterms/contracts';
import type { Database } from '../database.ts';
import { perCallFlags, type PerCallFlags } from '../analyses/per-call-flags.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A manager's verdict on one flag of a call: stored apart from the machine's, which re-analysis replaces. */
export interface FlagCorrection {
  callId: string;
  flag: string;
  stated: boolean;
  moments: Moment[];
  reason: string;
  author: { id: string; name: string };
  at: Date;
}

export interface NewFlagCorrection {
  callId: string;
  flag: string;
  stated: boolean;
  moments: Moment[];
  reason: string;
  authorId: string;
}

/** Sets (or replaces) the correction of one flag; returns it as stored. */
export async function upsertFlagCorrection(db: Db, c: NewFlagCorrection): Promise<FlagCorrection> {
  const values = {
    stated: c.stated,
    moments: JSON.stringify(c.moments),
    reason: c.reason,
    author_id: c.authorId,
    created_at: new Date(),
  };
  await db
    .insertInto('flag_corrections')
    .values({ call_id: c.callId, flag: c.flag, ...values })
    .onConflict((oc) => oc.columns(['call_id', 'flag']).doUpdateSet(values))
    .execute();
  return (await findFlagCorrection(db, c.callId, c.flag))!;
}

export async function findFlagCorrection(
  db: Db,
  callId: string,
  flag: string,
): Promise<FlagCorrection | null> {
  return (await listFlagCorrections(db, callId)).find((c) => c.flag === flag) ?? null;
}

/** Removes a correction (the machine's verdict applies again); false when there was none. */
export async function deleteFlagCorrection(db: Db, callId: string, flag: string): Promise<boolean> {
  const result = await db
    .deleteFrom('flag_corrections')
    .where('call_id', '=', callId)
    .where('flag', '=', flag)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function listFlagCorrections(db: Db, callId: string): Promise<FlagCorrection[]> {
  const rows = await db
    .selectFrom('flag_corrections as fc')
    .innerJoin('users as u', 'u.id', 'fc.author_id')
    .select([
      'fc.call_id',
      'fc.flag',
      'fc.stated',
      'fc.moments',
      'fc.reason',
      'fc.created_at',
      'u.id as author_id',
      'u.name as author_name',
    ])
    .where('fc.call_id', '=', callId)
    .orderBy('fc.flag')
    .execute();
  return rows.map((r) => ({
    callId: r.call_id,
    flag: r.flag,
    stated: r.stated,
    moments: r.moments as Moment[],
    reason: r.reason,
    author: { id: r.author_id, name: r.author_name },
    at: r.created_at,
  }));
}

export interface EffectiveFlag {
  stated: boolean;
  source: 'machine' | 'correction';
}

/**
 * The verdict per flag for a set of calls, a correction winning over the machine (the same rule as the
 * `effective_flags` view, done here with two indexed lookups). Calls with neither are absent.
 */
export async function getEffectiveFlags(db: Db, callIds: string[]): Promise<PerCallFlags<EffectiveFlag>> {
  if (callIds.length === 0) return new Map();
  const [machine, corrected] = await Promise.all([
    db
      .selectFrom('analysis_flags')
      .select(['call_id', 'flag', 'stated'])
      .where('call_id', 'in', callIds)
      .execute(),
    db
      .selectFrom('flag_corrections')
      .select(['call_id', 'flag', 'stated'])
      .where('call_id', 'in', callIds)
      .execute(),
  ]);
  // a correction wins: its rows come last
  const rows = [
    ...machine.map((row) => ({ ...row, source: 'machine' as const })),
    ...corrected.map((row) => ({ ...row, source: 'correction' as const })),
  ];
  return perCallFlags(rows, (row): EffectiveFlag => ({ stated: row.stated, source: row.source }));
}
