import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat, utimes } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BlobStore } from '../blob-store.ts';
import { BlobNotFoundError, InvalidKeyError, StorageError, TooLargeError } from '../errors.ts';

/** A store under test, with the two things only its own kind knows how to do. */
export interface ContractSubject {
  store: BlobStore;
  /** Makes a committed blob look older than any sweep grace period. */
  age(key: string): Promise<void>;
  /** The names of the store's writes in progress (temp files). */
  tempFiles(): Promise<string[]>;
  close(): Promise<void>;
}

export interface ContractOptions {
  /** Size of the flat-memory streaming test. */
  bigMegabytes: number;
  /**
   * The most the process may grow while streaming it: well under `bigMegabytes`, so a store that held
   * the whole body in memory fails. A multipart upload keeps a few parts in flight.
   */
  maxGrowthMegabytes: number;
  /**
   * Whether the server under test answers `Range: bytes=0-0` with one byte, as S3 does. s3rver 3.7
   * does not (its filesystem store reads `end || Infinity`), which is the server's bug, not the store's.
   */
  serverReadsRangeEndZero?: boolean;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
/** Pretend a file was last touched long ago, i.e. the sweep grace period has passed. */
export const ageFile = (path: string) =>
  utimes(path, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));

/**
 * What every BlobStore promises, run against each implementation (local disk, S3-compatible), so the
 * API and the workers can take either without knowing which.
 */
