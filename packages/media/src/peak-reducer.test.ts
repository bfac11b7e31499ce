import { describe, expect, it } from 'vitest';
import { PeakReducer } from './peak-reducer.ts';

function pcm(...samples: number[]): Buffer {
  const buffer = Buffer.alloc(samples.length * 2);
  samples.forEach((sample, index) => buffer.writeInt16LE(sample, index * 2));
  return buffer;
}

describe('PeakReducer', () => {
  it('reduces to [min, max] per pixel, including a final partial pixel', () => {
    // 4 samples per pixel (rate 8, 2 px/s); 10 samples → 3 pixels.
    const reducer = new PeakReducer(1, 8, 2);
    reducer.push(pcm(0, 16384, -16384, 0, 32767, 0, 0, 0, -32768, 100));
    const result = reducer.finish();
    expect(result.length).toBe(3);
    expect(result.samplesPerChannel).toBe(10);
    expect(result.peaks[0]).toEqual([-0.5, 0.5, 0, 1, -1, 0.003]);
  });

  it('handles sample frames split across chunks', () => {
    const whole = pcm(1000, -1000, 2000, -2000, 3000, -3000, 4000, -4000);
    const reducer = new PeakReducer(2, 4, 1);
    // Cut in the middle of a sample and in the middle of a frame.
    reducer.push(whole.subarray(0, 3));
    reducer.push(whole.subarray(3, 10));
    reducer.push(whole.subarray(10));
    const result = reducer.finish();
    expect(result.length).toBe(1);
    expect(result.peaks[0]).toEqual([0.031, 0.122]);
    expect(result.peaks[1]).toEqual([-0.122, -0.031]);
  });

  it('does not drift when samples per pixel is not an integer', () => {
    const reducer = new PeakReducer(1, 8000, 30); // 266.67 samples per pixel
    const oneSecond = Buffer.alloc(8000 * 2);
    for (let second = 0; second < 60; second++) reducer.push(oneSecond);
    expect(reducer.finish().length).toBe(1800);
  });
});
