import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AudioChunk, ChunkFormat } from './chunk.ts';
import { buildTrack, utter } from './chunk-test-audio.ts';
import { probeAndDeriveCopies } from './derived-copies.ts';
import { isMediaError } from './errors.ts';
import { createMedia } from './media.ts';
import { ffmpeg } from './testing/fixtures.ts';
import { useTempDir } from './testing/temp-dir.ts';

const sut = createMedia();

const temp = useTempDir();
let call: string;
let long: string;
beforeAll(async () => ({ call, long } = await phoneCalls(temp.dir)), 60_000);

/**
 * About 80 s of speech with short and long pauses as a phone recorder's MP3 (`call`), and the same
 * twenty times over (`long`: MP3 frames concatenate), long enough for chunks to be cut mid-decode.
 */
async function phoneCalls(dir: string) {
  const said = [
    await utter(dir, 'a', 'Оплата в течение тридцати дней после поставки.'),
    await utter(dir, 'b', 'We can offer net thirty with a late fee.'),
  ];
  const pauses = [0.4, 1.3];
  const items = said.flatMap((utterance, i) => [{ utterance }, { silenceSec: pauses[i]! }]);
  const track = await buildTrack(dir, 'call', items, 9);
  const call = join(dir, 'call.mp3');
  await ffmpeg(['-v', 'error', '-i', track.path, '-ac', '1', '-c:a', 'libmp3lame', '-b:a', '32k', call]);
  const long = join(dir, 'long.mp3');
  await writeFile(long, Buffer.concat(Array.from({ length: 20 }, () => readFileSync(call))));
  return { call, long };
}

let runs = 0;
/** Fresh scratch paths for one run. */
async function scratch(name: string) {
  const dir = join(temp.dir, `${name}-${runs++}`);
  const outDir = join(dir, 'chunks');
  await mkdir(outDir, { recursive: true });
  return { output: join(dir, 'speech.wav'), outDir, workDir: dir };
}

/** The two-step way: probeAndDeriveCopies' speech WAV, then detectSilence and splitAtSilences on it. */
async function twoSteps(
  name: string,
  split: { format: ChunkFormat; maxBytes: number; maxDurationSec: number },
  recording = call,
) {
  const { output, outDir, workDir } = await scratch(`${name}-two-steps`);
  await probeAndDeriveCopies(recording, { speech: output }, { workDir });
  const pauses = await sut.detectSilence(output);
  return { path: output, pauses, chunks: await sut.splitAtSilences(output, outDir, { ...pauses, ...split }) };
}

async function expectSameChunks(actual: AudioChunk[], expected: AudioChunk[]) {
  const shape = (c: AudioChunk) => [c.index, c.start, c.end, c.hardCut, c.bytes, c.format];
  expect(actual.map(shape)).toEqual(expected.map(shape));
  for (const [i, chunk] of actual.entries()) {
    expect((await readFile(chunk.path)).equals(await readFile(expected[i]!.path))).toBe(true);
  }
}

describe('prepareSpeechChunks: probe, speech WAV, pauses and chunks in one overlapped pass', () => {
  it.each([
    // Tight enough that some FLAC chunks come out over the size and are cut again.
    { name: 'flac', split: { format: 'flac' as const, maxBytes: 200_000, maxDurationSec: 20 } },
    { name: 'wav', split: { format: 'wav' as const, maxBytes: Infinity, maxDurationSec: 6 } },
  ])(
    '$name: the speech WAV, pauses and chunk files the two steps make, each reported once, in order',
    async ({ name, split }) => {
      const expected = await twoSteps(name, split);
      expect(expected.chunks.length).toBeGreaterThan(3);
      const paths = await scratch(`${name}-one-pass`);
      const reported: AudioChunk[] = [];
      const { info, track, chunks } = await sut.prepareSpeechChunks(call, {
        ...paths,
        split: { ...split, onChunk: (chunk) => reported.push(chunk) },
      });

      expect(info).toMatchObject({ channels: 1, codec: 'mp3' });
      expect((await readFile(paths.output)).equals(await readFile(expected.path))).toBe(true);
      expect(track).toEqual({ path: paths.output, ...expected.pauses });
      await expectSameChunks(chunks, expected.chunks);
      expect(reported).toEqual(chunks);
      expect(chunks.every((c) => c.bytes <= split.maxBytes && c.end - c.start <= split.maxDurationSec)).toBe(
        true,
      );
      // Nothing but the chunks it returned is left in the directory.
      expect((await readdir(paths.outDir)).sort()).toEqual(
        chunks.map((c) => c.path.slice(paths.outDir.length + 1)).sort(),
      );
    },
    60_000,
  );

  it('hands out the first chunk while the decode is still writing the speech WAV', async () => {
    const split = { format: 'flac' as const, maxBytes: 1e6, maxDurationSec: 30 };
    const expected = await twoSteps('during', split, long);
    const paths = await scratch('during-one-pass');
    // What the WAV held when each chunk was reported: ffmpeg writes it front to back.
    const wavBytesAtReport: number[] = [];
    const { chunks } = await sut.prepareSpeechChunks(long, {
      ...paths,
      split: { ...split, onChunk: () => wavBytesAtReport.push(statSync(paths.output).size) },
    });

    await expectSameChunks(chunks, expected.chunks);
    const finalBytes = (await stat(paths.output)).size;
    expect(wavBytesAtReport).toHaveLength(chunks.length);
    // The first chunk — encoded, complete and reportable — came while most of the WAV was still to come.
    expect(wavBytesAtReport[0]).toBeLessThan(finalBytes / 2);
  }, 60_000);

  it('fails a file that is not audio as probe() does, leaving no WAV and no chunk', async () => {
    const paths = await scratch('garbage');
    const garbage = join(temp.dir, 'notes.mp3');
    await writeFile(garbage, 'Meeting notes, not a recording.\n'.repeat(200));
    const error = await sut
      .prepareSpeechChunks(garbage, {
        ...paths,
        split: { format: 'flac', maxBytes: 1e6, maxDurationSec: 20 },
      })
      .catch((e: unknown) => e);
    expect(isMediaError(error, 'not_audio')).toBe(true);
    await expect(stat(paths.output)).rejects.toThrow();
    expect(await readdir(paths.outDir)).toEqual([]);
  });

  it('cancelled after its first chunk, it stops every ffmpeg and leaves no WAV and no chunk behind', async () => {
    const paths = await scratch('cancelled');
    const stop = new AbortController();
    const error = await sut
      .prepareSpeechChunks(
        long,
        {
          ...paths,
          split: { format: 'flac', maxBytes: 1e6, maxDurationSec: 8, onChunk: () => stop.abort() },
        },
        { signal: stop.signal },
      )
      .catch((e: unknown) => e);
    expect(stop.signal.aborted).toBe(true);
    expect(isMediaError(error, 'aborted')).toBe(true);
    await expect(stat(paths.output)).rejects.toThrow();
    expect(await readdir(paths.outDir)).toEqual([]);
  }, 30_000);
});
