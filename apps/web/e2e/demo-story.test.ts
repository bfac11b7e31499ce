/**
 * The demo as a new user meets it, in a real Chromium (browser in UTC, company in Moscow): the server
 * started with `--demo` opens with twelve weeks of calls on the director's dashboard; a list chip opens
 * the call at that flag's moment; a manager corrects a flag by picking the line in the transcript,
 * with the mouse and with the keyboard; the audit log reads in names and before → after; a failed call
 * says in one panel what happened and what to do, and is analysed once its transcript is attached.
 * At 390, 1024 and 1366 px with no horizontal scroll. Screenshots: test-results/screenshots/demo-*.png.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDemoCalls } from '../../api/src/demo/demo-story.ts';
import { waitFor } from '../../api/src/testing/waiting.ts';
import {
  ROOT,
  apiSession,
  buildWebIfNeeded,
  launchChromium,
  startStack,
  type Person,
  type Stack,
} from './harness.ts';

const SHOTS = path.join(ROOT, 'test-results/screenshots');
const WIDTHS = [390, 1024, 1366] as const;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  buildWebIfNeeded();
  await mkdir(SHOTS, { recursive: true });
  stack = await startStack({ demo: true });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The sign-ins the demo printed as a table: `role  email  password`. */
function demoPerson(email: string): Person {
  const line = stack
    .output()
    .split('\n')
    .find((l) => l.trim().split(/\s+/)[1] === email);
  if (!line) throw new Error(`the demo did not print ${email}: ${stack.output()}`);
  const [, , password] = line.trim().split(/\s+/);
  return { id: '', email, password: password! };
}

