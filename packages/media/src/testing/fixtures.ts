/**
 * Test-only helpers: synthesise recordings with ffmpeg's lavfi sources into a temp dir, so no
 * audio is committed. Runs the same static ffmpeg the package uses, directly (this is test
 * scaffolding, not product code).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_BINARY_PATHS } from '../binaries.ts';

const run = promisify(execFile);

export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'onterms-media-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function ffmpeg(args: string[]): Promise<string> {
  const { stderr } = await run(DEFAULT_BINARY_PATHS.ffmpegPath, ['-hide_banner', '-nostdin', '-y', ...args], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return stderr;
}

/** Renders an lavfi source graph (e.g. `sine=f=440:d=3`) to `output` with the given codec options. */
export async function synth(output: string, source: string, outputOptions: string[] = []): Promise<string> {
  await ffmpeg(['-v', 'error', '-f', 'lavfi', '-i', source, ...outputOptions, output]);
  return output;
}

/** Stereo test signal via aevalsrc: one expression per channel, e.g. ('sin(2*PI*440*t)', '0'). */
export function stereo(left: string, right: string, durationSec: number, sampleRate = 44100): string {
  return `aevalsrc=exprs='${left}|${right}':s=${sampleRate}:d=${durationSec}`;
}

/** Keeps the first `fraction` of a file's bytes, like an upload cut off mid-way. */
export async function truncate(source: string, output: string, fraction: number): Promise<string> {
  const bytes = await readFile(source);
  return keepFirstBytes(source, output, Math.floor(bytes.length * fraction));
}

export async function keepFirstBytes(source: string, output: string, count: number): Promise<string> {
  const bytes = await readFile(source);
  await writeFile(output, bytes.subarray(0, count));
  return output;
}

/** Mean level in dB measured by ffmpeg's volumedetect (-91 dB is digital silence). */
export async function meanVolumeDb(file: string, audioFilter?: string): Promise<number> {
  const filters = [audioFilter, 'volumedetect'].filter(Boolean).join(',');
  const stderr = await ffmpeg(['-i', file, '-af', filters, '-f', 'null', '-']);
  const match = /mean_volume: (-?[\d.]+|-inf) dB/.exec(stderr);
  if (!match) throw new Error(`volumedetect printed no mean_volume:\n${stderr}`);
  return match[1] === '-inf' ? -Infinity : Number(match[1]);
}
