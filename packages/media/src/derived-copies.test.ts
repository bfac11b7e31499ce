import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeAndDeriveCopies, writeDerivedCopies } from './derived-copies.ts';
import { isMediaError } from './errors.ts';
import { createMedia } from './media.ts';
import { REVIEW_COPY_CONTENT_TYPE } from './review-copy.ts';
import { makeTempDir, stereo, synth, truncate } from './testing/fixtures.ts';

const sut = writeDerivedCopies;
const media = createMedia();
let dir: string;

beforeAll(async () => {
  const temp = await makeTempDir();
  dir = temp.dir;
  return temp.cleanup;
});

describe('writeDerivedCopies', () => {
  it('writes the same speech copy, review copy and peaks as the three single-purpose operations', async () => {
    const source = await synth(
      join(dir, 'call.mp3'),
      stereo('0.5*sin(2*PI*440*t)', '0.2*sin(2*PI*300*t)', 4),
      ['-c:a', 'libmp3lame'],
    );
    const info = await media.probe(source);
    await media.normalizeForSpeech(source, join(dir, 'alone-speech.wav'), { info });
    await media.encodeForReview(source, join(dir, 'alone-review.webm'), { info });
    const alonePeaks = await media.computePeaks(source, { info });

    const result = await sut(
      source,
      { speech: join(dir, 'speech.wav'), review: join(dir, 'review.webm'), peaks: {} },
      { info },
    );

    expect(result.review).toEqual({ contentType: REVIEW_COPY_CONTENT_TYPE, channels: 2 });
    expect(result.peaks).toEqual(alonePeaks);
    expect(await readFile(join(dir, 'speech.wav'))).toEqual(await readFile(join(dir, 'alone-speech.wav')));
    expect(await readFile(join(dir, 'review.webm'))).toEqual(await readFile(join(dir, 'alone-review.webm')));
  });

  it('makes only the outputs asked for, probing the file itself when not told', async () => {
    const source = await synth(join(dir, 'mono.wav'), 'sine=f=300:d=2:sample_rate=16000');
    const out = join(dir, 'only-review');
    await mkdir(out);

    const result = await sut(source, { review: join(out, 'review.webm') });
    expect(result).toEqual({ review: { contentType: REVIEW_COPY_CONTENT_TYPE, channels: 1 } });
    expect(await readdir(out)).toEqual(['review.webm']);
    expect(await media.probe(join(out, 'review.webm'))).toMatchObject({ codec: 'opus', channels: 1 });

    const peaksOnly = await sut(source, { peaks: { pixelsPerSecond: 10 } });
    expect(peaksOnly.review).toBeUndefined();
    expect(peaksOnly.peaks).toMatchObject({ channels: 1, pixelsPerSecond: 10, length: 20 });
  });

  it('rejects bytes that are not a recording', async () => {
    const source = join(dir, 'not-audio.wav');
    await writeFile(source, 'this is not audio');
    const error = await sut(source, { speech: join(dir, 'never.wav') }).catch((e: unknown) => e);
    expect(isMediaError(error, 'not_audio')).toBe(true);
  });

  it('leaves no half-written file behind when ffmpeg is stopped', async () => {
    const source = await synth(join(dir, 'long.wav'), 'sine=f=300:d=600:sample_rate=16000');
    const info = await media.probe(source);
    const out = join(dir, 'stopped');
    await mkdir(out);

    const error = await sut(
      source,
      { speech: join(out, 'speech.wav'), review: join(out, 'review.webm'), peaks: {} },
      { info, timeoutMs: 300 },
    ).catch((e: unknown) => e);

    expect(isMediaError(error, 'timeout')).toBe(true);
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses an output path with a space rather than handing ffmpeg a split argument', async () => {
    const source = await synth(join(dir, 'short.wav'), 'sine=f=300:d=1');
    const error = await sut(source, { speech: join(dir, 'with space.wav') }).catch((e: unknown) => e);
    expect(isMediaError(error, 'failed')).toBe(true);
    expect(await readdir(dir)).not.toContain('with space.wav');
  });
});