async function signedIn(person: Person, width: number, url: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    locale: 'ru-RU',
    timezoneId: 'UTC',
  });
  const page = await context.newPage();
  await page.goto(stack.base + url);
  await page.getByLabel('Эл. почта').fill(person.email);
  await page.getByLabel('Пароль').fill(person.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.locator('header.topbar').waitFor();
  return page;
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the demo', () => {
  it('starts with twelve weeks of calls on the dashboard, and says how long loading took', async () => {
    const loaded = stack.output().match(/Demo: \d{3} sample calls loaded over 12 weeks .* in \d+\.\d s/);
    expect(loaded).not.toBeNull();
    console.log(loaded![0]);
    const page = await signedIn(demoPerson('director@demo.onterms.local'), 1366, '/dashboard');
    await page.getByRole('heading', { name: 'Условия в звонках' }).waitFor();
    await page.locator('.trend-chart canvas').first().waitFor();
    await page.getByText('Таблица по неделям').click();
    const weeks = page.locator('details tbody tr');
    await expect.poll(() => weeks.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: path.join(SHOTS, 'demo-dashboard-1366.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('opens a call from a ✗ chip in the list where that item should have been said', async () => {
    for (const width of WIDTHS) {
      const page = await signedIn(demoPerson('manager@demo.onterms.local'), width, '/calls');
      const missing = page.locator('a.chip-link.no[href*="?t="]').first();
      await missing.waitFor();
      const href = (await missing.getAttribute('href'))!;
      const at = Number(new URL(href, stack.base).searchParams.get('t'));
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `demo-list-chips-${width}.png`) });
      await missing.click();
      await page.waitForURL((url) => url.pathname.startsWith('/calls/') && url.searchParams.has('t'));
      // the line current in the transcript is the one the opportunity points at
      const current = page.locator('.transcript li[aria-current="true"] .time');
      await current.waitFor({ timeout: 30_000 });
      const [m, s] = (await current.textContent())!.split(':').map(Number) as [number, number];
      expect(m * 60 + s).toBe(Math.floor(at));
      await page.context().close();
    }
  }, 180_000);

  it('lets a manager pick the line of a correction in the transcript, by mouse and by keyboard', async () => {
    const manager = demoPerson('manager@demo.onterms.local');
    const headers = await apiSession(stack.base, manager);
    const list = (await fetch(`${stack.base}/api/calls?status=analyzed&pageSize=50`, { headers }).then((r) =>
      r.json(),
    )) as { items: { id: string; flags: Record<string, boolean>; corrected: string[] }[] };
    const target = list.items.find((c) => !c.flags.sanctions && !c.corrected.includes('sanctions'))!;
    const page = await signedIn(manager, 1366, `/calls/${target.id}`);
    await page.getByRole('button', { name: 'Исправить пункт «Санкции»' }).click();
    const form = page.getByRole('form', { name: 'Исправить пункт «Санкции»' });
    await form
      .getByLabel(/озвучено/)
      .first()
      .check();
    await form.getByRole('button', { name: 'Выбрать реплику в расшифровке' }).click();
    await page.getByRole('status').filter({ hasText: 'Щёлкните реплику' }).waitFor();
    // by mouse: a click on the text of the third line
    await page.locator('.transcript li[data-index="2"] .text').click();
    await expect
      .poll(() => form.getByRole('radio', { name: /выбранная реплика № 3/ }).isChecked())
      .toBe(true);
    // by keyboard: pick again, Tab to the «Выбрать» of the second line, Enter
    await form.getByRole('button', { name: 'Выбрать другую реплику' }).click();
    const pickSecond = page.getByRole('button', { name: /Выбрать реплику № 2 .* для «Санкции»/ });
    await pickSecond.focus();
    await page.keyboard.press('Enter');
    const picked = form.getByRole('radio', { name: /выбранная реплика № 2/ });
    await expect.poll(() => picked.isChecked()).toBe(true);
    expect(await picked.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'demo-correction-picked-1366.png'), fullPage: true });
    await form.getByLabel('Причина (видна менеджеру)').fill('Про пени сказал во второй реплике.');
    await form.getByRole('button', { name: 'Сохранить исправление' }).click();
    const detail = await waitFor(
      async () => {
        const call = (await fetch(`${stack.base}/api/calls/${target.id}`, { headers }).then((r) =>
          r.json(),
        )) as {
          corrections: Record<string, { stated: boolean; moments: { segment: number }[] }>;
        };
        return call.corrections.sanctions ? call : undefined;
      },
      'the correction to be stored',
      30_000,
    );
    expect(detail.corrections.sanctions).toMatchObject({ stated: true, moments: [{ segment: 1 }] });
    await page.context().close();
  }, 120_000);

  it('shows the audit log in names and before → after', async () => {
    for (const width of WIDTHS) {
      const page = await signedIn(
        demoPerson('admin@demo.onterms.local'),
        width,
        '/admin?tab=audit&action=call.',
      );
      const table = page.locator('table.calls');
      await table.getByText('→').first().waitFor();
      const text = (await table.textContent())!;
      expect(text).toMatch(/Ирина Соколова|Сергей Морозов/);
      expect(text).toMatch(/Уклонение: ✗ не озвучено \(машина\) → ✓ озвучено \(исправление\)/);
      expect(text).not.toMatch(UUID);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `demo-audit-${width}.png`), fullPage: true });
      await page.context().close();
    }
  }, 180_000);

  it('says in one panel why a call failed and what to do, and analyses it once its transcript is attached', async () => {
    const north = ['rep@demo.onterms.local', 'rep3@demo.onterms.local', 'rep4@demo.onterms.local'];
    const failed = planDemoCalls().filter((c) => c.broken && north.includes(c.repEmail));
    expect(failed.length).toBeGreaterThan(0);
    const manager = demoPerson('manager@demo.onterms.local');
    for (const width of WIDTHS) {
      const page = await signedIn(manager, width, `/calls/${failed[0]!.id}`);
      const panel = page.locator('.call-recovery');
      await panel.waitFor();
      expect(await panel.count()).toBe(1);
      expect(await page.locator('.error-box').count()).toBe(1); // no second panel repeating it
      const text = (await panel.textContent())!;
      expect(text).toContain('Что случилось:');
      expect(text).toContain('расшифровку не удалось прочитать');
      expect(text).toContain('Что делать:');
      // the fix is a new transcript: that is the first action; processing the same file again is not offered
      await panel.getByRole('button', { name: 'Загрузить расшифровку' }).waitFor();
      expect(await panel.getByRole('button', { name: 'Повторить обработку' }).count()).toBe(0);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `demo-failed-call-${width}.png`), fullPage: true });
      if (width === 1366) {
        await page.getByTestId('attach-transcript-input').setInputFiles({
          name: 'transcript.json',
          mimeType: 'application/json',
          buffer: await readFile(path.join(ROOT, 'apps/api/demo-data/stroymarket-terms.json')),
        });
        await expect.poll(() => page.locator('.call-recovery').count(), { timeout: 60_000 }).toBe(0);
        await page.locator('.checklist').waitFor();
        await page.screenshot({
          path: path.join(SHOTS, 'demo-failed-call-attached-1366.png'),
          fullPage: true,
        });
      }
      await page.context().close();
    }
  }, 240_000);
});
