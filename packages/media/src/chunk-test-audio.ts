/**
 * Test-only: speech-like recordings generated at test time with the bundled ffmpeg (no sox, no
 * espeak-ng), so long recordings are never committed and `npm test` needs nothing beyond `npm ci`.
 *
 * An "utterance" is band-limited pink noise swelling at syllable rate (the `volume` filter; the bundled
 * 2018 ffmpeg's `tremolo` crashes): loud and continuous like a
 * voice to silencedetect, level meters and encoders, with a length derived from its text so a fake
 * speech-to-text server can tell utterances apart by duration. Onsets are exact because samples are
 * laid on the timeline by this module (PCM in memory, WAV written here), not by a tool that pads.
 *
 * `speakReal` is for the one test that needs real speech (a real local STT model): it uses espeak-ng
 * when installed and says how to get it otherwise.
 */
import { execFile } from 'node:child_process';
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_BINARY_PATHS } from './binaries.ts';
import { readWavHeader } from './wav.ts';

const run = promisify(execFile);

export const SAMPLE_RATE = 16_000;
/** Seconds of "speech" per character of text, plus a fixed lead: a believable speaking rate. */
const SECONDS_PER_CHAR = 0.06;
const MIN_UTTERANCE_SEC = 0.5;

export interface Utterance {
  path: string;
  durationSec: number;
  text: string;
}

/** A speech-like 16 kHz mono WAV standing for `text`: sound from its first sample to its last. */
export async function utter(dir: string, name: string, text: string): Promise<Utterance> {
  const samples = Math.round((MIN_UTTERANCE_SEC + text.length * SECONDS_PER_CHAR) * SAMPLE_RATE);
  const seed = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 100_000;
  const source =
    `anoisesrc=color=pink:amplitude=0.6:seed=${seed}:sample_rate=${SAMPLE_RATE},` +
    `highpass=f=200,lowpass=f=3400,volume=eval=frame:volume='0.7+0.3*sin(2*PI*4.5*t)',atrim=end_sample=${samples}`;
  const pcm = await ffmpegPcm(['-f', 'lavfi', '-i', source]);
  const path = join(dir, `${name}.wav`);
  await writeWav(path, pcm, 1);
  return { path, durationSec: pcm.length / SAMPLE_RATE, text };
}

/**
 * Real speech from espeak-ng (Debian package `espeak-ng`), trimmed so speech starts at 0 and ends at
 * the end. Only for tests that run a real recogniser; throws a plain instruction when espeak-ng is absent.
 */
export async function speakReal(
  dir: string,
  name: string,
  text: string,
  voice: 'ru' | 'en',
): Promise<Utterance> {
  const raw = join(dir, `${name}.raw.wav`);
  try {
    await run('espeak-ng', ['-v', voice, '-s', '165', '-w', raw, text]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'This test speaks real words with espeak-ng: install it with `apt-get install espeak-ng`.',
        { cause: error },
      );
    }
    throw error;
  }
  // silenceremove at both ends (the reverse trick), 1 % of full scale ≈ −40 dB.
  const trim = 'silenceremove=start_periods=1:start_threshold=-40dB';
  const pcm = await ffmpegPcm(['-i', raw, '-af', `${trim},areverse,${trim},areverse`]);
  const path = join(dir, `${name}.wav`);
  await writeWav(path, pcm, 1);
  return { path, durationSec: pcm.length / SAMPLE_RATE, text };
}

export async function durationOf(path: string): Promise<number> {
  const { channels, samples } = await readPcm(path);
  return samples.length / channels / SAMPLE_RATE;
}

export type TimelineItem = { utterance: Utterance } | { silenceSec: number };

export interface Track {
  path: string;
  durationSec: number;
  /** Where each utterance starts, in order of the items. */
  placed: { start: number; end: number; text: string }[];
}

