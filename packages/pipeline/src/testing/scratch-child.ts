/**
 * Test-only entry point: a process that, like a worker mid-call, has a scratch directory and an
 * ffmpeg running on it (through the media package's runner) — here blocked reading a FIFO, so it
 * runs until killed. Prints the directory.
 * Arguments: the temp dir to work in; `exit` to exit by itself a second later.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { configureBinaries, DEFAULT_BINARY_PATHS } from '@onterms/media/binaries';
import { runFfmpeg } from '@onterms/media/ffmpeg';
import { createScratchDir } from '../scratch.ts';

const dir = await createScratchDir(process.argv[2]!, randomUUID());
const input = join(dir, 'input.wav');
execFileSync('mkfifo', [input]);
process.stdout.write(`${JSON.stringify({ dir })}\n`);
configureBinaries(DEFAULT_BINARY_PATHS);
// Second argument `exit`: the process exits on its own (a fatal error, a second Ctrl-C) mid-run.
if (process.argv[3] === 'exit') setTimeout(() => process.exit(1), 1_000);
await runFfmpeg({
  input,
  outputOptions: ['-f', 'wav'],
  output: join(dir, 'speech.wav'),
  timeoutMs: 120_000,
  deadline: Date.now() + 120_000,
});
