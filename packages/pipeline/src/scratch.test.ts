import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDir, sweepScratchDirs } from './scratch.ts';
import { waitFor } from './testing/fixtures.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'onterms-scratch-test-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Processes whose command line names `dir`. */
async function processesUsing(dir: string): Promise<number[]> {
  const found: number[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(`${dir}/`)) found.push(Number(pid));
  }
  return found;
}

function startChild(...args: string[]) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'testing/scratch-child.ts'), tmp, ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const dir = waitFor(
    async () => (out.includes('\n') ? (JSON.parse(out) as { dir: string }).dir : null),
    20_000,
    'the child to start',
  );
  return { child, exited, dir };
}

describe('scratch directories', () => {
  it('ffmpeg dies with a worker that exits mid-run', async () => {
    const { exited, dir } = startChild('exit');
    const scratch = await dir;
    await waitFor(async () => (await processesUsing(scratch)).length > 0, 20_000, 'ffmpeg to start');
    await exited;
    await waitFor(async () => (await processesUsing(scratch)).length === 0, 5_000, 'ffmpeg to die with it');
    await rm(scratch, { recursive: true, force: true });
  }, 60_000);

  it('a killed worker’s directory and the ffmpeg it left running are removed by the next sweep', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'testing/scratch-child.ts'), tmp],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const { dir } = await waitFor(
      async () => (out.includes('\n') ? (JSON.parse(out) as { dir: string }) : null),
      20_000,
      'the child to start',
    );
    // ffprobe/ffmpeg, blocked on the FIFO in the scratch directory.
    await waitFor(async () => (await processesUsing(dir)).length > 0, 20_000, 'ffmpeg to start');

    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(await processesUsing(dir), 'orphans outlive a SIGKILLed parent').not.toEqual([]);

    const mine = await createScratchDir(tmp, 'live-call');
    const swept = await sweepScratchDirs(tmp);
    expect(swept.dirsRemoved).toBe(1);
    expect(swept.processesKilled).toBeGreaterThan(0);
    expect(existsSync(dir)).toBe(false);
    await waitFor(async () => (await processesUsing(dir)).length === 0, 5_000, 'the orphans to die');
    // A live process's directory stays.
    expect(existsSync(mine)).toBe(true);
  }, 60_000);
});