/** Concatenates utterances and pauses (digital silence) once, then `repeat` more times, into one mono WAV. */
export async function buildTrack(
  dir: string,
  name: string,
  items: TimelineItem[],
  repeat = 0,
): Promise<Track> {
  const parts: Int16Array[] = [];
  const unit: { start: number; end: number; text: string }[] = [];
  let samples = 0;
  for (const item of items) {
    const part =
      'utterance' in item
        ? (await readPcm(item.utterance.path)).samples
        : new Int16Array(Math.round(item.silenceSec * SAMPLE_RATE));
    if ('utterance' in item) {
      unit.push({
        start: samples / SAMPLE_RATE,
        end: (samples + part.length) / SAMPLE_RATE,
        text: item.utterance.text,
      });
    }
    parts.push(part);
    samples += part.length;
  }
  const all = new Int16Array(samples * (repeat + 1));
  for (let k = 0, offset = 0; k <= repeat; k++) {
    for (const part of parts) {
      all.set(part, offset);
      offset += part.length;
    }
  }
  const path = join(dir, `${name}.wav`);
  await writeWav(path, all, 1);
  const unitSec = samples / SAMPLE_RATE;
  const placed: Track['placed'] = [];
  for (let k = 0; k <= repeat; k++) {
    for (const u of unit)
      placed.push({ start: u.start + k * unitSec, end: u.end + k * unitSec, text: u.text });
  }
  return { path, durationSec: all.length / SAMPLE_RATE, placed };
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
  const l = (await readPcm(left)).samples;
  const r = (await readPcm(right)).samples;
  const length = Math.max(l.length, r.length);
  const out = new Int16Array(length * 2);
  const clip = (v: number) => Math.max(-32768, Math.min(32767, Math.round(v)));
  for (let i = 0; i < length; i++) {
    const a = l[i] ?? 0;
    const b = r[i] ?? 0;
    out[2 * i] = clip(a + bleed * b);
    out[2 * i + 1] = clip(b + bleed * a);
  }
  const path = join(dir, `${name}.wav`);
  await writeWav(path, out, 2);
  return path;
}

/** Encodes a WAV the way phones and PBXs upload it (Ogg Vorbis by default), with the bundled ffmpeg. */
export async function encodeAs(input: string, output: string, codec = 'libvorbis'): Promise<string> {
  await run(DEFAULT_BINARY_PATHS.ffmpegPath, [
    '-v',
    'error',
    '-nostdin',
    '-y',
    '-i',
    input,
    '-c:a',
    codec,
    output,
  ]);
  return output;
}

/** Decodes any audio file to 16 kHz mono s16 samples (a plain ffmpeg run, independent of the code under test). */
export async function readSamples(path: string, ffmpegPath: string): Promise<Int16Array> {
  const { stdout } = await run(
    ffmpegPath,
    ['-v', 'error', '-i', path, '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 's16le', 'pipe:1'],
    { encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 },
  );
  return toInt16(stdout as unknown as Buffer);
}

async function ffmpegPcm(inputArgs: string[]): Promise<Int16Array> {
  const { stdout } = await run(
    DEFAULT_BINARY_PATHS.ffmpegPath,
    [
      '-v',
      'error',
      '-nostdin',
      ...inputArgs,
      '-ac',
      '1',
      '-ar',
      String(SAMPLE_RATE),
      '-f',
      's16le',
      'pipe:1',
    ],
    { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
  );
  return toInt16(stdout as unknown as Buffer);
}

function toInt16(buf: Buffer): Int16Array {
  // Copy: a Buffer from the pool may not be 2-byte aligned.
  const copy = new Int16Array(Math.floor(buf.byteLength / 2));
  for (let i = 0; i < copy.length; i++) copy[i] = buf.readInt16LE(i * 2);
  return copy;
}

async function readPcm(path: string): Promise<{ samples: Int16Array; channels: number }> {
  const handle = await open(path, 'r');
  try {
    const { dataOffset, dataBytes, channels } = await readWavHeader(handle, path);
    const bytes = (await readFile(path)).subarray(dataOffset, dataOffset + dataBytes);
    return { samples: toInt16(bytes), channels };
  } finally {
    await handle.close();
  }
}

async function writeWav(path: string, samples: Int16Array, channels: number): Promise<void> {
  const dataBytes = samples.length * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  const body = Buffer.from(samples.buffer, samples.byteOffset, dataBytes);
  await writeFile(path, Buffer.concat([header, body]));
}
