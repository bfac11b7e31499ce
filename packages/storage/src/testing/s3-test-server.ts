import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { S3BlobStoreOptions } from '../s3/s3-blob-store.ts';

export interface S3TestServer {
  /** Everything an S3BlobStore needs but its scratch directory. */
  settings: Omit<S3BlobStoreOptions, 'scratchDir'>;
  /** The same as the environment an API or worker process reads (`STORAGE=s3`, `S3_*`). */
  env: Record<string, string>;
  /** Where s3rver keeps an object's bytes (to age it for sweep tests). */
  objectPath(bucket: string, key: string): string;
  /** The server process (benches read its CPU time: on loopback it shares the machine with the workers). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts s3rver on a free loopback port in a child process. s3rver speaks the S3 REST protocol
 * (signatures, multipart uploads, ranged GETs), so the real AWS SDK talks to it exactly as it would to
 * MinIO or AWS; it lacks listing and aborting multipart uploads, which the store tolerates.
 */
export async function startS3TestServer(bucket = 'onterms-test'): Promise<S3TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'onterms-s3rver-'));
  const script = fileURLToPath(new URL('./s3rver-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dir, bucket], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /S3RVER LISTENING (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`s3rver exited (${code}) before listening: ${output}`)));
  });
  return {
    pid: child.pid!,
    env: {
      STORAGE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    settings: {
      endpoint: `http://127.0.0.1:${port}`,
      bucket,
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    objectPath: (bucketName, key) => {
      const parts = key.split('/');
      const last = parts.pop()!;
      return join(dir, bucketName, ...parts, `${last}._S3rver_object`);
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The S3 test server of the enclosing suite: started before its first test, stopped (its objects
 * removed) after its last — every suite that starts one needs both. Read it as `.server` inside a
 * hook or test.
 */
export function useS3TestServer(bucket?: string): { readonly server: S3TestServer } {
  let started: S3TestServer | undefined;
  beforeAll(async () => {
    started = await startS3TestServer(bucket);
  });
  afterAll(() => started?.stop());
  return {
    get server(): S3TestServer {
      if (!started)
        throw new Error(
          'useS3TestServer: the server starts in beforeAll; read .server inside a hook or test',
        );
      return started;
    },
  };
}
