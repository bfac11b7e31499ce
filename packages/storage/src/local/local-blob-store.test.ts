import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ageFile, blobStoreContract } from '../testing/blob-store-contract.ts';
import { LocalBlobStore } from './local-blob-store.ts';

describe('the BlobStore contract on local disk', () => {
  blobStoreContract(
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'onterms-storage-'));
      const local = new LocalBlobStore({ root: dir });
      return {
        store: local,
        age: (key) => ageFile(local.localPath(key)),
        tempFiles: () => readdir(join(dir, '.tmp')).catch(() => []),
        close: () => rm(dir, { recursive: true, force: true }),
      };
    },
    { bigMegabytes: 200, maxGrowthMegabytes: 50 },
  );
});

let root: string;
let store: LocalBlobStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'onterms-storage-'));
  store = new LocalBlobStore({ root });
});
afterEach(() => rm(root, { recursive: true, force: true }));

const tempFiles = async () => readdir(join(root, '.tmp')).catch(() => []);
const age = ageFile;

describe('local paths', () => {
  it('gives ffmpeg the blob file itself, no copy', async () => {
    await store.put('audio/r.webm', Buffer.alloc(10));
    expect(store.localPath('audio/r.webm')).toBe(join(root, 'audio', 'r.webm'));
    expect(await store.withLocalFile('audio/r.webm', async (path) => path)).toBe(
      join(root, 'audio', 'r.webm'),
    );
    expect((await stat(store.localPath('audio/r.webm'))).size).toBe(10);
  });
});

describe('sweep on local disk', () => {
  it('leaves files that could not be keys alone', async () => {
    await writeFile(join(root, 'README with spaces.txt'), 'not ours');
    await age(join(root, 'README with spaces.txt'));
    const result = await store.sweep({ olderThanMs: 0, isReferenced: async () => false });
    expect(result.unreferencedBlobsRemoved).toBe(0);
    expect(await readdir(root)).toContain('README with spaces.txt');
  });

  it('a writer SIGKILLed mid-upload leaves only a temp file, which sweep removes', async () => {
    const script = fileURLToPath(new URL('../testing/write-until-killed.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, root, 'rec/killed.wav'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    const tempPath = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /WRITING (\S+)\n/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.on('exit', () => reject(new Error(`writer exited before writing: ${output}`)));
    });

    expect((await stat(tempPath)).size).toBeGreaterThan(0);
    process.kill(child.pid!, 'SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(await store.exists('rec/killed.wav')).toBe(false);
    expect(await readdir(root)).toEqual(['.tmp']); // no 'rec' dir: nothing was ever committed
    expect(await tempFiles()).toHaveLength(1);

    await age(tempPath);
    const result = await store.sweep({ olderThanMs: 60_000, isReferenced: async () => true });
    expect(result.tempFilesRemoved).toBe(1);
    expect(await tempFiles()).toEqual([]);
  });
});
