import type { AnalysisResult, PromiseDue } from '@onterms/contracts';

/** A promise as a corpus labels it (spec/transcript-format.md, `promises`). */
export interface PromiseTruth {
  amount?: number;
  currency?: string;
  full?: boolean;
  due: PromiseDue;
  segments: number[];
}

type Counted = { amount?: number; full?: boolean; due: PromiseDue };

/** The same deadline, and the same amount (or "all of it") when the truth names one. */
function key(p: Counted): string {
  const due = Object.keys(p.due)
    .sort()
    .map((k) => `${k}=${String(p.due[k as keyof PromiseDue])}`)
    .join(',');
  return `${due}|${p.amount ?? ''}|${p.full ? 'full' : ''}`;
}

/**
 * Promises scored per call as multisets: a promise found is a true positive when the truth has one with
 * the same deadline and amount (or "all of it"). Calls without `promises` truth are not scored.
 */
export class PromiseScorer {
  calls = 0;
  readonly counts = { tp: 0, fp: 0, fn: 0 };
  readonly errors: string[] = [];

  add(id: string, truth: PromiseTruth[] | undefined, result: Pick<AnalysisResult, 'promises'>): void {
    if (!truth) return;
    this.calls++;
    const left = truth.map(key);
    for (const p of result.promises ?? []) {
      const k = key(p);
      const at = left.indexOf(k);
      if (at >= 0) {
        this.counts.tp++;
        left.splice(at, 1);
      } else {
        this.counts.fp++;
        this.errors.push(
          `${id} promises: extra ${k} (segments ${p.moments.map((m) => m.segment).join(',')})`,
        );
      }
    }
    for (const k of left) {
      this.counts.fn++;
      this.errors.push(`${id} promises: missed ${k}`);
    }
  }
}
