import type { Kysely, Transaction } from 'kysely';
import type { PolicyCheck, PolicyFinding } from '@onterms/contracts';
import type { Database } from '../database.ts';
import { analysedCalls, countRecheckProgress, type RecheckProgress } from './recheck-progress.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredPolicyCheck extends PolicyCheck {
  checkedAt: Date;
}

/** Replaces the call's policy check (one per call: the latest version it was checked against). */
export async function savePolicyCheck(db: Db, callId: string, check: PolicyCheck): Promise<void> {
  await savePolicyChecks(db, [{ callId, check }]);
}

/** Replaces the checks of many calls in three statements (a re-check writes them in batches). */
export async function savePolicyChecks(
  db: Db,
  checks: { callId: string; check: PolicyCheck }[],
): Promise<void> {
  if (checks.length === 0) return;
  await db
    .deleteFrom('call_policy_checks')
    .where(
      'call_id',
      'in',
      checks.map((c) => c.callId),
    )
    .execute(); // cascades to findings
  await db
    .insertInto('call_policy_checks')
    .values(
      checks.map(({ callId, check }) => ({
        call_id: callId,
        policy_version: check.version,
        segment: check.segment,
        default_segment_used: check.defaultSegmentUsed,
        breaches: check.findings.filter((f) => f.severity === 'breach').length,
        omissions: check.findings.filter((f) => f.severity === 'omission').length,
      })),
    )
    .execute();
  const findings = checks.flatMap(({ callId, check }) =>
    check.findings.map((f, ordinal) => ({
      call_id: callId,
      ordinal,
      kind: f.kind,
      severity: f.severity,
      segment_idx: f.segment,
      start_sec: f.start,
      quote: f.quote,
      stated: JSON.stringify(f.stated),
      allowed: JSON.stringify(f.allowed),
    })),
  );
  // chunked: nine parameters a finding, under Postgres' 65,535 bind parameters
  for (let i = 0; i < findings.length; i += 5000)
    await db
      .insertInto('call_policy_findings')
      .values(findings.slice(i, i + 5000))
      .execute();
}

/** The call's stored policy check, or null when it was never checked (no policy published yet). */
export async function getPolicyCheck(db: Db, callId: string): Promise<StoredPolicyCheck | null> {
  const head = await db
    .selectFrom('call_policy_checks as c')
    .innerJoin('credit_policy_versions as v', 'v.version', 'c.policy_version')
    .select(['c.policy_version', 'c.segment', 'c.default_segment_used', 'c.checked_at', 'v.policy_id'])
    .where('c.call_id', '=', callId)
    .executeTakeFirst();
  if (!head) return null;
  const rows = await db
    .selectFrom('call_policy_findings')
    .selectAll()
    .where('call_id', '=', callId)
    .orderBy('ordinal')
    .execute();
  return {
    id: head.policy_id,
    version: head.policy_version,
    segment: head.segment,
    defaultSegmentUsed: head.default_segment_used,
    checkedAt: head.checked_at,
    findings: rows.map((r): PolicyFinding => ({
      kind: r.kind as PolicyFinding['kind'],
      severity: r.severity,
      segment: r.segment_idx,
      start: r.start_sec,
      quote: r.quote,
      stated: r.stated as PolicyFinding['stated'],
      allowed: r.allowed as PolicyFinding['allowed'],
    })),
  };
}

/** Breaches and omissions per call for a page of calls (calls never checked are absent). */
export async function getPolicyCheckCounts(
  db: Db,
  callIds: string[],
): Promise<Map<string, { version: number; breaches: number; omissions: number }>> {
  const out = new Map<string, { version: number; breaches: number; omissions: number }>();
  if (!callIds.length) return out;
  const rows = await db
    .selectFrom('call_policy_checks')
    .select(['call_id', 'policy_version', 'breaches', 'omissions'])
    .where('call_id', 'in', callIds)
    .execute();
  for (const r of rows)
    out.set(r.call_id, { version: r.policy_version, breaches: r.breaches, omissions: r.omissions });
  return out;
}

/**
 * Analysed calls not yet checked against `version` (never checked, or against an older version),
 * oldest first: the re-check's cursor is the data itself, so a killed run resumes where it stopped.
 */
export async function callsNotCheckedAgainst(db: Db, version: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('calls as c')
    .leftJoin('call_policy_checks as k', 'k.call_id', 'c.id')
    .select('c.id')
    .where('c.status', '=', 'analyzed')
    .where((eb) => eb.or([eb('k.call_id', 'is', null), eb('k.policy_version', '<', version)]))
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Of `callIds`, those already checked against `version` or newer (e.g. analysed meanwhile). */
export async function callsCheckedAgainst(db: Db, callIds: string[], version: number): Promise<Set<string>> {
  if (callIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('call_policy_checks')
    .select('call_id')
    .where('call_id', 'in', callIds)
    .where('policy_version', '>=', version)
    .execute();
  return new Set(rows.map((r) => r.call_id));
}

/** How many analysed calls there are, and how many are checked against `version` (or newer). */
export async function policyCheckProgress(db: Db, version: number): Promise<RecheckProgress> {
  return countRecheckProgress(
    analysedCalls(db).leftJoin('call_policy_checks as k', 'k.call_id', 'c.id'),
    'k.policy_version',
    version,
  );
}
