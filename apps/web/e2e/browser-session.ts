/**
 * What every browser test does around its own steps: the stack and one Chromium for the file, people
 * with a known password, and signing in through the login form. The steps themselves stay in the tests.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '@onterms/db';
import { createPasswordHasher, createUser } from '@onterms/domain';
import { buildWebIfNeeded, launchChromium, ROOT, startStack, type Person, type Stack } from './harness.ts';

export const SHOTS = path.join(ROOT, 'test-results/screenshots');
export const DEMO = path.join(ROOT, 'apps/api/demo-data');

/** The web built, the stack started and Chromium launched; call in `beforeAll` (240 s). */
export async function openStack(): Promise<{ stack: Stack; browser: Browser }> {
  buildWebIfNeeded();
  await mkdir(SHOTS, { recursive: true });
  const stack = await startStack();
  return { stack, browser: await launchChromium() };
}

/**
 * The stack and one Chromium for the file's tests: opened before them all, closed after. Call it before
 * the file's own `beforeAll` (people, calls), which then runs with both open.
 */
export function stackPerFile(): { readonly stack: Stack; readonly browser: Browser } {
  const opened: { stack?: Stack; browser?: Browser } = {};
  beforeAll(async () => {
    Object.assign(opened, await openStack());
  }, 240_000);
  afterAll(() => closeStack(opened.stack, opened.browser));
  return opened as { stack: Stack; browser: Browser };
}

/** Call in `afterAll`; either may be missing when `openStack` failed half-way. */
export async function closeStack(stack: Stack | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await stack?.stop();
}

const PASSWORD = 'director-password-42';

/** Another person in the stack's database, signed in later with the returned email and password. */
export async function addPerson(
  stack: Stack,
  person: { email: string; name: string; role: Role; teamId?: string },
): Promise<Person> {
  const { user } = await createUser(stack.database.db, createPasswordHasher(), {
    ...person,
    password: PASSWORD,
  });
  return { id: user.id, email: person.email, password: PASSWORD };
}

/** Ольга, the director the policy, checklist, dashboard and receivables tests sign in as. */
export const addDirector = (stack: Stack): Promise<Person> =>
  addPerson(stack, { email: 'olga@example.com', name: 'Ольга Директорова', role: 'director' });

/** Opens `url` (the login form shows first), fills it in and presses Enter; the caller waits for its page. */
export async function signInAt(
  page: Page,
  url: string,
  person: Pick<Person, 'email' | 'password'>,
): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Эл. почта').fill(person.email);
  await page.getByLabel('Пароль').fill(person.password);
  await page.keyboard.press('Enter');
}

/** A page of its own (fresh cookies) in a Russian-locale desktop window; `page.context().close()` ends it. */
export async function russianPage(browser: Browser, height = 900): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height }, locale: 'ru-RU' });
  return context.newPage();
}

/** A page of its own, signed in as `person` at `url` of the stack; the caller waits for its page. */
export async function signedInPage(
  opened: { stack: Stack; browser: Browser },
  url: string,
  person: Pick<Person, 'email' | 'password'>,
): Promise<Page> {
  const page = await russianPage(opened.browser);
  await signInAt(page, opened.stack.base + url, person);
  return page;
}
