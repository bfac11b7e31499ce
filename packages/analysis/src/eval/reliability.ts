import type { AnalysisResult } from '@onterms/contracts';
import { EVAL_FLAGS, type Labels } from './score.ts';

/** Confidence bins: [0.5, 0.6) … [0.9, 1.0]. A verdict's confidence is about the verdict, so ≥ 0.5. */
export const BIN_EDGES = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0001] as const;

export interface Bin {
  from: number;
  to: number;
  n: number;
  /** Mean predicted confidence in the bin. */
  predicted: number;
  /** Share of verdicts in the bin that match the labels. */
  observed: number;
}

/**
 * Reliability of the confidences: for every flag and deflection verdict, its confidence against
 * whether it matched the labels, binned. Calibrated means predicted ≈ observed in each bin.
 */
export class Reliability {
  private readonly pairs: { p: number; ok: boolean }[] = [];

  add(labels: Labels, result: Pick<AnalysisResult, 'flags' | 'deflection'>): void {
    for (const f of [...EVAL_FLAGS, 'deflection']) {
      const lab = labels[f];
      if (!lab) continue;
      const truth = f === 'deflection' ? Boolean(lab.present) : Boolean(lab.stated);
      const got = f === 'deflection' ? result.deflection : result.flags[f];
      if (!got || got.confidence === undefined) continue;
      const pred = 'present' in got ? got.present : got.stated;
      this.pairs.push({ p: got.confidence, ok: pred === truth });
    }
  }

  bins(): Bin[] {
    const out: Bin[] = [];
    for (let b = 0; b < BIN_EDGES.length - 1; b++) {
      const from = BIN_EDGES[b]!;
      const to = BIN_EDGES[b + 1]!;
      const inBin = this.pairs.filter((x) => x.p >= from && x.p < to);
      if (!inBin.length) continue;
      out.push({
        from,
        to: Math.min(to, 1),
        n: inBin.length,
        predicted: inBin.reduce((s, x) => s + x.p, 0) / inBin.length,
        observed: inBin.filter((x) => x.ok).length / inBin.length,
      });
    }
    return out;
  }
}
