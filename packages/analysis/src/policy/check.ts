import type {
  AnalysisResult,
  CreditPolicy,
  Moment,
  PolicyCheck,
  PolicyFinding,
  PolicySegment,
  SanctionKind,
} from '@onterms/contracts';
import { FINDING_KINDS, PAYMENT_FORMS } from '@onterms/contracts';

/** The segment a call is checked against: the client's own, or the policy's default (said so). */
export function resolveSegment(
  policy: CreditPolicy,
  clientSegment: string | null | undefined,
): { segment: PolicySegment; defaultSegmentUsed: boolean } {
  const own = clientSegment ? policy.segments.find((s) => s.id === clientSegment) : undefined;
  if (own) return { segment: own, defaultSegmentUsed: false };
  return { segment: policy.segments.find((s) => s.id === policy.defaultSegment)!, defaultSegmentUsed: true };
}

/** The items whose moments say what the client was promised; a company's own items say other things. */
const TERMS_ITEMS = ['payment_terms', 'deadline'];

type Draft = Omit<PolicyFinding, 'segment' | 'start' | 'quote'>;

function at(m: Moment, f: Draft): PolicyFinding {
  return {
    kind: f.kind,
    severity: f.severity,
    segment: m.segment,
    start: m.start,
    quote: m.quote,
    ...pick(f),
  };
}
function never(f: Draft): PolicyFinding {
  return { kind: f.kind, severity: f.severity, segment: null, start: null, quote: null, ...pick(f) };
}
const pick = (f: Draft) => ({ stated: f.stated, allowed: f.allowed });

function momentsOf(result: AnalysisResult, items?: string[]): Moment[] {
  const out: Moment[] = [];
  for (const [id, flag] of Object.entries(result.flags))
    if (!items || items.includes(id)) out.push(...flag.moments);
  return out;
}

/** Days of credit a moment promises: a deferral, or a payment period counted from an event. */
function creditDays(m: Moment): number | undefined {
  const v = m.values;
  if (!v) return undefined;
  if (v.deferralDays !== undefined) return v.deferralDays;
  if (v.dueDate?.kind === 'relative' && v.dueDate.days !== undefined) return v.dueDate.days;
  return undefined;
}

const requiredKind = (r: NonNullable<PolicySegment['requiredSanctions']>[number]) =>
  typeof r === 'string' ? { kind: r } : r;

/**
 * Checks what a call promised against one segment of the company's credit policy. Pure: it reads the
 * analysis result only, so what counts as said is exactly what the flags count (flags.md: the rep's
 * statements and the client's confirmed ones; never a refused proposal, a question or another
 * supplier's terms). Waivers come from `result.waivers`. One finding per kind and transcript segment.
 */
export function checkPolicy(
  result: AnalysisResult,
  policy: CreditPolicy,
  clientSegment?: string | null,
): PolicyCheck {
  const { segment, defaultSegmentUsed } = resolveSegment(policy, clientSegment);
  const findings: PolicyFinding[] = [];
  const seen = new Set<string>();
  const add = (f: PolicyFinding) => {
    const key = `${f.kind}:${f.segment}:${JSON.stringify(f.allowed)}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(f);
  };
  const terms = momentsOf(result, TERMS_ITEMS);
  const all = momentsOf(result);

  if (segment.maxDeferralDays !== undefined)
    for (const m of terms) {
      const days = creditDays(m);
      if (days !== undefined && days > segment.maxDeferralDays)
        add(
          at(m, {
            kind: 'deferral_over_limit',
            severity: 'breach',
            stated: days,
            allowed: segment.maxDeferralDays,
          }),
        );
    }

  const min = segment.minPrepaymentPercent;
  if (min !== undefined && min > 0) {
    const saidPrepayment = all.some(
      (m) => m.values?.prepaymentPercent !== undefined || m.values?.paymentForms?.includes('prepayment'),
    );
    for (const m of all) {
      const v = m.values;
      if (v?.prepaymentPercent !== undefined && v.prepaymentPercent < min)
        add(
          at(m, {
            kind: 'prepayment_below_minimum',
            severity: 'breach',
            stated: v.prepaymentPercent,
            allowed: min,
          }),
        );
      // credit with no prepayment said anywhere in the call: a prepayment of nothing
      else if (!saidPrepayment && v?.paymentForms?.some((f) => f !== 'prepayment'))
        add(at(m, { kind: 'prepayment_below_minimum', severity: 'breach', stated: 0, allowed: min }));
    }
  }

  const limit = segment.maxCreditLimit;
  if (limit)
    for (const m of all) {
      const said = m.values?.creditLimit;
      // an amount in another currency cannot be compared without a rate: left to the reviewer
      if (said && (!said.currency || said.currency === limit.currency) && said.amount > limit.amount)
        add(at(m, { kind: 'credit_limit_over', severity: 'breach', stated: said, allowed: limit }));
    }

  const penalty = segment.penalty;
  if (penalty)
    for (const m of all) {
      const said = m.values?.penalty;
      if (said && (said.ratePercent !== penalty.ratePercent || said.per !== penalty.per))
        add(at(m, { kind: 'penalty_differs', severity: 'breach', stated: said, allowed: penalty }));
    }

  const allowedForms = segment.allowedPaymentForms ?? PAYMENT_FORMS;
  for (const m of terms)
    for (const form of m.values?.paymentForms ?? [])
      if (!allowedForms.includes(form))
        add(
          at(m, {
            kind: 'payment_form_not_allowed',
            severity: 'breach',
            stated: form,
            allowed: allowedForms,
          }),
        );

  const required = (segment.requiredSanctions ?? []).map(requiredKind);
  const waived = new Set<SanctionKind>();
  for (const m of result.waivers ?? []) {
    // «санкций не будет» names no kind: it waives every one
    const kinds = m.values?.sanctionKinds ?? required.map((r) => r.kind);
    for (const r of required)
      if (kinds.includes(r.kind)) {
        waived.add(r.kind);
        add(at(m, { kind: 'sanction_waived', severity: 'breach', stated: r.kind, allowed: r }));
      }
  }
  // only a call that talks terms owes the sanctions: a wrong number or a "call you back" owes nothing
  if (terms.length) {
    const stated = new Set(all.flatMap((m) => m.values?.sanctionKinds ?? []));
    for (const r of required)
      if (!stated.has(r.kind) && !waived.has(r.kind))
        add(never({ kind: 'required_sanction_not_stated', severity: 'omission', stated: null, allowed: r }));
  }

  findings.sort(
    (a, b) =>
      (a.segment ?? Infinity) - (b.segment ?? Infinity) ||
      FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind),
  );
  return { id: policy.id, version: policy.version, segment: segment.id, defaultSegmentUsed, findings };
}
