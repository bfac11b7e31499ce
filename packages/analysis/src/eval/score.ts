import type { AnalysisResult } from '@onterms/contracts';

/** A labelled call in corpus format (spec/transcript-format.md). */
export interface Labels {
  [flag: string]: { stated?: boolean; present?: boolean; segments: number[] };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

export function score(c: Counts): Score {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export const EVAL_FLAGS = ['payment_terms', 'deadline', 'sanctions'] as const;

/** Per-call scoring: flags and deflection judged per call, and the share of labelled segments found. */
export class Scorer {
  readonly calls: Record<string, Counts> = {};
  momentsLabelled = 0;
  momentsFound = 0;
  readonly errors: string[] = [];

  add(id: string, labels: Labels, result: Pick<AnalysisResult, 'flags' | 'deflection'>): void {
    for (const f of [...EVAL_FLAGS, 'deflection']) {
      const lab = labels[f];
      if (!lab) continue;
      const truth = f === 'deflection' ? Boolean(lab.present) : Boolean(lab.stated);
      const got = f === 'deflection' ? result.deflection : result.flags[f];
      const pred =
        f === 'deflection'
          ? Boolean(result.deflection.present)
          : Boolean(got && 'stated' in got && got.stated);
      const c = (this.calls[f] ??= { tp: 0, fp: 0, fn: 0, tn: 0 });
      if (truth && pred) c.tp++;
      else if (!truth && pred) c.fp++;
      else if (truth && !pred) c.fn++;
      else c.tn++;
      if (truth !== pred) this.errors.push(`${id} ${f}: expected ${truth}, got ${pred}`);
      const found = new Set((got?.moments ?? []).map((m) => m.segment));
      for (const s of lab.segments) {
        this.momentsLabelled++;
        if (found.has(s)) this.momentsFound++;
        else this.errors.push(`${id} ${f}: labelled segment ${s} not found`);
      }
      for (const s of found)
        if (!lab.segments.includes(s)) this.errors.push(`${id} ${f}: extra segment ${s}`);
    }
  }

  get momentShare(): number {
    return this.momentsLabelled ? this.momentsFound / this.momentsLabelled : 1;
  }
}
