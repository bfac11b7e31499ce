import type { AnalysisResult, MomentValues } from '@onterms/contracts';

/**
 * The call-level truth of what was read out of a call (spec/transcript-format.md, `values`). Each type
 * is scored as a set: a value said twice counts once, so a recap does not inflate the figures.
 */
export interface ValueTruth {
  deferralDays?: number[];
  prepaymentPercent?: number[];
  creditLimit?: { amount: number; currency?: string }[];
  penaltyRatePercent?: { rate: number; per: string }[];
  dueDayOfMonth?: number[];
  dueRelativeDays?: { days: number; from: string }[];
  sanctionKinds?: string[];
}

export const VALUE_TYPES = [
  'deferralDays',
  'prepaymentPercent',
  'creditLimit',
  'penaltyRatePercent',
  'dueDayOfMonth',
  'dueRelativeDays',
  'sanctionKinds',
] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

type Keys = Record<ValueType, Set<string>>;

const emptyKeys = (): Keys =>
  Object.fromEntries(VALUE_TYPES.map((t) => [t, new Set<string>()])) as unknown as Keys;

/** A number as a comparable key: 0.1 and 0.10 are the same rate, 2e6 and 2000000 the same amount. */
const num = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** A credit limit's key; the currency only when the truth names one (it is often left unsaid). */
function limitKey(amount: number, currency: string | undefined): string {
  return currency ? `${num(amount)} ${currency.toUpperCase()}` : num(amount);
}

export function truthKeys(truth: ValueTruth): Keys {
  const k = emptyKeys();
  for (const d of truth.deferralDays ?? []) k.deferralDays.add(num(d));
  for (const p of truth.prepaymentPercent ?? []) k.prepaymentPercent.add(num(p));
  for (const l of truth.creditLimit ?? []) k.creditLimit.add(limitKey(l.amount, l.currency));
  for (const r of truth.penaltyRatePercent ?? []) k.penaltyRatePercent.add(`${num(r.rate)}/${r.per}`);
  for (const d of truth.dueDayOfMonth ?? []) k.dueDayOfMonth.add(num(d));
  for (const r of truth.dueRelativeDays ?? []) k.dueRelativeDays.add(`${num(r.days)} from ${r.from}`);
  for (const s of truth.sanctionKinds ?? []) k.sanctionKinds.add(s);
  return k;
}

/** What the analysis read out: the values of every moment of every stated flag. */
export function predictedKeys(result: Pick<AnalysisResult, 'flags'>, truth: ValueTruth): Keys {
  const k = emptyKeys();
  const amountsWithCurrency = new Map(
    (truth.creditLimit ?? []).filter((l) => l.currency).map((l) => [num(l.amount), l.currency!]),
  );
  for (const flag of Object.values(result.flags)) {
    if (!flag.stated) continue;
    for (const m of flag.moments) addMoment(k, m.values, amountsWithCurrency);
  }
  return k;
}

function addMoment(k: Keys, v: MomentValues | undefined, amountsWithCurrency: Map<string, string>): void {
  if (!v) return;
  if (v.deferralDays !== undefined) k.deferralDays.add(num(v.deferralDays));
  if (v.prepaymentPercent !== undefined) k.prepaymentPercent.add(num(v.prepaymentPercent));
  if (v.creditLimit) {
    // Compare the currency only where both name one. The spec fills the currency "when said"; a
    // truth that infers an unsaid one (RUB in a Russian call) does not make the amount wrong, but a
    // currency read as another one does.
    const truthCurrency = amountsWithCurrency.get(num(v.creditLimit.amount));
    k.creditLimit.add(
      limitKey(v.creditLimit.amount, truthCurrency ? (v.creditLimit.currency ?? truthCurrency) : undefined),
    );
  }
  if (v.penalty) k.penaltyRatePercent.add(`${num(v.penalty.ratePercent)}/${v.penalty.per}`);
  if (v.dueDate?.dayOfMonth !== undefined) k.dueDayOfMonth.add(num(v.dueDate.dayOfMonth));
  // «отсрочка 30 дней», "net 30": one value, the deferral (flags.md: one statement, two flags; the
  // values format keeps the deferral in `deferralDays`). The period counts as a relative due date of
  // its own only when it names its start («30 дней с даты отгрузки»).
  const deferralItself =
    v.deferralDays !== undefined &&
    v.dueDate?.days === v.deferralDays &&
    (v.dueDate.from ?? 'unspecified') === 'unspecified';
  if (v.dueDate?.kind === 'relative' && v.dueDate.days !== undefined && !deferralItself)
    k.dueRelativeDays.add(`${num(v.dueDate.days)} from ${v.dueDate.from ?? 'unspecified'}`);
  for (const s of v.sanctionKinds ?? []) k.sanctionKinds.add(s);
}

export interface ValueCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Value precision and recall per type, over the calls that carry `values` truth. */
export class ValueScorer {
  readonly counts = Object.fromEntries(
    VALUE_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]),
  ) as unknown as Record<ValueType, ValueCounts>;
  calls = 0;
  readonly errors: string[] = [];

  add(id: string, truth: ValueTruth | undefined, result: Pick<AnalysisResult, 'flags'>): void {
    if (!truth) return;
    this.calls++;
    const want = truthKeys(truth);
    const got = predictedKeys(result, truth);
    for (const t of VALUE_TYPES) {
      const c = this.counts[t];
      for (const key of got[t]) {
        if (want[t].has(key)) c.tp++;
        else {
          c.fp++;
          this.errors.push(`${id} value ${t}: extra ${key}`);
        }
      }
      for (const key of want[t])
        if (!got[t].has(key)) {
          c.fn++;
          this.errors.push(`${id} value ${t}: missed ${key}`);
        }
    }
  }

  get total(): ValueCounts {
    const all = { tp: 0, fp: 0, fn: 0 };
    for (const c of Object.values(this.counts)) {
      all.tp += c.tp;
      all.fp += c.fp;
      all.fn += c.fn;
    }
    return all;
  }
}
