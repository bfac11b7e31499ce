import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../database.ts';
import { perCallFlags, type PerCallFlags } from './per-call-flags.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Where a list's ✓/✗ chip opens a call, per flag: a stated flag at its first moment (the manager's
 * correction's moment when there is one), a missing flag at the first place it should have been said
 * (the analysis' opportunity). Flags with no such moment are absent: the chip opens the call at the start.
 */
export async function getFlagJumpTimes(db: Db, callIds: string[]): Promise<PerCallFlags<number>> {
  if (callIds.length === 0) return new Map();
  const [flags, moments, corrections] = await Promise.all([
    db
      .selectFrom('analysis_flags')
      .select(['call_id', 'flag', 'stated', 'opportunities'])
      .where('call_id', 'in', callIds)
      .execute(),
    db
      .selectFrom('analysis_moments')
      .select(['call_id', 'flag', 'start_sec'])
      .where('call_id', 'in', callIds)
      .where('ordinal', '=', 0)
      .execute(),
    db
      .selectFrom('flag_corrections')
      .select(['call_id', 'flag', 'stated', 'moments'])
      .where('call_id', 'in', callIds)
      .execute(),
  ]);
  const key = (callId: string, flag: string) => `${callId}\u0000${flag}`;
  const firstMoment = new Map(moments.map((m) => [key(m.call_id, m.flag), m.start_sec]));
  const corrected = new Map(corrections.map((c) => [key(c.call_id, c.flag), c]));
  return perCallFlags(flags, (row) => {
    const correction = corrected.get(key(row.call_id, row.flag));
    const stated = correction ? correction.stated : row.stated;
    if (!stated) return startOf(firstOf(row.opportunities));
    const own = correction ? startOf(firstOf(correction.moments)) : undefined;
    return own ?? firstMoment.get(key(row.call_id, row.flag));
  });
}

function firstOf(json: unknown): unknown {
  const list = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  return Array.isArray(list) ? list[0] : undefined;
}

function startOf(item: unknown): number | undefined {
  const start = (item as { start?: unknown } | undefined)?.start;
  return typeof start === 'number' ? start : undefined;
}
