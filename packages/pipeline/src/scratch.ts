import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Scratch directories for ffmpeg's outputs before they are stored, one per call being processed:
 * `<tmp>/onterms-call-p<pid>-<call id>-<random>`. The worker's pid in the name tells a sweep which
 * directories belong to a process that is gone (killed, out of memory, crashed) — those are removed
 * at once, together with any ffmpeg still running on them — while a live worker's are left alone.
 */
export const SCRATCH_PREFIX = 'onterms-call-';
const OWNED = /^onterms-call-p(\d+)-/;
/** Directories without an owner in their name (older versions) are removed once this old. */
const UNOWNED_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function createScratchDir(tmpDir: string, callId: string): Promise<string> {
  return mkdtemp(join(tmpDir, `${SCRATCH_PREFIX}p${process.pid}-${callId}-`));
}

export interface ScratchSweep {
  dirsRemoved: number;
  /** ffmpeg (or other) processes left running on a removed directory by their dead worker. */
  processesKilled: number;
}

/** Removes the scratch directories of dead processes (and kills what still runs on them). */
export async function sweepScratchDirs(tmpDir: string, now = Date.now()): Promise<ScratchSweep> {
  const result: ScratchSweep = { dirsRemoved: 0, processesKilled: 0 };
  const entries = await readdir(tmpDir, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(SCRATCH_PREFIX)) continue;
    const dir = join(tmpDir, entry.name);
    const owner = OWNED.exec(entry.name)?.[1];
    const abandoned = owner
      ? Number(owner) !== process.pid && !isAlive(Number(owner))
      : now - ((await stat(dir).catch(() => null))?.mtimeMs ?? now) > UNOWNED_MAX_AGE_MS;
    if (!abandoned) continue;
    result.processesKilled += await killProcessesUsing(dir);
    await rm(dir, { recursive: true, force: true });
    result.dirsRemoved++;
  }
  return result;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — alive, and not ours to judge.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Linux: processes whose command line names `dir` (an orphaned ffmpeg writing into it). */
async function killProcessesUsing(dir: string): Promise<number> {
  const pids = await readdir('/proc').catch(() => []);
  let killed = 0;
  for (const pid of pids) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!cmdline.includes(`${dir}/`)) continue;
    try {
      process.kill(Number(pid), 'SIGKILL');
      killed++;
    } catch {
      // gone meanwhile
    }
  }
  return killed;
}
