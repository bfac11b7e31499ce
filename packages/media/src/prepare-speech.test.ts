import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrack, utter, stereoFrom, type Track } from './chunk-test-audio.ts';
import { isMediaError } from './errors.ts';
import { createMedia } from './media.ts';
import { DEFAULT_TIMEOUT_MS, toRunControl } from './run-control.ts';
import { runSilencedetect, type SilenceSpan } from './silence.ts';
import { ffmpeg } from './testing/fixtures.ts';
import { useTempDir } from './testing/temp-dir.ts';

const sut = createMedia();
const control = () => toRunControl({}, DEFAULT_TIMEOUT_MS.transcode);

const temp = useTempDir();
let left: Track;
let right: Track;
/** Left and right speak in turn, each faintly (−46 dB) in the other's channel; AAC like a phone recorder. */
let call: string;
let monoMp3: string;

beforeAll(async () => {
  const a = await utter(temp.dir, 'a', 'Отсрочка платежа тридцать дней.');
  const b = await utter(temp.dir, 'b', 'Fine, we agree to net thirty.');
  left = await buildTrack(
    temp.dir,
    'left',
    [{ silenceSec: 0.7 }, { utterance: a }, { silenceSec: 1.2 + b.durationSec + 0.9 }],
    3,
  );
  right = await buildTrack(
    temp.dir,
    'right',
    [{ silenceSec: 0.7 + a.durationSec + 1.2 }, { utterance: b }, { silenceSec: 0.9 }],
    3,
  );
  const stereoWav = await stereoFrom(temp.dir, 'call', left.path, right.path, 0.005);
  call = join(temp.dir, 'call.m4a');
  await ffmpeg(['-v', 'error', '-i', stereoWav, '-c:a', 'aac', '-b:a', '96k', call]);
  monoMp3 = join(temp.dir, 'mono.mp3');
  await ffmpeg(['-v', 'error', '-i', left.path, '-c:a', 'libmp3lame', '-b:a', '32k', monoMp3]);
}, 60_000);

/** Pauses as ffmpeg's own silencedetect reports them (its times carry 6 significant digits). */
function expectSamePauses(actual: readonly SilenceSpan[], expected: readonly SilenceSpan[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((span, i) => {
    expect(Math.abs(span.start - expected[i]!.start)).toBeLessThan(0.001);
    expect(Math.abs(span.end - expected[i]!.end)).toBeLessThan(0.001);
  });
}

describe('prepareSpeech: the speech copy and its pauses from one decode', () => {
  it('mix: the same WAV normalizeForSpeech writes, and the pauses ffmpeg silencedetect finds in it', async () => {
    const output = join(temp.dir, 'speech.wav');
    const [track] = await sut.prepareSpeech(monoMp3, [{ output, channel: 'mix' }]);
    const reference = join(temp.dir, 'reference.wav');
    await sut.normalizeForSpeech(monoMp3, reference);
    expect((await readFile(output)).equals(await readFile(reference))).toBe(true);

    const ffmpegPauses = await runSilencedetect(output, {}, control());
    expectSamePauses(track!.silences, ffmpegPauses.silences);
    // Every laid-out pause (≥ 0.7 s) is found, and no utterance is inside one.
    expect(track!.silences.length).toBeGreaterThanOrEqual(left.placed.length);
    expect(track!.durationSec).toBeCloseTo(left.durationSec, 1);
  }, 60_000);

  it('honours the pause thresholds it is given', async () => {
    const [strict] = await sut.prepareSpeech(monoMp3, [{ output: join(temp.dir, 's.wav'), channel: 'mix' }], {
      minSilenceSec: 1,
    });
    const reference = await runSilencedetect(join(temp.dir, 's.wav'), { minSilenceSec: 1 }, control());
    expectSamePauses(strict!.silences, reference.silences);
    expect(strict!.silences.every((s) => s.end - s.start >= 1 - 1e-9)).toBe(true);
  }, 30_000);

  it('stereo: each side in its own file, in the order asked, equal to extracting that side alone', async () => {
    const rep = join(temp.dir, 'rep.wav');
    const client = join(temp.dir, 'client.wav');
    const tracks = await sut.prepareSpeech(call, [
      { output: rep, channel: 'right' },
      { output: client, channel: 'left' },
    ]);
    expect(tracks.map((t) => [t.path, t.channel])).toEqual([
      [rep, 'right'],
      [client, 'left'],
    ]);
    for (const [track, channel] of [
      [tracks[0]!, 'right'],
      [tracks[1]!, 'left'],
    ] as const) {
      const alone = join(temp.dir, `${channel}-alone.wav`);
      await sut.normalizeForSpeech(call, alone, { channel });
      const mine = await readFile(track.path);
      const theirs = await readFile(alone);
      expect(mine.subarray(0, 44).equals(theirs.subarray(0, 44))).toBe(true);
      expect(maxSampleDifference(mine, theirs)).toBeLessThanOrEqual(1);
      expectSamePauses(track.silences, (await runSilencedetect(alone, {}, control())).silences);
    }
    // The rep (right) speaks where the client is silent, and the other way round.
    const [repTrack, clientTrack] = tracks as [(typeof tracks)[0], (typeof tracks)[0]];
    const firstRight = right.placed[0]!;
    expect(repTrack.silences[0]!.end).toBeCloseTo(firstRight.start, 1);
    expect(clientTrack.silences[0]!.end).toBeCloseTo(left.placed[0]!.start, 1);
  }, 60_000);

  it('refuses one side of a mono recording, writing nothing', async () => {
    const error = await sut
      .prepareSpeech(monoMp3, [
        { output: join(temp.dir, 'never-l.wav'), channel: 'left' },
        { output: join(temp.dir, 'never-r.wav'), channel: 'right' },
      ])
      .catch((e: unknown) => e);
    expect(isMediaError(error, 'channel_unavailable')).toBe(true);
    await expect(readFile(join(temp.dir, 'never-l.wav'))).rejects.toThrow();
  });
});

describe('detectSilence on a speech WAV reads the samples instead of decoding', () => {
  it('gives the pauses ffmpeg silencedetect gives', async () => {
    const speech = join(temp.dir, 'speech-for-detect.wav');
    await sut.normalizeForSpeech(call, speech);
    const map = await sut.detectSilence(speech, { noiseDb: -35, minSilenceSec: 0.4 });
    const reference = await runSilencedetect(speech, { noiseDb: -35, minSilenceSec: 0.4 }, control());
    expect(map.durationSec).toBeCloseTo(reference.durationSec, 3);
    expectSamePauses(map.silences, reference.silences);
  }, 30_000);
});

function maxSampleDifference(a: Buffer, b: Buffer): number {
  expect(a.length).toBe(b.length);
  const x = new Int16Array(a.buffer, a.byteOffset + 44, (a.length - 44) / 2);
  const y = new Int16Array(b.buffer, b.byteOffset + 44, (b.length - 44) / 2);
  let max = 0;
  for (let i = 0; i < x.length; i++) max = Math.max(max, Math.abs(x[i]! - y[i]!));
  return max;
}
