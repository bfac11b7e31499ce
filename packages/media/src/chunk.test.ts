import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BINARY_PATHS } from './binaries.ts';
import { planChunks } from './chunk-plan.ts';
import { buildTrack, readSamples, SAMPLE_RATE, utter, type Track } from './chunk-test-audio.ts';
import { createMedia } from './media.ts';
import type { SilenceMap } from './silence.ts';
import { useTempDir } from './testing/temp-dir.ts';

const media = createMedia();

describe('planChunks', () => {
  const limits = { maxDurationSec: 100, maxBytes: Infinity, bytesPerSec: 1 };

  it('keeps a recording under the limit in one chunk', () => {
    expect(planChunks(80, [], limits)).toEqual([{ index: 0, start: 0, end: 80, hardCut: false }]);
  });

  it('cuts in the middle of a late pause, preferring it to a longer early one', () => {
    const chunks = planChunks(
      150,
      [
        { start: 55, end: 60 },
        { start: 90, end: 91 },
      ],
      limits,
    );
    expect(chunks.map((c) => [c.start, c.end, c.hardCut])).toEqual([
      [0, 90.5, false],
      [90.5, 150, false],
    ]);
  });

  it('falls back to the longest pause in the second half, then to a hard cut at the limit', () => {
    expect(
      planChunks(
        150,
        [
          { start: 60, end: 60.2 },
          { start: 62, end: 62.1 },
        ],
        limits,
      )[0],
    ).toMatchObject({ end: 60.1 });
    expect(planChunks(250, [], limits).map((c) => [c.start, c.end, c.hardCut])).toEqual([
      [0, 100, true],
      [100, 200, true],
      [200, 250, false],
    ]);
  });

  it('sizes chunks by bytes when that is the tighter limit', () => {
    const chunks = planChunks(100, [], {
      maxDurationSec: Infinity,
      maxBytes: 1044,
      bytesPerSec: 32,
      headerBytes: 44,
    });
    expect(chunks.map((c) => c.end - c.start)).toEqual([31.25, 31.25, 31.25, 6.25]);
  });
});

