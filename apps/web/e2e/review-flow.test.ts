/**
 * End to end in a real Chromium against the real API, PostgreSQL and the in-process job runner:
 * a rep uploads a recording with its transcript and waits for "analysed"; opens it and J jumps the
 * audio to the first flagged moment; the manager leaves a note; the rep acknowledges it. Screenshots of
 * each main page go to test-results/screenshots/. Controls are checked for accessible names.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO, russianPage, SHOTS, stackPerFile } from './browser-session.ts';
import type { Person } from './harness.ts';

const e2e = stackPerFile();

const browserLog: string[] = [];

async function newPage(): Promise<Page> {
  const page = await russianPage(e2e.browser, 800);
  page.on('console', (m) => m.type() === 'error' && browserLog.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => browserLog.push(`page error: ${e.message}`));
  page.on(
    'response',
    (r) => r.status() >= 400 && browserLog.push(`${r.status()} ${r.request().method()} ${r.url()}`),
  );
  return page;
}

/** Keyboard only: focus the email field, type, Tab to the password, type, Enter. */
async function signIn(page: Page, person: Person): Promise<void> {
  await page.goto(e2e.stack.base + '/');
  await page.getByLabel('Эл. почта').focus();
  await page.keyboard.type(person.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(person.password);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Выйти' }).waitFor();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Выйти' }).click();
  await page.getByRole('button', { name: 'Войти' }).waitFor();
}

/** Every visible control has an accessible name (label, aria-label, text or title). */
async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'button, a[href], input, select, textarea, [role="button"]',
    )) {
      const input = el as HTMLInputElement;
      if (input.type === 'hidden') continue;
      const hidden = el.closest('.visually-hidden') && el.tagName !== 'INPUT';
      if (!el.offsetParent && !el.closest('.visually-hidden')) continue; // not rendered
      if (hidden) continue;
      const labelled =
        el.getAttribute('aria-label') ||
        el.getAttribute('aria-labelledby') ||
        el.getAttribute('title') ||
        (input.labels && input.labels.length > 0) ||
        (el.textContent ?? '').trim();
      if (!labelled) bad.push(el.outerHTML.slice(0, 120));
    }
    return bad;
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('the review UI in Chromium', () => {
  let current: Page | null = null;
  afterAll(async () => {
    if (browserLog.length) console.log(browserLog.join('\n'));
  });
  it('upload → analysed → J jumps to the first moment → a manager note → the rep acknowledges it', async () => {
    // --- the rep uploads a call with its transcript
    const rep = await newPage();
    current = rep;
    rep.on('close', () => (current = null));
    try {
      await flow(rep);
    } catch (error) {
      await current?.screenshot({ path: path.join(SHOTS, 'failure.png') }).catch(() => {});
      throw error;
    }
  }, 240_000);
});

