import { describe, expect, it } from 'vitest';
import { PromiseScorer } from './score-promises.ts';

const moment = { segment: 3, start: 0, end: 1, speaker: 'client' as const, quote: '' };

describe('scoring promises against corpus truth', () => {
  it('counts a promise with the same deadline and amount as found, anything else as extra or missed', () => {
    const sut = new PromiseScorer();
    sut.add(
      'call-1',
      [
        { amount: 150000, currency: 'RUB', due: { weekday: 5 }, segments: [3] },
        { full: true, due: { dayOfMonth: 20 }, segments: [7] },
      ],
      {
        promises: [
          { amount: 150000, currency: 'RUB', due: { weekday: 5 }, moments: [moment] },
          { full: true, due: { anchor: 'end_of_month' }, moments: [moment] },
        ],
      },
    );
    expect(sut.counts).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(sut.errors).toEqual([
      'call-1 promises: extra anchor=end_of_month||full (segments 3)',
      'call-1 promises: missed dayOfMonth=20||full (segments 7)',
    ]);
  });

  it('scores moments too: the right promise found in a segment the truth does not label', () => {
    const sut = new PromiseScorer();
    sut.add('call-3', [{ amount: 5000, due: { anchor: 'tomorrow' }, segments: [3, 4] }], {
      promises: [{ amount: 5000, due: { anchor: 'tomorrow' }, moments: [{ ...moment, segment: 9 }] }],
    });
    expect(sut.counts).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(sut.withMoments).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(sut.segments).toEqual({ labelled: 2, found: 0 });
    expect(sut.errors).toEqual([
      'call-3 promises: anchor=tomorrow|5000| found at segments 9, labelled at 3,4',
    ]);
  });

  it('pairs two promises with the same deadline by their moments', () => {
    const sut = new PromiseScorer();
    sut.add(
      'call-4',
      [
        { full: true, due: { weekday: 5 }, segments: [2] },
        { full: true, due: { weekday: 5 }, segments: [8] },
      ],
      {
        promises: [
          { full: true, due: { weekday: 5 }, moments: [{ ...moment, segment: 8 }] },
          { full: true, due: { weekday: 5 }, moments: [{ ...moment, segment: 2 }] },
        ],
      },
    );
    expect(sut.withMoments).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(sut.segments).toEqual({ labelled: 2, found: 2 });
  });

  it('takes "all of it" or the amount for a truth that names both', () => {
    const sut = new PromiseScorer();
    sut.add(
      'call-5',
      [
        { amount: 6250, full: true, due: { weekday: 2 }, segments: [3] },
        { amount: 900, full: true, due: { weekday: 4 }, segments: [3] },
        { amount: 100, due: { weekday: 5 }, segments: [3] },
      ],
      {
        promises: [
          { full: true, due: { weekday: 2 }, moments: [moment] },
          { amount: 900, due: { weekday: 4 }, moments: [moment] },
          { full: true, due: { weekday: 5 }, moments: [moment] },
        ],
      },
    );
    expect(sut.counts).toEqual({ tp: 2, fp: 1, fn: 1 });
  });

  it('leaves calls without promise truth out', () => {
    const sut = new PromiseScorer();
    sut.add('call-2', undefined, { promises: [{ due: { weekday: 1 }, moments: [moment] }] });
    expect(sut.calls).toBe(0);
    expect(sut.counts).toEqual({ tp: 0, fp: 0, fn: 0 });
  });
});
