import { describe, expect, it } from 'vitest';
import type { AnalysisResult, Moment } from '@onterms/contracts';
import { ValueScorer } from './score-values.ts';

const moment = (values: Moment['values']): Moment => ({
  segment: 0,
  start: 0,
  end: 1,
  speaker: 'rep',
  quote: '',
  values,
});
const result = (flags: Record<string, { stated: boolean; moments: Moment[] }>) =>
  ({ flags }) as Pick<AnalysisResult, 'flags'>;

describe('value scoring', () => {
  it('counts a value read out once however often it is repeated, and a missed one as a miss', () => {
    const sut = new ValueScorer();
    sut.add(
      'c1',
      { deferralDays: [30], sanctionKinds: ['penalty', 'suspension'] },
      result({
        payment_terms: {
          stated: true,
          moments: [moment({ deferralDays: 30 }), moment({ deferralDays: 30 })],
        },
        sanctions: { stated: true, moments: [moment({ sanctionKinds: ['penalty', 'legal'] })] },
      }),
    );
    expect(sut.counts.deferralDays).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(sut.counts.sanctionKinds).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(sut.errors).toEqual([
      'c1 value sanctionKinds: extra legal',
      'c1 value sanctionKinds: missed suspension',
    ]);
  });

  it('ignores the values of a flag the analysis did not call stated', () => {
    const sut = new ValueScorer();
    sut.add(
      'c2',
      {},
      result({ sanctions: { stated: false, moments: [moment({ sanctionKinds: ['penalty'] })] } }),
    );
    expect(sut.total).toEqual({ tp: 0, fp: 0, fn: 0 });
  });

  it('compares a credit limit’s currency only when the truth names one, and rates by period', () => {
    const sut = new ValueScorer();
    sut.add(
      'c3',
      { creditLimit: [{ amount: 2_000_000 }], penaltyRatePercent: [{ rate: 0.1, per: 'day' }] },
      result({
        payment_terms: { stated: true, moments: [moment({ creditLimit: { amount: 2e6, currency: 'RUB' } })] },
        sanctions: { stated: true, moments: [moment({ penalty: { ratePercent: 0.1, per: 'month' } })] },
      }),
    );
    expect(sut.counts.creditLimit).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(sut.counts.penaltyRatePercent).toEqual({ tp: 0, fp: 1, fn: 1 });
  });

  it('does not fault an unsaid currency the truth inferred, but does fault a different one', () => {
    const sut = new ValueScorer();
    sut.add(
      'c5',
      {
        creditLimit: [
          { amount: 700_000, currency: 'RUB' },
          { amount: 40_000, currency: 'USD' },
        ],
      },
      result({
        payment_terms: {
          stated: true,
          moments: [
            moment({ creditLimit: { amount: 700_000 } }),
            moment({ creditLimit: { amount: 40_000, currency: 'EUR' } }),
          ],
        },
      }),
    );
    expect(sut.counts.creditLimit).toEqual({ tp: 1, fp: 1, fn: 1 });
  });

  it('reads a deferral without a start as the deferral, not also as a relative due date', () => {
    const sut = new ValueScorer();
    sut.add(
      'c6',
      { deferralDays: [45, 20], dueRelativeDays: [{ days: 20, from: 'shipment' }] },
      result({
        payment_terms: {
          stated: true,
          moments: [
            moment({ deferralDays: 45, dueDate: { kind: 'relative', days: 45, from: 'unspecified' } }),
            moment({ deferralDays: 20, dueDate: { kind: 'relative', days: 20, from: 'shipment' } }),
          ],
        },
      }),
    );
    expect(sut.counts.deferralDays).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(sut.counts.dueRelativeDays).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('skips calls without value truth', () => {
    const sut = new ValueScorer();
    sut.add('c4', undefined, result({}));
    expect(sut.calls).toBe(0);
  });
});
