import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMedia } from './media.ts';
import { stereo, synth } from './testing/fixtures.ts';
import { useTempDir } from './testing/temp-dir.ts';

const media = createMedia();
const temp = useTempDir();

function maxAbs(values: number[]): number {
  return values.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
}

describe('computePeaks', () => {
  it('has duration × pixelsPerSecond pixels and shows loud vs silent parts', async () => {
    // 0.8-amplitude tone for 2 s, then 2 s of silence, in an mp3 (a real decode, not PCM passthrough).
    const source = await synth(
      join(temp.dir, 'loud-then-silent.mp3'),
      'aevalsrc=exprs=if(lt(t\\,2)\\,0.8*sin(2*PI*440*t)\\,0):s=44100:d=4',
      ['-c:a', 'libmp3lame', '-b:a', '128k'],
    );
    const result = await media.computePeaks(source, { pixelsPerSecond: 25 });

    expect(result.version).toBe(1);
    expect(result.channels).toBe(1);
    expect(result.peaks).toHaveLength(1);
    expect(Math.abs(result.length - result.durationSec * 25)).toBeLessThanOrEqual(1);
    expect(result.durationSec).toBeGreaterThan(3.9);
    expect(result.durationSec).toBeLessThan(4.2);
    const data = result.peaks[0]!;
    expect(data).toHaveLength(result.length * 2);

    // Skip the pixels around the 2 s edge, where mp3 smears the transition.
    const loud = data.slice(0, 2 * 45); // first 1.8 s
    const silent = data.slice(2 * 55); // after 2.2 s
    expect(maxAbs(loud)).toBeGreaterThan(0.7);
    expect(maxAbs(loud)).toBeLessThanOrEqual(1);
    expect(maxAbs(silent)).toBeLessThan(0.01);
    // Interleaved [min, max]: a sine swings both ways within each loud pixel.
    expect(loud[0]!).toBeLessThan(-0.5);
    expect(loud[1]!).toBeGreaterThan(0.5);
  });

  it('returns one array per channel for stereo', async () => {
    const source = await synth(
      join(temp.dir, 'stereo.wav'),
      stereo('0.9*sin(2*PI*440*t)', '0.1*sin(2*PI*440*t)', 3),
    );
    const result = await media.computePeaks(source);
    expect(result.channels).toBe(2);
    expect(result.pixelsPerSecond).toBe(20);
    expect(Math.abs(result.length - 60)).toBeLessThanOrEqual(1);
    const [left, right] = result.peaks;
    expect(maxAbs(left!)).toBeGreaterThan(0.8);
    expect(maxAbs(right!)).toBeGreaterThan(0.05);
    expect(maxAbs(right!)).toBeLessThan(0.15);
  });
});
