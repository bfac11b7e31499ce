import type { CreditPolicy } from '@onterms/contracts';

/**
 * What changed from one version to the next, per segment and field, as short lines
 * ("regular.maxDeferralDays: 30 → 45", "+ key", "− risky") for the version history.
 */
export function policyChanges(before: CreditPolicy | null, after: CreditPolicy): string[] {
  if (!before) return [];
  const out: string[] = [];
  if (before.defaultSegment !== after.defaultSegment)
    out.push(`defaultSegment: ${before.defaultSegment} → ${after.defaultSegment}`);
  const old = new Map(before.segments.map((s) => [s.id, s]));
  for (const s of after.segments) {
    const o = old.get(s.id);
    if (!o) {
      out.push(`+ ${s.id}`);
      continue;
    }
    old.delete(s.id);
    const keys = new Set([...Object.keys(o), ...Object.keys(s)]) as Set<keyof typeof s>;
    for (const k of keys) {
      const a = JSON.stringify(o[k] ?? null);
      const b = JSON.stringify(s[k] ?? null);
      if (a !== b) out.push(`${s.id}.${k}: ${a} → ${b}`);
    }
  }
  for (const id of old.keys()) out.push(`− ${id}`);
  return out;
}
