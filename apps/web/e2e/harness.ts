/**
 * The real stack for browser tests and the web bench: a fresh PostgreSQL database, the API server as
 * a child process (in-process job runner, no Redis) serving the built UI, people created through the
 * accounts module, and Debian's Chromium driven by playwright-core (nothing downloaded).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '@onterms/db/testing';
import { createUser, ensureTeam } from '@onterms/domain';
import { createPasswordHasher } from '@onterms/domain';
import { signInOverHttp } from '../../api/src/testing/http-session.ts';
import { freePort, waitFor } from '../../api/src/testing/waiting.ts';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
const WEB = path.join(ROOT, 'apps/web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** `npm run build:web` when dist is missing or older than the sources. */
export function buildWebIfNeeded(): void {
  const index = path.join(WEB, 'dist/index.html');
  const sources = Math.max(
    newestMtime(path.join(WEB, 'src')),
    statSync(path.join(WEB, 'index.html')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, stdio: 'ignore' });
}

export interface Person {
  id: string;
  email: string;
  password: string;
}

export interface Stack {
  base: string;
  database: TestDatabase;
  rep: Person;
  manager: Person;
  output: () => string;
  stop: () => Promise<void>;
}

const PASSWORD = 'correct-horse-battery-9';

/**
 * Database, a team with a rep and the manager leading it, and the API server on a free port; with
 * `demo`, the server starts as `npm start -- --demo` does (its people and twelve weeks of calls).
 */
export async function startStack(options: { demo?: boolean } = {}): Promise<Stack> {
  const database = await createTestDatabase();
  const passwords = createPasswordHasher();
  const team = await ensureTeam(database.db, 'Север');
  const rep = await createUser(database.db, passwords, {
    email: 'pavel@example.com',
    name: 'Павел Смирнов',
    role: 'rep',
    teamId: team.id,
    password: PASSWORD,
  });
  const manager = await createUser(database.db, passwords, {
    email: 'irina@example.com',
    name: 'Ирина Козлова',
    role: 'manager',
    managedTeamIds: [team.id],
    password: PASSWORD,
  });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'onterms-web-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    ONTERMS_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  for (const key of [
    'REDIS_URL',
    'ONTERMS_ADMIN_EMAIL',
    'ONTERMS_ADMIN_PASSWORD',
    'STT_ENGINE',
    'OPENAI_API_KEY',
    'ANALYSIS_LLM_MODEL',
  ])
    delete env[key];
  let output = '';
  const args = ['--import', 'tsx', 'apps/api/src/server.ts', ...(options.demo ? ['--demo'] : [])];
  const server: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await database.drop().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      async () => {
        if (server.exitCode !== null) throw new Error(`the API server exited: ${output}`);
        return fetch(`${base}/api/health`).then(
          (r) => (r.ok ? true : undefined),
          () => undefined,
        );
      },
      'the API server to answer',
      options.demo ? 240_000 : 90_000,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    base,
    database,
    rep: { id: rep.user.id, email: rep.user.email, password: PASSWORD },
    manager: { id: manager.user.id, email: manager.user.email, password: PASSWORD },
    output: () => output,
    stop,
  };
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The UI tests drive Chromium and found none at ${CHROMIUM}: install it with \`apt-get install chromium\` ` +
        '(Debian/Ubuntu), or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Signs in over HTTP (for scripts that only need the API): cookie + CSRF headers. */
export function apiSession(base: string, person: Person): Promise<Record<string, string>> {
  return signInOverHttp(base, person);
}
