import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrack, utter, stereoFrom } from './chunk-test-audio.ts';
import { isMediaError } from './errors.ts';
import { createMedia } from './media.ts';
import { parseSilenceMetadata, silentFraction } from './silence.ts';
import { useTempDir } from './testing/temp-dir.ts';

const media = createMedia();

describe('parseSilenceMetadata / silentFraction', () => {
  it('pairs starts with ends and closes a silence running to the end', () => {
    const text =
      'frame:1 pts:0\nlavfi.silence_start=-0.01\nlavfi.silence_end=1.5\nlavfi.silence_duration=1.5\nlavfi.silence_start=4\n';
    expect(parseSilenceMetadata(text, 6)).toEqual([
      { start: 0, end: 1.5 },
      { start: 4, end: 6 },
    ]);
  });

  it('measures the silent share of an interval', () => {
    const spans = [
      { start: 0, end: 1 },
      { start: 2, end: 3 },
    ];
    expect(silentFraction(spans, 0, 4)).toBe(0.5);
    expect(silentFraction(spans, 2.5, 3)).toBe(1);
    expect(silentFraction(spans, 1, 2)).toBe(0);
  });
});

describe('detectSilence and measureLevelDb on generated speech', () => {
  const temp = useTempDir();
  let left: Awaited<ReturnType<typeof buildTrack>>;
  let stereoPath: string;

  beforeAll(async () => {
    const a = await utter(temp.dir, 'a', 'Предоплата пятьдесят процентов.');
    const b = await utter(temp.dir, 'b', 'Okay, send me the contract.');
    left = await buildTrack(temp.dir, 'left', [
      { silenceSec: 1 },
      { utterance: a },
      { silenceSec: 1 + b.durationSec + 1 },
    ]);
    const right = await buildTrack(temp.dir, 'right', [
      { silenceSec: 1 + a.durationSec + 1 },
      { utterance: b },
      { silenceSec: 1 },
    ]);
    stereoPath = await stereoFrom(temp.dir, 'call', left.path, right.path, 0.05);
  }, 30_000);

  it('finds the pauses around the speech, per channel', async () => {
    const l = await media.detectSilence(stereoPath, { channel: 'left' });
    const speech = left.placed[0]!;
    expect(l.silences[0]!.end).toBeCloseTo(speech.start, 1);
    expect(silentFraction(l.silences, speech.start + 0.1, speech.end - 0.1)).toBeLessThan(0.3);
    // The other side's voice leaks in at −26 dB: still silent at the default −40 dB? Not necessarily —
    // but it is far quieter, which is what bleed removal relies on (see measureLevelDb below).
    expect(l.durationSec).toBeCloseTo(left.durationSec, 1);
  });

  it('tells mono apart: no left/right of a mono file', async () => {
    await expect(media.detectSilence(left.path, { channel: 'right' })).rejects.toSatisfy((e) =>
      isMediaError(e, 'channel_unavailable'),
    );
  });

  it('measures a span level from the WAV: speech loud, bleed ~26 dB down, silence near the floor', async () => {
    const l = join(temp.dir, 'l.wav');
    await media.normalizeForSpeech(stereoPath, l, { channel: 'left' });
    const speech = left.placed[0]!;
    const own = await media.measureLevelDb(l, speech.start, speech.end);
    const bleedStart = speech.end + 1;
    const bleed = await media.measureLevelDb(l, bleedStart + 0.1, bleedStart + 1);
    expect(own).toBeGreaterThan(-30);
    expect(own - bleed).toBeGreaterThan(15);
    expect(await media.measureLevelDb(l, 0, 0.9)).toBeLessThan(-80); // digital silence between the voices
  });
});
