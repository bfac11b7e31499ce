/**
 * Test-only: real speech recordings generated at test time with espeak-ng and sox (Debian
 * packages), so long recordings are never committed. Speech onsets are known exactly because
 * each utterance is trimmed of leading/trailing silence before being laid on the timeline.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';

const run = promisify(execFile);

export const SAMPLE_RATE = 16_000;

export interface Utterance {
  path: string;
  durationSec: number;
  text: string;
}

/** Speaks `text` with espeak-ng into a 16 kHz mono WAV, trimmed so speech starts at 0 and ends at the end. */
export async function speak(dir: string, name: string, text: string, voice: 'ru' | 'en'): Promise<Utterance> {
  const raw = join(dir, `${name}.raw.wav`);
  const path = join(dir, `${name}.wav`);
  await run('espeak-ng', ['-v', voice, '-s', '165', '-w', raw, text]);
  // silence 1 0.02 1% : drop leading audio under 1 % of full scale; reverse twice for the tail.
  await run('sox', [
    raw,
    '-r',
    String(SAMPLE_RATE),
    '-c',
    '1',
    '-b',
    '16',
    path,
    'silence',
    '1',
    '0.02',
    '1%',
    'reverse',
    'silence',
    '1',
    '0.02',
    '1%',
    'reverse',
  ]);
  return { path, durationSec: await durationOf(path), text };
}

export async function silenceFile(dir: string, seconds: number): Promise<string> {
  const path = join(dir, `silence-${seconds.toFixed(3)}.wav`);
  await run('sox', [
    '-n',
    '-r',
    String(SAMPLE_RATE),
    '-c',
    '1',
    '-b',
    '16',
    path,
    'trim',
    '0',
    seconds.toFixed(4),
  ]);
  return path;
}

export async function durationOf(path: string): Promise<number> {
  const { stdout } = await run('soxi', ['-D', path]);
  return Number(stdout.trim());
}

export type TimelineItem = { utterance: Utterance } | { silenceSec: number };

export interface Track {
  path: string;
  durationSec: number;
  /** Where each utterance starts, in order of the items. */
  placed: { start: number; end: number; text: string }[];
}

/** Concatenates utterances and pauses (once, then `repeat` more times) into one mono WAV. */
export async function buildTrack(
  dir: string,
  name: string,
  items: TimelineItem[],
  repeat = 0,
): Promise<Track> {
  const files: string[] = [];
  const unit: { start: number; end: number; text: string }[] = [];
  let t = 0;
  for (const item of items) {
    if ('utterance' in item) {
      files.push(item.utterance.path);
      unit.push({ start: t, end: t + item.utterance.durationSec, text: item.utterance.text });
      t += item.utterance.durationSec;
    } else {
      files.push(await silenceFile(dir, item.silenceSec));
      t += item.silenceSec;
    }
  }
  const unitPath = join(dir, `${name}.unit.wav`);
  await run('sox', [...files, unitPath]);
  const unitSec = await durationOf(unitPath);
  const path = join(dir, `${name}.wav`);
  if (repeat > 0) await run('sox', [unitPath, path, 'repeat', String(repeat)]);
  else await run('sox', [unitPath, path]);
  const placed: Track['placed'] = [];
  for (let k = 0; k <= repeat; k++) {
    for (const u of unit)
      placed.push({ start: u.start + k * unitSec, end: u.end + k * unitSec, text: u.text });
  }
  return { path, durationSec: await durationOf(path), placed };
}

/**
 * A stereo file from two mono tracks of equal length: left = `left` + `bleed`×right, right =
 * `right` + `bleed`×left (telephony cross-talk: each side faintly hears the other).
 */
export async function stereoFrom(
  dir: string,
  name: string,
  left: string,
  right: string,
  bleed = 0,
): Promise<string> {
  const path = join(dir, `${name}.wav`);
  if (bleed === 0) {
    await run('sox', ['-M', left, right, path]);
    return path;
  }
  const l = join(dir, `${name}.l.wav`);
  const r = join(dir, `${name}.r.wav`);
  await run('sox', ['-m', '-v', '1', left, '-v', String(bleed), right, l]);
  await run('sox', ['-m', '-v', '1', right, '-v', String(bleed), left, r]);
  await run('sox', ['-M', l, r, path]);
  return path;
}

/** Decodes any audio file to 16 kHz mono s16 samples (a plain ffmpeg run, independent of the code under test). */
export async function readSamples(path: string, ffmpegPath: string): Promise<Int16Array> {
  const { stdout } = await run(
    ffmpegPath,
    ['-v', 'error', '-i', path, '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 's16le', 'pipe:1'],
    { encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 },
  );
  const buf = stdout as unknown as Buffer;
  return new Int16Array(buf.buffer, buf.byteOffset, Math.floor(buf.byteLength / 2));
}
