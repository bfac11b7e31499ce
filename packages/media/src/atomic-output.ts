import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FIRST_AUDIO_STREAM, runFfmpeg } from './ffmpeg.ts';
import type { RunControl } from './run-control.ts';

/**
 * Produces `outputPath` so that it either appears complete or not at all: `produce` writes to a
 * hidden temp name in the same directory (same filesystem, so rename is atomic), which is fsynced
 * and renamed on success and deleted on any failure — including ffmpeg being killed on
 * timeout/abort. Because the temp name does not end in the real extension, producers must pass
 * an explicit format (`-f`) to ffmpeg.
 */
export async function writeAtomically<T>(
  outputPath: string,
  produce: (tempPath: string) => Promise<T>,
): Promise<T> {
  const tempPath = join(dirname(outputPath), `.${basename(outputPath)}.${randomUUID()}.partial`);
  try {
    const result = await produce(tempPath);
    await fsyncFile(tempPath);
    await rename(tempPath, outputPath);
    return result;
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

/** Encodes the first audio stream of `input` to `output` with ffmpeg, atomically (see writeAtomically). */
export function encodeAudioAtomically(
  input: string,
  output: string,
  control: RunControl,
  outputOptions: string[],
): Promise<void> {
  return writeAtomically(output, (tempPath) =>
    runFfmpeg({
      ...control,
      input,
      outputOptions: [...FIRST_AUDIO_STREAM, ...outputOptions],
      output: tempPath,
    }),
  );
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
