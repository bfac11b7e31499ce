/**
 * The first day and the daily loop, in a real Chromium (browser clock in UTC, company in Moscow)
 * against the real API with no speech-to-text engine: a wrong password says so; every role lands
 * where its work is at 390, 1024 and 1366 px with no horizontal scroll and no wrapped buttons; audio
 * without a transcript is warned about, waits with its reason, and is analysed once a transcript is
 * attached on the call page; a rep's dispute reaches the manager's queue and counter; dates are the
 * company's. Screenshots go to test-results/screenshots/first-day-*.png.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../api/src/testing/waiting.ts';
import { addPerson, DEMO, SHOTS, signInAt, stackPerFile } from './browser-session.ts';
import { apiSession, type Person } from './harness.ts';

const WIDTHS = [390, 1024, 1366] as const;

const e2e = stackPerFile();
let admin: Person;
let director: Person;

beforeAll(async () => {
  admin = await addPerson(e2e.stack, { email: 'admin@example.com', name: 'Администратор', role: 'admin' });
  director = await addPerson(e2e.stack, {
    email: 'director@example.com',
    name: 'Ольга Директорова',
    role: 'director',
  });
}, 240_000);

async function newPage(width: number): Promise<Page> {
  const context = await e2e.browser.newContext({
    viewport: { width, height: 800 },
    locale: 'ru-RU',
    timezoneId: 'UTC', // the browser is not where the company is (Europe/Moscow, UTC+3)
  });
  return context.newPage();
}

async function signIn(page: Page, person: Person): Promise<void> {
  await signInAt(page, e2e.stack.base + '/', person);
  await page.locator('header.topbar').waitFor();
}

/** Horizontal overflow of the page, and buttons whose label wrapped onto a second line. */
async function layoutProblems(page: Page): Promise<{ overflow: number; wrapped: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const wrapped: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, .button-like')) {
      if (!el.offsetParent) continue;
      const style = getComputedStyle(el);
      const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.3;
      const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      if (el.clientHeight - padding > line * 1.6) wrapped.push((el.textContent ?? '').trim());
    }
    return { overflow: root.scrollWidth - root.clientWidth, wrapped };
  });
}

async function upload(person: Person, name: string, fields: Record<string, string>, transcript: boolean) {
  const headers = await apiSession(e2e.stack.base, person);
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('audio', new Blob([await readFile(path.join(DEMO, `${name}.ogg`))]), 'call.ogg');
  if (transcript) {
    form.set('transcript', new Blob([await readFile(path.join(DEMO, `${name}.json`))]), 'call.json');
  }
  const res = await fetch(`${e2e.stack.base}/api/calls`, { method: 'POST', headers, body: form });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  const { id } = (await res.json()) as { id: string };
  await waitFor(
    async () => {
      const call = await fetch(`${e2e.stack.base}/api/calls/${id}`, { headers }).then((r) => r.json());
      return call.status === (transcript ? 'analyzed' : 'waiting') || undefined;
    },
    'the uploaded call to settle',
    60_000,
  );
  return id;
}

