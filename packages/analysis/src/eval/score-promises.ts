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
type Found = NonNullable<AnalysisResult['promises']>[number];
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** The deadline as text, for matching and for the error lines. */
function dueKey(due: PromiseDue): string {
  return Object.keys(due)
    .sort()
    .map((k) => `${k}=${String(due[k as keyof PromiseDue])}`)
    .join(',');
}

function key(p: Counted): string {
  return `${dueKey(p.due)}|${p.amount ?? ''}|${p.full ? 'full' : ''}`;
}

/**
 * The same deadline, and the same "what": the same amount, or both "all of it" (a truth may name both,
 * «всю сумму, 6 250» — either read counts), or neither naming anything.
 */
function same(found: Counted, truth: Counted): boolean {
  if (dueKey(found.due) !== dueKey(truth.due)) return false;
  if (found.full && truth.full) return true;
  if (found.amount !== undefined && found.amount === truth.amount) return true;
  return !found.full && found.amount === undefined && !truth.full && truth.amount === undefined;
}

const overlap = (found: Found, truth: PromiseTruth) =>
  found.moments.filter((m) => truth.segments.includes(m.segment)).length;

/**
 * Promises scored per call as multisets, twice:
 * - `counts`: a promise found is a true positive when the truth has one with the same deadline and
 *   the same amount or "all of it" (`same`);
 * - `withMoments`: … and at least one of its moments is in a segment the truth labels.
 * `segments` counts the labelled segments of the matched promises and how many of them a moment found.
 * Calls without `promises` truth are not scored.
 */
export class PromiseScorer {
  calls = 0;
  readonly counts: Counts = { tp: 0, fp: 0, fn: 0 };
  readonly withMoments: Counts = { tp: 0, fp: 0, fn: 0 };
  readonly segments = { labelled: 0, found: 0 };
  readonly errors: string[] = [];

  add(id: string, truth: PromiseTruth[] | undefined, result: Pick<AnalysisResult, 'promises'>): void {
    if (!truth) return;
    this.calls++;
    const left = [...truth];
    const found = result.promises ?? [];
    // Found promises that overlap their truth first, so two promises with one key pair by their moments.
    const order = found
      .map((p) => ({
        p,
        best: Math.max(0, ...left.filter((t) => same(p, t)).map((t) => overlap(p, t))),
      }))
      .sort((a, b) => b.best - a.best);
    for (const { p } of order) {
      const candidates = left.filter((t) => same(p, t));
      const match = candidates.sort((a, b) => overlap(p, b) - overlap(p, a))[0];
      if (!match) {
        this.counts.fp++;
        this.withMoments.fp++;
        this.errors.push(`${id} promises: extra ${key(p)} (segments ${segmentsOf(p)})`);
        continue;
      }
      left.splice(left.indexOf(match), 1);
      this.counts.tp++;
      this.segments.labelled += match.segments.length;
      this.segments.found += overlap(p, match);
      if (overlap(p, match) > 0) this.withMoments.tp++;
      else {
        this.withMoments.fp++;
        this.withMoments.fn++;
        this.errors.push(
          `${id} promises: ${key(p)} found at segments ${segmentsOf(p)}, labelled at ${match.segments.join(',')}`,
        );
      }
    }
    for (const t of left) {
      this.counts.fn++;
      this.withMoments.fn++;
      this.errors.push(`${id} promises: missed ${key(t)} (segments ${t.segments.join(',')})`);
    }
  }
}

const segmentsOf = (p: Found) => p.moments.map((m) => m.segment).join(',');
