import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMedia } from './media.ts';
import { REVIEW_COPY_CONTENT_TYPE } from './review-copy.ts';
import { meanVolumeDb, stereo, synth } from './testing/fixtures.ts';
import { useTempDir } from './testing/temp-dir.ts';

const media = createMedia();
const temp = useTempDir();

describe('encodeForReview', () => {
  it('makes a compact Opus/WebM copy that keeps both channels apart', async () => {
    const source = await synth(join(temp.dir, 'call.wav'), stereo('0.5*sin(2*PI*440*t)', '0', 5));
    const output = join(temp.dir, 'call.webm');
    const result = await media.encodeForReview(source, output);
    expect(result).toEqual({ contentType: REVIEW_COPY_CONTENT_TYPE, channels: 2 });

    const info = await media.probe(output);
    expect(info.codec).toBe('opus');
    expect(info.container).toContain('webm');
    expect(info.channels).toBe(2);
    expect(info.durationSec).toBeGreaterThan(4.9);
    expect(info.durationSec).toBeLessThan(5.2);
    // Channel layout kept means the silent side is still silent after encoding.
    expect(await meanVolumeDb(output, 'pan=mono|c0=c0')).toBeGreaterThan(-12);
    expect(await meanVolumeDb(output, 'pan=mono|c0=c1')).toBeLessThan(-60);
  });

  it('keeps a mono recording mono', async () => {
    const source = await synth(join(temp.dir, 'mono.mp3'), 'sine=f=300:d=2', ['-c:a', 'libmp3lame']);
    const output = join(temp.dir, 'mono.webm');
    await media.encodeForReview(source, output);
    const info = await media.probe(output);
    expect(info).toMatchObject({ codec: 'opus', channels: 1 });
  });
});