describe('signing in', () => {
  it('a wrong password says so in Russian, not "session expired"', async () => {
    const page = await newPage(390);
    await page.goto(e2e.stack.base + '/');
    await page.getByLabel('Эл. почта').fill(e2e.stack.rep.email);
    await page.getByLabel('Пароль').fill('not-the-password');
    await page.getByRole('button', { name: 'Войти' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Неверная эл. почта или пароль');
    expect(await alert.textContent()).not.toMatch(/Сессия|Wrong/);
    await page.screenshot({ path: path.join(SHOTS, 'first-day-wrong-password-390.png') });
    await page.context().close();
  }, 60_000);
});

describe('every role starts where its work is', () => {
  let callId: string;
  beforeAll(async () => {
    // 22:30 UTC on the 14th is 01:30 on the 15th in Moscow: the company's day.
    callId = await upload(
      e2e.stack.rep,
      'stroymarket-terms',
      {
        clientName: 'ООО «Строительный торговый дом Северо-Западного федерального округа»',
        language: 'ru',
        recordedAt: '2026-11-14T22:30:00.000Z',
      },
      true,
    );
  }, 120_000);

  const starts = [
    ['admin', '/admin', () => admin],
    ['director', '/dashboard', () => director],
    ['manager', '/inbox', () => e2e.stack.manager],
    ['rep', '/inbox', () => e2e.stack.rep],
  ] as const;

  for (const width of WIDTHS) {
    it.each(starts)(
      `%s lands on %s at ${width} px, fits the width, no button wraps`,
      async (role, start, who) => {
        const page = await newPage(width);
        await signIn(page, who());
        await page.waitForURL((url) => url.pathname === start);
        await page.waitForLoadState('networkidle');
        const problems = await layoutProblems(page);
        await page.screenshot({ path: path.join(SHOTS, `first-day-${role}-${width}.png`), fullPage: true });
        expect(problems.overflow, `${role} at ${width}px is wider than the window`).toBeLessThanOrEqual(0);
        expect(problems.wrapped, `${role} at ${width}px`).toEqual([]);
        await page.context().close();
      },
      60_000,
    );

    it(`the call page fits ${width} px, and its dates are Moscow's with the browser in UTC`, async () => {
      const page = await newPage(width);
      await signIn(page, e2e.stack.manager);
      await page.goto(`${e2e.stack.base}/calls/${callId}`);
      const meta = page.locator('.meta-line').first();
      await expect.poll(() => meta.textContent()).toContain('15 нояб');
      expect(await meta.textContent()).toContain('01:30');
      expect(await page.title()).toBe('Звонок — OnTerms');
      await page.waitForLoadState('networkidle');
      const problems = await layoutProblems(page);
      await page.screenshot({ path: path.join(SHOTS, `first-day-call-${width}.png`), fullPage: true });
      expect(problems.overflow).toBeLessThanOrEqual(0);
      expect(problems.wrapped).toEqual([]);
      await page.context().close();
    }, 60_000);
  }
});

describe('no speech-to-text engine', () => {
  it('the upload page warns before sending audio alone; the call says why it waits and is analysed once a transcript is attached', async () => {
    const page = await newPage(1024);
    await signIn(page, e2e.stack.rep);
    await page.goto(e2e.stack.base + '/upload');
    // A recording the rep has not uploaded before (the same bytes would answer the existing call).
    const audio = await readFile(path.join(DEMO, 'northwind-net30.ogg'));
    await page
      .getByLabel('Выбрать записи…')
      .setInputFiles({ name: 'northwind.ogg', mimeType: 'audio/ogg', buffer: audio });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Распознавание речи не настроено');
    await page.screenshot({ path: path.join(SHOTS, 'first-day-upload-no-engine-1024.png'), fullPage: true });
    await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await page.getByRole('link', { name: 'Открыть' }).click();

    await expect
      .poll(() => page.locator('.call-recovery').textContent(), { timeout: 60_000 })
      .toContain('Звонок ждёт расшифровки');
    await page.screenshot({ path: path.join(SHOTS, 'first-day-call-waiting-1024.png'), fullPage: true });
    await page.getByTestId('attach-transcript-input').setInputFiles({
      name: 'northwind.json',
      mimeType: 'application/json',
      buffer: await readFile(path.join(DEMO, 'northwind-net30.json')),
    });
    await page.locator('.checklist').waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.locator('.status-badge').textContent(), { timeout: 60_000 })
      .toBe('проанализирован');
    expect(await page.locator('.call-recovery').count()).toBe(0);
    await page.context().close();
  }, 180_000);
});

describe('the review loop', () => {
  it("a rep's dispute reaches the manager's queue and counter; the manager's answer reaches the rep", async () => {
    const callId = await upload(
      e2e.stack.rep,
      'avtodetal-deflection',
      { clientName: 'Автодеталь', language: 'ru' },
      true,
    );
    const managerApi = await apiSession(e2e.stack.base, e2e.stack.manager);
    const note = await fetch(`${e2e.stack.base}/api/calls/${callId}/annotations`, {
      method: 'POST',
      headers: { ...managerApi, 'content-type': 'application/json' },
      body: JSON.stringify({ start: 2, body: 'Не назвал пени.' }),
    });
    expect(note.status).toBe(201);

    const rep = await newPage(390);
    await signIn(rep, e2e.stack.rep);
    await rep.waitForURL((url) => url.pathname === '/inbox');
    await rep.getByText('Не назвал пени.').first().waitFor();
    await rep.goto(`${e2e.stack.base}/calls/${callId}`);
    const thread = rep.locator('li.thread', { hasText: 'Не назвал пени.' });
    await thread.getByLabel('Ответ').fill('Пени я назвал на 12-й секунде.');
    await thread.getByRole('button', { name: 'Оспорить' }).click();
    await expect.poll(() => thread.locator('.entry[data-role="rep"]').count()).toBe(1);
    await rep.screenshot({ path: path.join(SHOTS, 'first-day-dispute-390.png'), fullPage: true });

    const manager = await newPage(1366);
    await signIn(manager, e2e.stack.manager);
    await manager.waitForURL((url) => url.pathname === '/inbox');
    await expect.poll(() => manager.locator('[data-counter="replies"]').textContent()).toBe('1');
    const queue = manager.getByRole('region', { name: 'Споры и ответы' });
    await queue.getByText('Пени я назвал на 12-й секунде.').waitFor();
    await manager.screenshot({ path: path.join(SHOTS, 'first-day-manager-queue-1366.png'), fullPage: true });
    await queue.getByRole('link').first().click();
    const open = manager.locator('li.thread', { hasText: 'Не назвал пени.' });
    await open.getByLabel('Ответ').fill('Да, вижу. Снимаю замечание.');
    await open.getByRole('button', { name: 'Ответить' }).click();
    // The conversation reads in order, each entry with who and when.
    await expect
      .poll(() => open.locator('.entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-role'))))
      .toEqual(['manager', 'rep', 'manager']);
    await expect.poll(() => manager.locator('[data-counter="replies"]').count()).toBe(0);

    await rep.goto(`${e2e.stack.base}/inbox`);
    await rep.getByText('руководитель ответил').waitFor();
    await expect.poll(() => rep.locator('[data-counter="feedback"]').textContent()).toBe('1');
    await rep.context().close();
    await manager.context().close();
  }, 180_000);
});
