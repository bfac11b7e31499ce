import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInOverHttp } from './testing/http-session.ts';
import { multipart } from './testing/multipart.ts';
import { freePort, waitFor } from './testing/waiting.ts';
import { WEB_DIST } from './web/web-ui.ts';

/**
 * `npm start` on a laptop: one process with embedded PostgreSQL (PGlite), the in-process job runner
 * and local disk — no DATABASE_URL, no REDIS_URL. Driven over real HTTP.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
let dataDir: string;
let server: ChildProcess | null = null;
let output = '';

async function start(port: number): Promise<void> {
  output = '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    ONTERMS_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  for (const key of [
    'DATABASE_URL',
    'REDIS_URL',
    'ONTERMS_ADMIN_EMAIL',
    'ONTERMS_ADMIN_PASSWORD',
    'STT_ENGINE',
    'OPENAI_API_KEY',
  ])
    delete env[key];
  server = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts', '--demo'], {
    cwd: ROOT,
    env,
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  await waitFor(
    async () => {
      if (server?.exitCode !== null) throw new Error(`server exited: ${output}`);
      return fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => (r.ok ? true : undefined),
        () => undefined,
      );
    },
    'the server to answer',
    240_000, // the first demo start loads twelve weeks of calls before it listens
  );
}

async function stop(): Promise<number | null> {
  const child = server;
  if (!child || child.exitCode !== null) return child?.exitCode ?? null;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

function demoPassword(role: string): { email: string; password: string } {
  const line = output.split('\n').find((l) => l.trim().startsWith(role + ' '));
  const [, email, password] = line!.trim().split(/\s+/);
  return { email: email!, password: password! };
}

const signIn = (base: string, role: string) => signInOverHttp(base, demoPassword(role));

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'onterms-embedded-'));
  if (!existsSync(path.join(WEB_DIST, 'index.html')))
    execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'ignore' });
});
afterAll(async () => {
  await stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the embedded default (npm start)', () => {
  it('runs upload → analysed in one process, serves the UI, and keeps everything across a restart', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    await start(port);
    expect(output).toMatch(/sample calls loaded/);
    const headers = await signIn(base, 'rep');

    const page = await fetch(`${base}/calls/some-id`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const demo = path.join(ROOT, 'apps/api/demo-data');
    const form = multipart({ clientName: 'Northwind', language: 'en', repChannel: 'right' }, [
      {
        name: 'audio',
        filename: 'copy.ogg',
        content: Buffer.concat([await readFile(path.join(demo, 'northwind-net30.ogg'))]),
      },
      {
        name: 'transcript',
        filename: 'northwind.json',
        content: await readFile(path.join(demo, 'northwind-net30.json')),
      },
    ]);
    // The demo loader already uploaded these bytes as this rep: the API answers with that call.
    const again = await fetch(`${base}/api/calls`, {
      method: 'POST',
      headers: { ...headers, ...form.headers },
      body: form.body,
    });
    expect(again.status).toBe(200);
    const { id } = (await again.json()) as { id: string };

    const call = await waitFor(
      async () => {
        const body = (await (await fetch(`${base}/api/calls/${id}`, { headers })).json()) as {
          status: string;
          flags: Record<string, { stated: boolean }>;
        };
        return body.status === 'analyzed' ? body : undefined;
      },
      'the call to be analysed',
      60_000,
    );
    expect(call.flags.payment_terms?.stated).toBe(true);
    expect(call.flags.sanctions?.stated).toBe(true);

    // the rep's three recorded calls and his twelve weeks of transcript-only ones
    const listed = (await (await fetch(`${base}/api/calls`, { headers })).json()) as { total: number };
    expect(listed.total).toBeGreaterThan(40);
    expect(output).toMatch(/sample calls loaded over 12 weeks .* in \d+\.\d s/);
    console.log(output.match(/Demo: .*/)![0]); // the embedded database's load time, for the record

    expect(await stop()).toBe(0);
    await start(port);
    const relogged = await signIn(base, 'rep');
    const after = (await (await fetch(`${base}/api/calls`, { headers: relogged })).json()) as {
      total: number;
      items: { status: string }[];
    };
    expect(after.total).toBe(listed.total);
    expect(output).toMatch(/Demo: 0 sample calls loaded/);
  }, 600_000); // two cold starts of the whole process (PGlite, migrations, demo) and a pipeline run
});
