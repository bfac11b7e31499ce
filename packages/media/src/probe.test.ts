import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MediaError, type MediaErrorCode } from './errors.ts';
import { createMedia } from './media.ts';
import { keepFirstBytes, stereo, synth, truncate } from './testing/fixtures.ts';
import { useTempDir } from './testing/temp-dir.ts';

const media = createMedia();
const temp = useTempDir();

async function expectMediaError(promise: Promise<unknown>, code: MediaErrorCode): Promise<MediaError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MediaError);
  expect((error as MediaError).code).toBe(code);
  expect((error as MediaError).message.length).toBeGreaterThan(0);
  return error as MediaError;
}

describe('probe: readable audio', () => {
  const tone = 'sine=f=440:d=3:sample_rate=44100';
  it.each([
    { name: 'tone.wav', options: [], codec: 'pcm_s16le', container: 'wav' },
    { name: 'tone.mp3', options: ['-c:a', 'libmp3lame', '-b:a', '64k'], codec: 'mp3', container: 'mp3' },
    { name: 'tone.ogg', options: ['-c:a', 'libvorbis'], codec: 'vorbis', container: 'ogg' },
    { name: 'tone.opus', options: ['-c:a', 'libopus', '-f', 'ogg'], codec: 'opus', container: 'ogg' },
    {
      name: 'tone.m4a',
      options: ['-c:a', 'aac', '-movflags', '+faststart'],
      codec: 'aac',
      container: 'mov,mp4',
    },
    { name: 'tone.flac', options: ['-c:a', 'flac'], codec: 'flac', container: 'flac' },
  ])('$name → $codec', async ({ name, options, codec, container }) => {
    const file = await synth(join(temp.dir, name), tone, options);
    const info = await media.probe(file);
    expect(info.codec).toBe(codec);
    expect(info.container).toContain(container);
    expect(info.channels).toBe(1);
    expect(info.sampleRate).toBeGreaterThan(0);
    expect(info.durationSec).toBeGreaterThan(2.9);
    expect(info.durationSec).toBeLessThan(3.2);
  });

  it('reports stereo channel count and a bit rate', async () => {
    const file = await synth(join(temp.dir, 'stereo.mp3'), stereo('sin(2*PI*440*t)', '0', 2), [
      '-c:a',
      'libmp3lame',
      '-b:a',
      '96k',
    ]);
    const info = await media.probe(file);
    expect(info.channels).toBe(2);
    expect(info.bitRate).toBeGreaterThan(90_000);
    expect(info.bitRate).toBeLessThan(100_000);
  });

  it('accepts a video that has an audio track (e.g. a screen-recorded call)', async () => {
    const file = join(temp.dir, 'call-with-video.mp4');
    // One lavfi graph with two outputs gives a video stream and an audio stream.
    await synth(file, 'testsrc=s=64x64:d=2[out0];sine=f=300:d=2[out1]', ['-c:v', 'mpeg4', '-c:a', 'aac']);
    const info = await media.probe(file);
    expect(info.codec).toBe('aac');
  });
});

describe('probe: rejects what is not audio', () => {
  it('a text file named .mp3 → not_audio', async () => {
    const file = join(temp.dir, 'notes.mp3');
    await writeFile(file, 'This is a meeting note, not a recording.\n'.repeat(20));
    await expectMediaError(media.probe(file), 'not_audio');
  });

  it('an empty file → not_audio', async () => {
    const file = join(temp.dir, 'empty.wav');
    await writeFile(file, '');
    await expectMediaError(media.probe(file), 'not_audio');
  });

  it('an image → not_audio', async () => {
    const file = await synth(join(temp.dir, 'photo.png'), 'color=c=red:s=64x64:d=1', ['-frames:v', '1']);
    await expectMediaError(media.probe(file), 'not_audio');
  });

  it('a video-only file → not_audio', async () => {
    const file = await synth(join(temp.dir, 'silent-video.mp4'), 'testsrc=s=64x64:d=2', ['-c:v', 'mpeg4']);
    await expectMediaError(media.probe(file), 'not_audio');
  });

  it('a missing file is an operational failure, not a bad upload', async () => {
    await expectMediaError(media.probe(join(temp.dir, 'does-not-exist.wav')), 'failed');
  });
});

describe('probe: detects truncated uploads', () => {
  it.each([
    {
      what: 'an mp3 cut in half (its header still declares the full length)',
      name: 'long.mp3',
      options: ['-c:a', 'libmp3lame', '-b:a', '64k'],
      cutName: 'cut.mp3',
      message: /incomplete/,
    },
    {
      what: 'an m4a with its index up front, cut in half',
      name: 'long.m4a',
      options: ['-c:a', 'aac', '-movflags', '+faststart'],
      cutName: 'cut-faststart.m4a',
    },
    {
      what: 'an m4a whose index (moov, written last) never arrived',
      name: 'long-moov-last.m4a',
      options: ['-c:a', 'aac'],
      cutName: 'cut-moov-last.m4a',
    },
  ])('$what → corrupt', async ({ name, options, cutName, message }) => {
    const whole = await synth(join(temp.dir, name), 'sine=f=440:d=10', options);
    const cut = await truncate(whole, join(temp.dir, cutName), 0.5);
    const error = await expectMediaError(media.probe(cut), 'corrupt');
    if (message) expect(error.message).toMatch(message);
  });

  it('a WAV header with no audio data after it → corrupt', async () => {
    const whole = await synth(join(temp.dir, 'header-only-source.wav'), 'sine=f=440:d=1', [
      '-fflags',
      '+bitexact',
    ]);
    // With +bitexact the RIFF header is exactly 44 bytes.
    const headerOnly = await keepFirstBytes(whole, join(temp.dir, 'header-only.wav'), 44);
    await expectMediaError(media.probe(headerOnly), 'corrupt');
  });

  it('documented blind spot: a truncated PCM WAV is accepted as a shorter recording', async () => {
    const whole = await synth(join(temp.dir, 'long.wav'), 'sine=f=440:d=10');
    const cut = await truncate(whole, join(temp.dir, 'cut.wav'), 0.5);
    const info = await media.probe(cut);
    // ffmpeg clamps the declared length to the data present, so nothing looks wrong.
    expect(info.durationSec).toBeGreaterThan(4.9);
    expect(info.durationSec).toBeLessThan(5.1);
  });
});