export function blobStoreContract(
  setup: () => Promise<ContractSubject>,
  { bigMegabytes, maxGrowthMegabytes, serverReadsRangeEndZero = true }: ContractOptions,
): void {
  let subject: ContractSubject;
  const store = () => subject.store;
  const tempFiles = () => subject.tempFiles();
  const read = async (key: string, range?: { start?: number; end?: number }) =>
    buffer(await store().createReadStream(key, range));

  beforeEach(async () => {
    subject = await setup();
  });
  afterEach(() => subject.close());

  describe('write protocol', () => {
    it('streams into a temp file, reports size and sha256, and only shows the key after commit', async () => {
      const data = randomBytes(300_000);
      const pending = await store().beginWrite();
      const written = await pending.write(Readable.from([data.subarray(0, 1000), data.subarray(1000)]));

      expect(written).toEqual({ size: data.length, sha256: sha256(data) });
      expect(pending.written).toEqual(written);
      expect(await readFile(pending.tempPath)).toEqual(data); // what ffprobe would read before commit
      expect(await store().exists('recordings/a.wav')).toBe(false);

      const stored = await pending.commit('recordings/a.wav');
      expect(stored).toEqual({ key: 'recordings/a.wav', ...written });
      expect(await read('recordings/a.wav')).toEqual(data);
      expect(await store().stat('recordings/a.wav')).toMatchObject({ size: data.length });
      expect(await tempFiles()).toEqual([]);
    });

    it('enforces maxBytes with TooLargeError and deletes the partial data', async () => {
      const pending = await store().beginWrite({ maxBytes: 1_000_000 });
      const twoMegabytes = Readable.from(Array.from({ length: 32 }, () => Buffer.alloc(64 * 1024, 1)));
      const error = await pending.write(twoMegabytes).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(TooLargeError);
      expect((error as TooLargeError).code).toBe('too_large');
      expect(await tempFiles()).toEqual([]);
      await expect(pending.commit('x')).rejects.toMatchObject({ code: 'invalid_state' });
    });

    it('accepts a body of exactly maxBytes', async () => {
      const stored = await store().put('exact.bin', Buffer.alloc(1000), { maxBytes: 1000 });
      expect(stored.size).toBe(1000);
    });

    it('refuses a negative or NaN maxBytes as a programming error, leaving no temp file', async () => {
      await expect(store().beginWrite({ maxBytes: -1 })).rejects.toBeInstanceOf(RangeError);
      await expect(store().beginWrite({ maxBytes: Number.NaN })).rejects.toBeInstanceOf(RangeError);
      expect(await tempFiles()).toEqual([]);
    });

    it('abort deletes the temp file, is idempotent, and is a no-op after commit', async () => {
      const pending = await store().beginWrite();
      await pending.write(Buffer.from('hello'));
      await pending.abort();
      await pending.abort();
      expect(await tempFiles()).toEqual([]);
      await expect(pending.commit('x')).rejects.toBeInstanceOf(StorageError);

      const committed = await store().beginWrite();
      await committed.write(Buffer.from('kept'));
      await committed.commit('kept.txt');
      await committed.abort();
      expect((await read('kept.txt')).toString()).toBe('kept');
    });

    it('a failing source stream aborts the write and leaves nothing behind', async () => {
      const pending = await store().beginWrite();
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
      const pending = await store().beginWrite();
      await pending.write(Buffer.from('data'));
      await expect(pending.commit('../escape')).rejects.toBeInstanceOf(InvalidKeyError);
      await pending.commit('good/key.bin');
      expect((await read('good/key.bin')).toString()).toBe('data');
    });

    it(`streams ${bigMegabytes} MB with flat memory and the right sha256`, async () => {
      const chunkSize = 64 * 1024;
      const chunkCount = (bigMegabytes * 1024 * 1024) / chunkSize;
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
        const stored = await store().put('big/large.bin', Readable.from(body()));
        expect(stored).toMatchObject({ size: chunkCount * chunkSize, sha256: expected.digest('hex') });
      } finally {
        clearInterval(sampler);
      }
      expect(peak - baseline).toBeLessThan(maxGrowthMegabytes * 1024 * 1024);
      expect((await store().stat('big/large.bin'))?.size).toBe(bigMegabytes * 1024 * 1024);
    });

    it('writes different keys concurrently', async () => {
      const bodies = Array.from({ length: 20 }, () =>
        randomBytes(50_000 + Math.floor(Math.random() * 50_000)),
      );
      const stored = await Promise.all(
        bodies.map((body, index) => store().put(`many/${index}.bin`, Readable.from([body]))),
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
      const [a, b] = [await store().beginWrite(), await store().beginWrite()];
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
      await store().put('audio/r.webm', data);
    });

    it('returns exact bytes for inclusive ranges', async () => {
      expect(await read('audio/r.webm', { start: 10, end: 19 })).toEqual(data.subarray(10, 20));
      expect(await read('audio/r.webm', { start: 9_990 })).toEqual(data.subarray(9_990));
      if (serverReadsRangeEndZero)
        expect(await read('audio/r.webm', { end: 0 })).toEqual(data.subarray(0, 1));
      expect(await read('audio/r.webm', { start: 5, end: 5 })).toEqual(data.subarray(5, 6));
      expect(await read('audio/r.webm')).toEqual(data);
    });

    it('rejects missing keys up front and nonsense ranges as programming errors', async () => {
      await expect(store().createReadStream('audio/missing.webm')).rejects.toBeInstanceOf(BlobNotFoundError);
      await expect(store().createReadStream('audio/r.webm', { start: 20, end: 10 })).rejects.toBeInstanceOf(
        RangeError,
      );
      await expect(store().createReadStream('/etc/passwd')).rejects.toBeInstanceOf(InvalidKeyError);
    });

    it('stat / exists / delete (idempotent) / withLocalFile', async () => {
      expect(await store().exists('audio/r.webm')).toBe(true);
      expect(await store().stat('audio/r.webm')).toMatchObject({ size: 10_000 });
      expect(await store().stat('audio/nope')).toBeNull();
      expect(await store().stat('audio')).toBeNull(); // a prefix is not a blob
      expect(await store().withLocalFile('audio/r.webm', async (path) => (await stat(path)).size)).toBe(
        10_000,
      );

      await store().delete('audio/r.webm');
      await store().delete('audio/r.webm');
      expect(await store().exists('audio/r.webm')).toBe(false);
      await expect(store().withLocalFile('audio/r.webm', async () => 1)).rejects.toBeInstanceOf(
        BlobNotFoundError,
      );
    });
  });
  describe('sweep', () => {
    it('removes stale temps and old unreferenced blobs; keeps referenced, fresh and in-flight ones', async () => {
      await store().put('rec/referenced-old.wav', Buffer.from('a'));
      await store().put('rec/orphan-old.wav', Buffer.from('b'));
      await store().put('rec/orphan-fresh.wav', Buffer.from('c')); // just committed, row not inserted yet
      await subject.age('rec/referenced-old.wav');
      await subject.age('rec/orphan-old.wav');

      const crashed = await store().beginWrite();
      await crashed.write(Buffer.from('crashed upload'));
      await ageFile(crashed.tempPath);
      const inFlight = await store().beginWrite();
      await inFlight.write(Buffer.from('still uploading'));

      const asked: string[] = [];
      const result = await store().sweep({
        olderThanMs: 60_000,
        isReferenced: async (key) => {
          asked.push(key);
          return key === 'rec/referenced-old.wav';
        },
      });

      expect(result).toEqual({ tempFilesRemoved: 1, unreferencedBlobsRemoved: 1, blobsKept: 2 });
      expect(asked.sort()).toEqual(['rec/orphan-old.wav', 'rec/referenced-old.wav']); // fresh blobs: no DB query
      expect(await store().exists('rec/referenced-old.wav')).toBe(true);
      expect(await store().exists('rec/orphan-old.wav')).toBe(false);
      expect(await store().exists('rec/orphan-fresh.wav')).toBe(true);
      expect(await tempFiles()).toEqual([inFlight.tempPath.split('/').pop()]);
      await inFlight.commit('rec/late.wav'); // the in-flight upload is unharmed
    });
  });
}