describe('probeAndDeriveCopies', () => {
  /** A fresh scratch directory per case, as the pipeline gives each call. */
  async function workDir(name: string): Promise<string> {
    const path = join(dir, name);
    await mkdir(path);
    return path;
  }

  // Past 120 s the check windows are decoded by an ffmpeg of their own beside the copies' run (the
  // long case leaves out the review copy: its Opus encode would make the test slow, not different).
  it.each([
    { seconds: 5, sound: stereo('0.5*sin(2*PI*440*t)', '0', 5), files: ['review.webm', 'speech.wav'] },
    { seconds: 150, sound: 'sine=f=440:d=150', files: ['speech.wav'] },
  ])(
    "answers probe()'s description and writes the same files as writeDerivedCopies, leaving only them ($seconds s)",
    async ({ seconds, sound, files }) => {
      const source = await synth(join(dir, `both-${seconds}.mp3`), sound, ['-c:a', 'libmp3lame']);
      const info = await media.probe(source);
      const request = (at: string) => ({
        speech: join(at, 'speech.wav'),
        ...(files.includes('review.webm') && { review: join(at, 'review.webm') }),
        peaks: {},
      });
      const alone = await workDir(`both-alone-${seconds}`);
      const aloneCopies = await writeDerivedCopies(source, request(alone), { info });
      const work = await workDir(`both-together-${seconds}`);

      const result = await probeAndDeriveCopies(source, request(work), { workDir: work });

      expect(result).toEqual({ info, ...aloneCopies });
      expect((await readdir(work)).sort()).toEqual(files);
      for (const file of files) {
        expect(await readFile(join(work, file))).toEqual(await readFile(join(alone, file)));
      }
    },
  );

  // The speech copy alone starts its run beside ffprobe, with the windows in an ffmpeg of their own.
  it.each([
    { seconds: 10, outputs: 'speech and peaks' },
    { seconds: 200, outputs: 'speech and peaks' },
    { seconds: 10, outputs: 'speech' },
  ])(
    'rejects a $seconds s mp3 cut in half as corrupt (its end does not decode), leaving nothing behind ($outputs)',
    async ({ seconds, outputs }) => {
      // Its header still declares the full length.
      const mp3 = ['-c:a', 'libmp3lame', '-b:a', '64k'];
      const cut = await truncate(
        await synth(join(dir, `long-${seconds}.mp3`), `sine=f=440:d=${seconds}`, mp3),
        join(dir, `cut-${seconds}.mp3`),
        0.5,
      );
      const work = await workDir(`cut-${seconds}-${outputs.length}`);
      const request = { speech: join(work, 'speech.wav'), ...(outputs !== 'speech' && { peaks: {} }) };

      const error = await probeAndDeriveCopies(cut, request, { workDir: work }).catch((e: unknown) => e);

      expect(isMediaError(error, 'corrupt')).toBe(true);
      expect((error as Error).message).toMatch(/incomplete/);
      expect(await readdir(work)).toEqual([]);
    },
  );

  it.each(['peaks', 'speech'])(
    'rejects bytes that are not a recording as not_audio, leaving nothing behind (%s)',
    async (output) => {
      const source = join(dir, 'text.mp3');
      await writeFile(source, 'this is not audio either');
      const work = await workDir(`text-${output}`);
      const request = output === 'peaks' ? { peaks: {} } : { speech: join(work, 'speech.wav') };
      const error = await probeAndDeriveCopies(source, request, { workDir: work }).catch((e: unknown) => e);
      expect(isMediaError(error, 'not_audio')).toBe(true);
      expect(await readdir(work)).toEqual([]);
    },
  );

  it('reads a recording whose path has a space in it', async () => {
    const source = await synth(join(dir, 'call from client.wav'), 'sine=f=300:d=3:sample_rate=16000');
    const work = await workDir('spaced');
    const result = await probeAndDeriveCopies(
      source,
      { speech: join(work, 'speech.wav'), peaks: {} },
      { workDir: work },
    );
    expect(result.info).toMatchObject({ channels: 1, sampleRate: 16000 });
    expect(result.peaks?.durationSec).toBeCloseTo(3, 1);
    expect(await readdir(work)).toEqual(['speech.wav']);
  });
});