describe('splitAtSilences on a generated 40-minute call', () => {
  const temp = useTempDir();
  let track: Track;
  let map: SilenceMap;
  let original: Int16Array;

  beforeAll(async () => {
    const a = await utter(temp.dir, 'a', 'Оплата в течение тридцати дней после поставки товара.');
    const b = await utter(temp.dir, 'b', 'We can offer net thirty with a late fee of one percent.');
    const c = await utter(
      temp.dir,
      'c',
      'Пени ноль целых одна десятая процента за каждый день просрочки платежа.',
    );
    // ~15 s unit: short and long pauses, repeated to just over 40 minutes.
    const items = [
      { utterance: a },
      { silenceSec: 0.45 },
      { utterance: b },
      { silenceSec: 1.3 },
      { utterance: c },
      { silenceSec: 2.6 },
    ];
    const unit = await buildTrack(temp.dir, 'unit', items);
    track = await buildTrack(temp.dir, 'long', items, Math.ceil((40 * 60) / unit.durationSec));
    map = await media.detectSilence(track.path);
    original = await readSamples(track.path, DEFAULT_BINARY_PATHS.ffmpegPath);
  }, 120_000);

  it('is really 40 minutes, and silencedetect finds the pauses', () => {
    expect(track.durationSec).toBeGreaterThan(40 * 60);
    expect(map.durationSec).toBeCloseTo(track.durationSec, 1);
    // Every laid-out pause of ≥ 0.45 s is found (the -40 dB / 0.3 s defaults).
    expect(map.silences.length).toBeGreaterThanOrEqual(track.placed.length - 1);
  });

  it('FLAC chunks under an upload-size limit: each fits, cuts are in pauses, offsets sample-exact', async () => {
    const out = join(temp.dir, 'flac');
    await mkdir(out);
    const maxBytes = 12 * 1024 * 1024;
    const chunks = await media.splitAtSilences(track.path, out, {
      ...map,
      maxDurationSec: Infinity,
      maxBytes,
      format: 'flac',
    });
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks[0]!.start).toBe(0);
    expect(chunks.at(-1)!.end).toBeCloseTo(track.durationSec, 3);
    for (const [i, chunk] of chunks.entries()) {
      expect(chunk.bytes).toBeLessThanOrEqual(maxBytes);
      if (i > 0) expect(chunk.start).toBe(chunks[i - 1]!.end); // contiguous: nothing lost, nothing twice
      expect(chunk.hardCut).toBe(false);
      expectCutInPause(track, chunk.end);
      // Lossless: the chunk's samples are the original's at the stated offset.
      const samples = await readSamples(chunk.path, DEFAULT_BINARY_PATHS.ffmpegPath);
      const offset = Math.round(chunk.start * SAMPLE_RATE);
      expect(
        Math.abs(samples.length - Math.round((chunk.end - chunk.start) * SAMPLE_RATE)),
      ).toBeLessThanOrEqual(2);
      expect(mismatches(samples, original, offset)).toBe(0);
      // …and not at an offset 0.1 s off (the check has teeth).
      expect(mismatches(samples, original, offset + SAMPLE_RATE / 10)).toBeGreaterThan(1000);
    }
  }, 120_000);

  it('WAV chunks under a duration limit (gpt-4o: 1400 s)', async () => {
    const out = join(temp.dir, 'wav');
    await mkdir(out);
    const chunks = await media.splitAtSilences(track.path, out, {
      ...map,
      maxDurationSec: 1400,
      maxBytes: Infinity,
      format: 'wav',
    });
    expect(chunks).toHaveLength(2);
    for (const chunk of chunks) {
      const info = await media.probe(chunk.path);
      expect(info.durationSec).toBeLessThanOrEqual(1400);
      expect(info.durationSec).toBeCloseTo(chunk.end - chunk.start, 2);
      expectCutInPause(track, chunk.end);
      // WAV chunks are sample copies (no ffmpeg): exact at the stated offset.
      const samples = await readSamples(chunk.path, DEFAULT_BINARY_PATHS.ffmpegPath);
      expect(mismatches(samples, original, Math.round(chunk.start * SAMPLE_RATE))).toBe(0);
    }
  }, 60_000);

  it('short FLAC chunks (60 s limit): each speech onset inside a chunk lands within 0.1 s of the original', async () => {
    const out = join(temp.dir, 'flac-60');
    await mkdir(out);
    const first = track.placed.findIndex((p) => p.start > 180);
    const shortMap = {
      durationSec: track.placed[first]!.start - 0.2,
      silences: map.silences.filter((s) => s.start < 180),
    };
    const chunks = await media.splitAtSilences(track.path, out, {
      ...shortMap,
      maxDurationSec: 60,
      maxBytes: Infinity,
      format: 'flac',
    });
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    for (const chunk of chunks) {
      expect(chunk.end - chunk.start).toBeLessThanOrEqual(60);
      const inner = await media.detectSilence(chunk.path);
      // Speech onsets in the chunk = ends of its silences (plus 0 if it starts with speech).
      const onsets = inner.silences.map((s) => s.end).filter((t) => t < inner.durationSec - 0.05);
      for (const onset of onsets) {
        const absolute = chunk.start + onset;
        const nearest = Math.min(...track.placed.map((p) => Math.abs(p.start - absolute)));
        expect(nearest).toBeLessThan(0.1);
      }
    }
  }, 60_000);
});

function expectCutInPause(track: Track, cut: number) {
  if (cut >= track.durationSec - 0.01) return;
  const inside = track.placed.find((p) => cut > p.start - 0.05 && cut < p.end + 0.05);
  expect(inside, `cut at ${cut.toFixed(2)} s falls in an utterance`).toBeUndefined();
}

function mismatches(chunk: Int16Array, original: Int16Array, offset: number): number {
  let count = 0;
  for (let i = 0; i < chunk.length; i++) {
    const o = original[offset + i];
    if (o === undefined || Math.abs(o - chunk[i]!) > 1) count++;
  }
  return count;
}
