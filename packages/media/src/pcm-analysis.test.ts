import { describe, expect, it } from 'vitest';
import { PcmAnalyser } from './pcm-analysis.ts';
import type { SilenceSpan } from './silence.ts';

/** The filter's rule read literally: every sample, one at a time. */
function everySample(samples: Int16Array, rate: number, threshold: number, minRun: number): SilenceSpan[] {
  const spans: SilenceSpan[] = [];
  let run = 0;
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i]!) < threshold) run++;
    else {
      if (run >= minRun) spans.push({ start: (i - run) / rate, end: i / rate });
      run = 0;
    }
  }
  if (run >= minRun) spans.push({ start: (samples.length - run) / rate, end: samples.length / rate });
  return spans;
}

/** Bursts of "speech" (with zero crossings that dip under the threshold) and pauses of random length. */
function randomTrack(seed: number, length: number): Int16Array {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const samples = new Int16Array(length);
  let i = 0;
  while (i < length) {
    const loud = random() < 0.5;
    const span = Math.floor(random() * (loud ? 3000 : 1500));
    for (let k = 0; k < span && i < length; k++, i++) {
      samples[i] = loud ? Math.round(Math.sin(i / 3) * 20000 * random()) : Math.round((random() - 0.5) * 600);
    }
  }
  return samples;
}

describe('PcmAnalyser: silencedetect without looking at every sample', () => {
  it('finds exactly the pauses a sample-by-sample scan finds, however the samples arrive in blocks', () => {
    const rate = 1000;
    for (let seed = 1; seed <= 30; seed++) {
      const samples = randomTrack(seed, 40_000);
      const minSilenceSec = [0.05, 0.3, 1][seed % 3]!;
      const expected = everySample(samples, rate, 327, Math.trunc(minSilenceSec * rate));
      const sut = new PcmAnalyser(rate, { noiseDb: -40, minSilenceSec });
      let at = 0;
      let size = 1 + (seed % 7);
      while (at < samples.length) {
        sut.add(samples.subarray(at, at + size));
        at += size;
        size = 1 + ((size * 7919 + seed) % 4096); // blocks from 1 sample to 4 k, cutting pauses anywhere
      }
      const { silences, durationSec } = sut.finish();
      expect(durationSec).toBe(samples.length / rate);
      expect(silences).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0); // the data does have pauses to find
    }
  });

  it('uses the filter’s s16 threshold: ⌊10^(dB/20) × 32767⌋, strictly below', () => {
    const sut = new PcmAnalyser(10, { noiseDb: -40, minSilenceSec: 0.3 });
    sut.add(Int16Array.from([1000, 326, -326, 0, 1000, 327, 327, 327, 1000, -326, 5, 5]));
    expect(sut.finish().silences).toEqual([
      { start: 0.1, end: 0.4 },
      { start: 0.9, end: 1.2 },
    ]);
  });
});
