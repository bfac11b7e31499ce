import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '@onterms/contracts';
import { Reliability } from './reliability.ts';

const result = (stated: boolean, confidence: number, present = false, dconf = 0.95) =>
  ({
    flags: { payment_terms: { stated, moments: [], confidence } },
    deflection: { present, moments: [], confidence: dconf },
  }) as Pick<AnalysisResult, 'flags' | 'deflection'>;
const labels = (stated: boolean, present = false) => ({
  payment_terms: { stated, segments: [] },
  deflection: { present, segments: [] },
});

describe('reliability table', () => {
  it('bins verdicts by confidence and reports the share that matched the labels', () => {
    const sut = new Reliability();
    sut.add(labels(true), result(true, 0.85));
    sut.add(labels(false), result(true, 0.85));
    sut.add(labels(true), result(true, 0.95));
    expect(sut.bins()).toEqual([
      { from: 0.8, to: 0.9, n: 2, predicted: 0.85, observed: 0.5 },
      { from: 0.9, to: 1, n: 4, predicted: 0.95, observed: 1 },
    ]);
  });
});
