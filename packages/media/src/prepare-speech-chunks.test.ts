import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AudioChunk, ChunkFormat } from './chunk.ts';
import { buildTrack, utter } from './chunk-test-audio.ts';
import { isMediaError } from './errors.ts';
import { createMedia } from './media.ts';
import { ffmpeg } from './testing/fixtures.ts';
import { useTempDir } from './testing/temp-dir.ts';

const sut = createMedia();

const temp = useTempDir();
/** About 80 s of speech with short and long pauses, as a phone recorder's MP3. */
let call: string;
let whole: Buffer;
/** The call twenty times over (MP3 frames concatenate): long enough for chunks to be cut mid-decode. */
let long: string;

beforeAll(async () => {
  const a = await utter(temp.dir, 'a', 'Оплата в течение тридцати дней после поставки.');
  const b = await utter(temp.dir, 'b', 'We can offer net thirty with a late fee.');
  const track = await buildTrack(
    temp.dir,
    'call',
    [{ utterance: a }, { silenceSec: 0.4 }, { utterance: b }, { silenceSec: 1.3 }],
    9,
  );
  call = join(temp.dir, 'call.mp3');
  await ffmpeg(['-v', 'error', '-i', track.path, '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '32k', call]);
  whole = await readFile(call);
  long = join(temp.dir, 'long.mp3');
  await writeFile(long, Buffer.concat(Array.from({ length: 20 }, () => whole)));
}, 60_000);

/** The two-step way: the speech WAV with its pauses, then splitAtSilences on the finished file. */
async function twoSteps(
  name: string,
  split: { format: ChunkFormat; maxBytes: number; maxDurationSec: number },
  recording = call,
) {
  const outDir = join(temp.dir, `${name}-two-steps`);
  await mkdir(outDir);
  const [track] = await sut.prepareSpeech(recording, [
    { output: join(temp.dir, `${name}-two-steps.wav`), channel: 'mix' },
  ]);
  return { track: track!, chunks: await sut.splitAtSilences(track!.path, outDir, { ...track!, ...split }) };
}

async function expectSameChunks(actual: AudioChunk[], expected: AudioChunk[]) {
  const shape = (c: AudioChunk) => [c.index, c.start, c.end, c.hardCut, c.bytes, c.format];
  expect(actual.map(shape)).toEqual(expected.map(shape));
  for (const [i, chunk] of actual.entries()) {
    expect((await readFile(chunk.path)).equals(await readFile(expected[i]!.path))).toBe(true);
  }
}

describe('prepareSpeechChunks: decode, pauses and chunks in one pass', () => {
  it.each([
    // Tight enough that some FLAC chunks come out over the size and are cut again.
    { name: 'flac', split: { format: 'flac' as const, maxBytes: 200_000, maxDurationSec: 20 } },
    { name: 'wav', split: { format: 'wav' as const, maxBytes: Infinity, maxDurationSec: 6 } },
  ])(
    '$name: the speech WAV, pauses and chunk files splitAtSilences makes from the finished file',
    async ({ name, split }) => {
      const expected = await twoSteps(name, split);
      expect(expected.chunks.length).toBeGreaterThan(3);
      const outDir = join(temp.dir, `${name}-one-pass`);
      await mkdir(outDir);
      const output = join(temp.dir, `${name}-one-pass.wav`);
      const { track, chunks } = await sut.prepareSpeechChunks(call, {
        output,
        channel: 'mix',
        outDir,
        split,
      });

      expect((await readFile(output)).equals(await readFile(expected.track.path))).toBe(true);
      expect(track).toMatchObject({ path: output, channel: 'mix', durationSec: expected.track.durationSec });
      expect(track.silences).toEqual(expected.track.silences);
      await expectSameChunks(chunks, expected.chunks);
      expect(chunks.every((c) => c.bytes <= split.maxBytes && c.end - c.start <= split.maxDurationSec)).toBe(
        true,
      );
      // Nothing but the chunks it returned is left in the directory.
      expect((await readdir(outDir)).sort()).toEqual(
        chunks.map((c) => c.path.slice(outDir.length + 1)).sort(),
      );
    },
    60_000,
  );

  it('cuts and encodes chunks while the decode goes on, into the same files as the two steps', async () => {
    const split = { format: 'flac' as const, maxBytes: 1e6, maxDurationSec: 30 };
    const expected = await twoSteps('during', split, long);
    const outDir = join(temp.dir, 'during-one-pass');
    await mkdir(outDir);
    const output = join(temp.dir, 'during-one-pass.wav');
    const { track, chunks } = await sut.prepareSpeechChunks(long, { output, channel: 'mix', outDir, split });

    expect((await readFile(output)).equals(await readFile(expected.track.path))).toBe(true);
    expect(track.silences).toEqual(expected.track.silences);
    await expectSameChunks(chunks, expected.chunks);
    // The first chunk was finished before ffmpeg last wrote to the WAV (its header, at the end).
    const wavWritten = (await stat(output)).mtimeMs;
    expect((await stat(chunks[0]!.path)).mtimeMs).toBeLessThan(wavWritten);
  }, 60_000);

  it('refuses one side of a mono recording, writing nothing', async () => {
    const outDir = join(temp.dir, 'mono-left');
    await mkdir(outDir);
    const output = join(temp.dir, 'mono-left.wav');
    const error = await sut
      .prepareSpeechChunks(call, {
        output,
        channel: 'left',
        outDir,
        split: { format: 'flac', maxBytes: 1e6, maxDurationSec: 20 },
      })
      .catch((e: unknown) => e);
    expect(isMediaError(error, 'channel_unavailable')).toBe(true);
    await expect(readFile(output)).rejects.toThrow();
    expect(await readdir(outDir)).toEqual([]);
  });

  it('cancelled mid-way, after chunks were started, it leaves no WAV and no chunk behind', async () => {
    const outDir = join(temp.dir, 'cancelled');
    await mkdir(outDir);
    const output = join(temp.dir, 'cancelled.wav');
    const stop = new AbortController();
    const cancelOnFirstChunk = setInterval(() => {
      void readdir(outDir).then((files) => files.length > 0 && stop.abort());
    }, 5);
    const error = await sut
      .prepareSpeechChunks(
        long,
        { output, channel: 'mix', outDir, split: { format: 'flac', maxBytes: 1e6, maxDurationSec: 8 } },
        { signal: stop.signal },
      )
      .catch((e: unknown) => e)
      .finally(() => clearInterval(cancelOnFirstChunk));
    expect(stop.signal.aborted).toBe(true);
    expect(isMediaError(error, 'aborted')).toBe(true);
    await expect(readFile(output)).rejects.toThrow();
    expect(await readdir(outDir)).toEqual([]);
  }, 30_000);
});
