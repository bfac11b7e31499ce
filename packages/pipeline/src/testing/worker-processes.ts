import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { TEST_REDIS_URL, waitFor } from './fixtures.ts';
import type { QueueTest } from './queue-test.ts';

const CHILD = fileURLToPath(new URL('./worker-child.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));

/** A real BullMQ worker process (worker-child.ts) and the event lines it printed. */
export interface WorkerProcess {
  child: ChildProcess;
  events: Array<{ event: string }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts worker processes on a queue test's database and Redis prefix, for tests that SIGKILL or
 * SIGTERM them mid-job. Whatever is still running after each test is killed here, so no caller can
 * forget to: a worker left over would take the next test's jobs.
 */
export function workerProcesses(env: QueueTest) {
  const children: ChildProcess[] = [];
  async function start(options: { slowAnalyseMs?: number } = {}): Promise<WorkerProcess> {
    // `node --import tsx` (not the tsx CLI, which runs the script in a grandchild): the signals we send
    // must reach the worker itself.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: REPO,
      env: {
        ...process.env,
        DATABASE_URL: env.ctx.database.url,
        REDIS_URL: TEST_REDIS_URL,
        PIPELINE_PREFIX: env.prefix,
        BLOB_ROOT: env.ctx.storeRoot,
        LOCK_DURATION_MS: '2000',
        STALLED_INTERVAL_MS: '1000',
        SLOW_ANALYSE_MS: String(options.slowAnalyseMs ?? 0),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const events: WorkerProcess['events'] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        events.push(JSON.parse(line));
      } catch {
        // not one of our event lines
      }
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    await waitFor(
      async () => events.some((e) => e.event === 'ready') || child.exitCode !== null,
      30_000,
      'the worker to start',
    );
    if (child.exitCode !== null) throw new Error(`the worker exited at start (${child.exitCode})`);
    return { child, events, exited };
  }
  const killAll = () => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  afterEach(killAll);
  return { start };
}

/** A check for waitFor: the worker printed this event. */
export const printed = (worker: WorkerProcess, event: string) => async () =>
  worker.events.some((e) => e.event === event);
