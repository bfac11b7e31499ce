import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DEFAULT_BINARY_PATHS } from './binaries.ts';
import { isMediaError } from './errors.ts';
import { createMedia, type Media } from './media.ts';
import { synth, truncate } from './testing/fixtures.ts';
import { useTempDir } from './testing/temp-dir.ts';
import { createReplaceableBinary, type ReplaceableBinary } from './testing/replaceable-binary.ts';

/**
 * The recording is blamed only for what ffmpeg says about its bytes. When ffmpeg itself is broken —
 * exits 1 on everything, or crashes — the answer is 'tools_broken' (ours, retried), never 'corrupt'.
 */
describe('ffmpeg broken under a running process', () => {
  const temp = useTempDir();
  let ffmpeg: ReplaceableBinary;
  let sut: Media;
  let good: string;
  let cut: string;
  let wav: string;

  beforeAll(async () => {
    ffmpeg = await createReplaceableBinary(temp.dir, 'ffmpeg', DEFAULT_BINARY_PATHS.ffmpegPath);
    sut = createMedia({ ffmpegPath: ffmpeg.path });
    good = await synth(join(temp.dir, 'good.mp3'), 'sine=f=440:d=4', ['-c:a', 'libmp3lame']);
    cut = await truncate(good, join(temp.dir, 'cut.mp3'), 0.4);
    wav = await synth(join(temp.dir, 'good.wav'), 'sine=f=440:d=4', ['-c:a', 'pcm_s16le']);
  });
  afterAll(async () => {
    await ffmpeg.restore();
  });

  const failure = async (run: Promise<unknown>) => {
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isMediaError(error)).toBe(true);
    return error as { code: string; message: string };
  };

  it.each(['exit-1', 'segfault'] as const)('%s: a good recording is not called damaged', async (fault) => {
    await ffmpeg.breakWith(fault);
    const error = await failure(sut.probe(good));
    expect(error.code).toBe('tools_broken');
    expect(error.message).toMatch(/ffmpeg/);
    expect(error.message).not.toMatch(/damaged|incomplete/);
  });

  it('an upload of a plain PCM WAV is answered from its header: no ffmpeg runs for it at all', async () => {
    await ffmpeg.breakWith('exit-1');
    const upload = async (file: string) => {
      const arriving = sut.probeWhileArriving();
      const copy = join(temp.dir, `upload-of-${file.split('/').at(-1)}`);
      await writeFile(copy, Readable.from(arriving.watch(createReadStream(file, { highWaterMark: 1024 }))));
      return arriving.probe(copy);
    };
    await expect(upload(wav)).resolves.toMatchObject({ codec: 'pcm_s16le', durationSec: 4 });
    // The same broken ffmpeg, where a decode is needed.
    expect((await failure(upload(good))).code).toBe('tools_broken');
  });

  it('segfault while transcoding is tools_broken too', async () => {
    await ffmpeg.breakWith('segfault');
    const error = await failure(sut.normalizeForSpeech(good, join(temp.dir, 'speech.wav')));
    expect(error.code).toBe('tools_broken');
  });

  it('once restored, the same recording passes and a cut one is still damaged', async () => {
    await ffmpeg.restore();
    await expect(sut.probe(good)).resolves.toMatchObject({ channels: 1 });
    const error = await failure(sut.probe(cut));
    expect(error.code).toBe('corrupt');
  });
});