async function flow(rep: Page): Promise<void> {
  {
    await signIn(rep, e2e.stack.rep);
    await expect(rep.getByText('Звонков пока нет.')).toBeTruthy();
    await shot(rep, '01-calls-empty');
    expect(await unlabelledControls(rep)).toEqual([]);

    await rep.getByRole('link', { name: 'Загрузить', exact: true }).click();
    await rep.getByRole('heading', { name: 'Загрузка звонков' }).waitFor();
    await rep.getByLabel('Выбрать записи…').setInputFiles({
      name: 'stroymarket-terms.ogg',
      mimeType: 'audio/ogg',
      buffer: await readFile(path.join(DEMO, 'stroymarket-terms.ogg')),
    });
    await rep.getByLabel('Добавить расшифровки…').setInputFiles({
      name: 'stroymarket-terms.json',
      mimeType: 'application/json',
      buffer: await readFile(path.join(DEMO, 'stroymarket-terms.json')),
    });
    await rep.getByLabel('Клиент').fill('СтройМаркет');
    await rep
      .getByRole('group', { name: /О звонках/ })
      .getByLabel('Язык')
      .selectOption('ru');
    expect(await unlabelledControls(rep)).toEqual([]);
    await rep.getByRole('button', { name: 'Загрузить', exact: true }).click();
    await rep.getByText('проанализирован').waitFor({ timeout: 90_000 });
    expect(await rep.getByRole('progressbar', { name: /stroymarket-terms\.ogg/ }).getAttribute('value')).toBe(
      '1',
    );
    await shot(rep, '02-upload-done');

    // --- the list shows it with its chips
    await rep.getByRole('link', { name: 'Звонки' }).click();
    await rep.getByRole('link', { name: /Открыть звонок: СтройМаркет/ }).waitFor();
    expect(await noHorizontalScroll(rep)).toBe(true);
    await shot(rep, '03-calls-list');

    // --- the call page: waveform from peaks, checklist, transcript; J → first flagged moment
    await rep.getByRole('link', { name: /Открыть звонок: СтройМаркет/ }).click();
    await rep.getByRole('heading', { name: 'Чек-лист' }).waitFor();
    await rep.locator('.waveform[data-ready="true"]').waitFor({ timeout: 30_000 });
    const callId = rep.url().split('/calls/')[1]!.split('?')[0]!;
    const detail = (await rep.evaluate(async (id) => (await fetch(`/api/calls/${id}`)).json(), callId)) as {
      flags: Record<string, { stated: boolean; moments: { start: number }[] }>;
      deflection: { moments: { start: number }[] };
    };
    const starts = [
      ...Object.values(detail.flags).flatMap((f) => (f.stated ? f.moments : [])),
      ...detail.deflection.moments,
    ]
      .map((m) => m.start)
      .sort((a, b) => a - b);
    expect(starts.length).toBeGreaterThan(0);
    await expect(rep.getByRole('list').getByText('✓').count()).resolves.toBeGreaterThan(0);
    expect(await rep.locator('.transcript .line').count()).toBeGreaterThan(3);
    expect(await noHorizontalScroll(rep)).toBe(true);
    expect(await unlabelledControls(rep)).toEqual([]);

    await rep.locator('body').click({ position: { x: 5, y: 5 } });
    await rep.keyboard.press('j');
    const firstMoment = starts.find((s) => s > 0.3)!;
    await expect
      .poll(() => rep.evaluate(() => document.querySelector('audio')!.currentTime), { timeout: 10_000 })
      .toBeCloseTo(firstMoment, 1);
    await rep.keyboard.press('ArrowRight');
    await expect
      .poll(() => rep.evaluate(() => document.querySelector('audio')!.currentTime))
      .toBeCloseTo(firstMoment + 5, 1);
    await rep.keyboard.press('Shift+?');
    await rep.getByRole('heading', { name: 'Клавиши' }).waitFor();
    await shot(rep, '04-call-page-rep');
    await signOut(rep);

    // --- the manager: deep link to the moment, leave a note there
    const manager = rep;
    await signIn(manager, e2e.stack.manager);
    await manager.goto(`${e2e.stack.base}/calls/${callId}?t=${firstMoment}`);
    await manager.getByRole('heading', { name: 'Чек-лист' }).waitFor();
    await expect
      .poll(() => manager.evaluate(() => document.querySelector('audio')!.currentTime), { timeout: 10_000 })
      .toBeGreaterThanOrEqual(firstMoment - 0.1);
    await manager.evaluate(() => document.querySelector('audio')!.pause());
    await manager.getByRole('button', { name: 'Заметка здесь' }).click();
    const form = manager.getByRole('form', { name: 'Новая заметка' });
    const tags = await form.getByLabel('Тег').locator('option').count();
    if (tags > 1) await form.getByLabel('Тег').selectOption({ index: 1 });
    await form.getByLabel('Комментарий').fill('Хорошо: условия названы сразу. Добавьте сумму пени в рублях.');
    await form.getByRole('button', { name: 'Сохранить заметку' }).click();
    await manager.getByText('Хорошо: условия названы сразу.').waitFor();
    await manager.getByText('ждёт ответа').waitFor();
    expect(await manager.getByRole('button', { name: /Исправить пункт/ }).count()).toBeGreaterThan(0);
    expect(await unlabelledControls(manager)).toEqual([]);
    await shot(manager, '05-call-page-manager-note');

    await manager.getByRole('link', { name: 'На проверку' }).click();
    await manager.getByRole('heading', { name: 'Звонки на проверку' }).waitFor();
    await shot(manager, '06-review-inbox');
    await signOut(manager);

    // --- the rep sees the feedback in the inbox and acknowledges it on the call page
    const again = manager;
    await signIn(again, e2e.stack.rep);
    await again.getByRole('link', { name: 'Мои замечания' }).click();
    await again.getByText('Хорошо: условия названы сразу.').waitFor();
    await shot(again, '07-feedback-inbox');
    await again
      .getByRole('region', { name: 'Замечания, ждущие ответа' })
      .getByRole('link', { name: /СтройМаркет/ })
      .click();
    await again.getByRole('button', { name: 'Принять' }).click();
    await again.locator('.thread .status', { hasText: 'принято' }).waitFor();
    await shot(again, '08-call-page-acknowledged');
    const threads = (await again.evaluate(
      async (id) => (await fetch(`/api/calls/${id}/annotations`)).json(),
      callId,
    )) as {
      threads: { status: string }[];
    };
    expect(threads.threads[0]!.status).toBe('acknowledged');

    // --- English is one switch away
    await again.getByLabel('Язык интерфейса').selectOption('en');
    await again.getByRole('heading', { name: 'Checklist' }).waitFor();
    await shot(again, '09-call-page-english');
  }
}
