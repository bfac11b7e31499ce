import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { MediaError } from './errors.ts';
import { createMedia } from './media.ts';
import { synth } from './testing/fixtures.ts';
import { useTempDir } from './testing/temp-dir.ts';

const media = createMedia();
const temp = useTempDir();
/** Long enough that no encode of it finishes before we cancel it. */
let longRecording: string;

beforeAll(async () => {
  longRecording = await synth(join(temp.dir, 'long.wav'), 'anoisesrc=d=1800:c=pink:r=8000:a=0.3');
});

async function waitForPartialFile(): Promise<void> {
  for (;;) {
    if ((await readdir(temp.dir)).some((name) => name.endsWith('.partial'))) return;
    await sleep(10);
  }
}

/** Linux: pids whose command line mentions `text` — i.e. an ffmpeg still working on our files. */
async function processesMentioning(text: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(join('/proc', entry, 'cmdline'), 'utf8').catch(() => '');
    if (cmdline.includes(text)) pids.push(Number(entry));
  }
  return pids;
}

describe('cancellation and atomic output', () => {
  it('an aborted encode rejects with "aborted" and leaves nothing at (or next to) the output path', async () => {
    const output = join(temp.dir, 'review.webm');
    const controller = new AbortController();
    const encoding = media.encodeForReview(longRecording, output, { signal: controller.signal });
    const outcome = encoding.catch((error: unknown) => error);
    await waitForPartialFile(); // ffmpeg is really writing
    controller.abort();

    const error = await outcome;
    expect(error).toBeInstanceOf(MediaError);
    expect((error as MediaError).code).toBe('aborted');
    expect((await readdir(temp.dir)).sort()).toEqual(['long.wav']);
    expect(await processesMentioning(temp.dir)).toEqual([]);
  });

  it('a timed-out encode rejects with "timeout" and leaves nothing behind', async () => {
    const output = join(temp.dir, 'review.webm');
    // Opus-encoding 30 min of noise takes tens of seconds; one second is nowhere near enough.
    const error = await media
      .encodeForReview(longRecording, output, { timeoutMs: 1000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaError);
    expect((error as MediaError).code).toBe('timeout');
    expect((await readdir(temp.dir)).sort()).toEqual(['long.wav']);
    expect(await processesMentioning(temp.dir)).toEqual([]);
  });

  it('an already-aborted signal never starts ffmpeg', async () => {
    const error = await media
      .computePeaks(longRecording, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect((error as MediaError).code).toBe('aborted');
  });
});
