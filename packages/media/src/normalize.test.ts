import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MediaError } from './errors.ts';
import { createMedia } from './media.ts';
import { meanVolumeDb, stereo, synth } from './testing/fixtures.ts';
import { useTempDir } from './testing/temp-dir.ts';

const media = createMedia();
const temp = useTempDir();
/** Left: 440 Hz tone; right: digital silence. */
let leftToneStereo: string;

beforeAll(async () => {
  leftToneStereo = await synth(join(temp.dir, 'left-tone.m4a'), stereo('0.5*sin(2*PI*440*t)', '0', 3), [
    '-c:a',
    'aac',
  ]);
});

describe('normalizeForSpeech', () => {
  it('produces 16 kHz mono PCM s16le WAV with a plain 44-byte header', async () => {
    const output = join(temp.dir, 'speech.wav');
    await media.normalizeForSpeech(leftToneStereo, output);
    const info = await media.probe(output);
    expect(info).toMatchObject({ sampleRate: 16_000, channels: 1, codec: 'pcm_s16le', container: 'wav' });
    expect(info.durationSec).toBeGreaterThan(2.9);
    expect(info.durationSec).toBeLessThan(3.1);
    const header = (await readFile(output)).subarray(0, 44);
    expect(header.toString('ascii', 36, 40)).toBe('data');
  });

  it('channel "left" keeps the tone and "right" keeps the silence', async () => {
    const left = join(temp.dir, 'left.wav');
    const right = join(temp.dir, 'right.wav');
    await media.normalizeForSpeech(leftToneStereo, left, { channel: 'left' });
    await media.normalizeForSpeech(leftToneStereo, right, { channel: 'right' });
    // A 0.5-amplitude sine has a mean level around -9 dB; silence reads as -91 dB (or -inf).
    expect(await meanVolumeDb(left)).toBeGreaterThan(-12);
    expect(await meanVolumeDb(right)).toBeLessThan(-80);
    expect((await media.probe(left)).channels).toBe(1);
  });

  it('picks the right channel when that is the one with sound', async () => {
    const rightTone = await synth(join(temp.dir, 'right-tone.wav'), stereo('0', '0.5*sin(2*PI*880*t)', 2));
    const right = join(temp.dir, 'right-only.wav');
    await media.normalizeForSpeech(rightTone, right, { channel: 'right' });
    expect(await meanVolumeDb(right)).toBeGreaterThan(-12);
  });

  it('refuses to pick a side of a mono recording', async () => {
    const mono = await synth(join(temp.dir, 'mono.wav'), 'sine=f=440:d=1');
    const error = await media
      .normalizeForSpeech(mono, join(temp.dir, 'never.wav'), { channel: 'left' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect((error as MediaError).code).toBe('channel_unavailable');
  });
});
