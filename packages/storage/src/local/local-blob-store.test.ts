import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobNotFoundError, InvalidKeyError, StorageError, TooLargeError } from '../errors.ts';
import { LocalBlobStore } from './local-blob-store.ts';

let root: string;
let store: LocalBlobStore;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'onterms-storage-'));
  store = new LocalBlobStore({ root });
});
afterEach(() => rm(root, { recursive: true, force: true }));

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const tempFiles = async () => readdir(join(root, '.tmp')).catch(() => []);
const read = async (key: string, range?: { start?: number; end?: number }) =>
  buffer(await store.createReadStream(key, range));
/** Pretend a file was last touched long ago, i.e. the sweep grace period has passed. */
const age = (path: string) =>
  utimes(path, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));

describe('write protocol', () => {
  it('streams into a temp file, reports size and sha256, and only shows the key after commit', async () => {
    const data = randomBytes(300_000);
    const pending = await store.beginWrite();
    const written = await pending.write(Readable.from([data.subarray(0, 1000), data.subarray(1000)]));

    expect(written).toEqual({ size: data.length, sha256: sha256(data) });
    expect(pending.written).toEqual(written);
    expect(await readFile(pending.tempPath)).toEqual(data); // what ffprobe would read before commit
    expect(await store.exists('recordings/a.wav')).toBe(false);

    const stored = await pending.commit('recordings/a.wav');
    expect(stored).toEqual({ key: 'recordings/a.wav', ...written });
    expect(await read('recordings/a.wav')).toEqual(data);
    expect(await store.stat('recordings/a.wav')).toMatchObject({ size: data.length });
    expect(await tempFiles()).toEqual([]);
  });

  it('enforces maxBytes with TooLargeError and deletes the partial data', async () => {
    const pending = await store.beginWrite({ maxBytes: 1_000_000 });
    const twoMegabytes = Readable.from(Array.from({ length: 32 }, () => Buffer.alloc(64 * 1024, 1)));
    const error = await pending.write(twoMegabytes).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TooLargeError);
    expect((error as TooLargeError).code).toBe('too_large');
    expect(await tempFiles()).toEqual([]);
    await expect(pending.commit('x')).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('accepts a body of exactly maxBytes', async () => {
    const stored = await store.put('exact.bin', Buffer.alloc(1000), { maxBytes: 1000 });
    expect(stored.size).toBe(1000);
  });

  it('abort deletes the temp file, is idempotent, and is a no-op after commit', async () => {
    const pending = await store.beginWrite();
    await pending.write(Buffer.from('hello'));
    await pending.abort();
    await pending.abort();
    expect(await tempFiles()).toEqual([]);
    await expect(pending.commit('x')).rejects.toBeInstanceOf(StorageError);

    const committed = await store.beginWrite();
    await committed.write(Buffer.from('kept'));
    await committed.commit('kept.txt');
    await committed.abort();
    expect((await read('kept.txt')).toString()).toBe('kept');
  });

  it('a failing source stream aborts the write and leaves nothing behind', async () => {
    const pending = await store.beginWrite();
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('client disconnected'));
      },
    });
    await expect(pending.write(failing)).rejects.toThrow('client disconnected');
    expect(await tempFiles()).toEqual([]);
  });

  it('rejects a bad key at commit without losing the written data', async () => {
    const pending = await store.beginWrite();
    await pending.write(Buffer.from('data'));
    await expect(pending.commit('../escape')).rejects.toBeInstanceOf(InvalidKeyError);
    await pending.commit('good/key.bin');
    expect((await read('good/key.bin')).toString()).toBe('data');
  });

  it('streams 200 MB with flat memory and the right sha256', async () => {
    const chunkSize = 64 * 1024;
    const chunkCount = (200 * 1024 * 1024) / chunkSize;
    // Distinct, pre-allocated chunks: the generator allocates nothing, so RSS growth is the store's.
    const chunks = Array.from({ length: 251 }, (_, index) => Buffer.alloc(chunkSize, index));
    function* body() {
      for (let index = 0; index < chunkCount; index++) yield chunks[index % chunks.length]!;
    }
    const expected = createHash('sha256');
    for (const chunk of body()) expected.update(chunk);

    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      const stored = await store.put('big/200mb.bin', Readable.from(body()));
      expect(stored).toMatchObject({ size: chunkCount * chunkSize, sha256: expected.digest('hex') });
    } finally {
      clearInterval(sampler);
    }
    expect(peak - baseline).toBeLessThan(50 * 1024 * 1024);
    expect((await store.stat('big/200mb.bin'))?.size).toBe(200 * 1024 * 1024);
  });

  it('writes different keys concurrently', async () => {
    const bodies = Array.from({ length: 20 }, () => randomBytes(50_000 + Math.floor(Math.random() * 50_000)));
    const stored = await Promise.all(
      bodies.map((body, index) => store.put(`many/${index}.bin`, Readable.from([body]))),
    );
    for (const [index, body] of bodies.entries()) {
      expect(stored[index]!.sha256).toBe(sha256(body));
      expect(await read(`many/${index}.bin`)).toEqual(body);
    }
    expect(await tempFiles()).toEqual([]);
  });

  it('concurrent commits of the same key: last writer wins, whole file, no temp left', async () => {
    const first = randomBytes(2_000_000);
    const second = randomBytes(2_000_000);
    const [a, b] = [await store.beginWrite(), await store.beginWrite()];
    await Promise.all([a.write(first), b.write(second)]);
    await Promise.all([a.commit('same/key.bin'), b.commit('same/key.bin')]);

    const content = await read('same/key.bin');
    expect([sha256(first), sha256(second)]).toContain(sha256(content));
    expect(await tempFiles()).toEqual([]);
  });
});

describe('reading', () => {
  const data = Buffer.from(Array.from({ length: 10_000 }, (_, index) => index % 251));

  beforeEach(async () => {
    await store.put('audio/r.webm', data);
  });

  it('returns exact bytes for inclusive ranges', async () => {
    expect(await read('audio/r.webm', { start: 10, end: 19 })).toEqual(data.subarray(10, 20));
    expect(await read('audio/r.webm', { start: 9_990 })).toEqual(data.subarray(9_990));
    expect(await read('audio/r.webm', { end: 0 })).toEqual(data.subarray(0, 1));
    expect(await read('audio/r.webm')).toEqual(data);
  });

  it('rejects missing keys up front and nonsense ranges as programming errors', async () => {
    await expect(store.createReadStream('audio/missing.webm')).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.createReadStream('audio/r.webm', { start: 20, end: 10 })).rejects.toBeInstanceOf(
      RangeError,
    );
    await expect(store.createReadStream('/etc/passwd')).rejects.toBeInstanceOf(InvalidKeyError);
  });

  it('stat / exists / delete (idempotent) / localPath / withLocalFile', async () => {
    expect(await store.exists('audio/r.webm')).toBe(true);
    expect(await store.stat('audio/nope')).toBeNull();
    expect(await store.stat('audio')).toBeNull(); // a directory is not a blob
    expect(await store.withLocalFile('audio/r.webm', async (path) => (await stat(path)).size)).toBe(10_000);
    expect(store.localPath('audio/r.webm')).toBe(join(root, 'audio', 'r.webm'));

    await store.delete('audio/r.webm');
    await store.delete('audio/r.webm');
    expect(await store.exists('audio/r.webm')).toBe(false);
    await expect(store.withLocalFile('audio/r.webm', async () => 1)).rejects.toBeInstanceOf(
      BlobNotFoundError,
    );
  });
});

describe('sweep', () => {
  it('removes stale temps and old unreferenced blobs; keeps referenced, fresh and in-flight ones', async () => {
    await store.put('rec/referenced-old.wav', Buffer.from('a'));
    await store.put('rec/orphan-old.wav', Buffer.from('b'));
    await store.put('rec/orphan-fresh.wav', Buffer.from('c')); // just committed, row not inserted yet
    await age(store.localPath('rec/referenced-old.wav'));
    await age(store.localPath('rec/orphan-old.wav'));

    const crashed = await store.beginWrite();
    await crashed.write(Buffer.from('crashed upload'));
    await age(crashed.tempPath);
    const inFlight = await store.beginWrite();
    await inFlight.write(Buffer.from('still uploading'));

    const asked: string[] = [];
    const result = await store.sweep({
      olderThanMs: 60_000,
      isReferenced: async (key) => {
        asked.push(key);
        return key === 'rec/referenced-old.wav';
      },
    });

    expect(result).toEqual({ tempFilesRemoved: 1, unreferencedBlobsRemoved: 1, blobsKept: 2 });
    expect(asked.sort()).toEqual(['rec/orphan-old.wav', 'rec/referenced-old.wav']); // fresh blobs: no DB query
    expect(await store.exists('rec/referenced-old.wav')).toBe(true);
    expect(await store.exists('rec/orphan-old.wav')).toBe(false);
    expect(await store.exists('rec/orphan-fresh.wav')).toBe(true);
    expect(await tempFiles()).toEqual([inFlight.tempPath.split('/').pop()]);
    await inFlight.commit('rec/late.wav'); // the in-flight upload is unharmed
  });

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
