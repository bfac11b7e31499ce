/**
 * In a real Chromium against the real server (apps/api/src/server.ts): the security headers are on
 * every answer and the built UI works under its Content Security Policy — no violation on the pages a
 * rep uses — and a call failed by an outage says so in Russian and comes back with "Retry processing".
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEMO, russianPage, SHOTS, stackPerFile } from './browser-session.ts';
import { apiSession } from './harness.ts';

const e2e = stackPerFile();

/** An uploaded, analysed call of the rep (over HTTP, as the upload page would). */
async function analysedCall(): Promise<string> {
  const session = await apiSession(e2e.stack.base, e2e.stack.rep);
  const form = new FormData();
  form.append('clientName', 'СтройМаркет');
  form.append('audio', new Blob([await readFile(path.join(DEMO, 'stroymarket-terms.ogg'))]), 'call.ogg');
  form.append(
    'transcript',
    new Blob([await readFile(path.join(DEMO, 'stroymarket-terms.json'))]),
    'call.json',
  );
  const res = await fetch(`${e2e.stack.base}/api/calls`, { method: 'POST', body: form, headers: session });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  for (let i = 0; i < 600; i++) {
    const call = (await (await fetch(`${e2e.stack.base}/api/calls/${id}`, { headers: session })).json()) as {
      status: string;
    };
    if (call.status === 'analyzed') return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the call was not analysed');
}

async function pageWatchingCsp(): Promise<{ page: Page; violations: string[] }> {
  const page = await russianPage(e2e.browser, 800);
  const violations: string[] = [];
  page.on(
    'console',
    (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()),
  );
  page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return { page, violations };
}

it('every answer carries the security headers', async () => {
  for (const url of ['/', '/api/health', '/calls/x']) {
    const res = await fetch(e2e.stack.base + url);
    expect(res.headers.get('content-security-policy'), url).toMatch(
      /default-src 'self'.*frame-ancestors 'none'/,
    );
    expect(res.headers.get('x-frame-options'), url).toBe('DENY');
    expect(res.headers.get('referrer-policy'), url).toBe('same-origin');
    expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
  }
});

it('a call failed by an outage says why in Russian; Retry processing brings it back, under the CSP', async () => {
  const id = await analysedCall();
  // As the worker leaves a call whose ffmpeg broke: failed with our code and text.
  await e2e.stack.database.db
    .updateTable('calls')
    .set({
      status: 'failed',
      failure_code: 'media_tools_broken',
      failure_reason: 'The audio tools on the server were not working, so the call could not be processed.',
    })
    .where('id', '=', id)
    .execute();

  const { page, violations } = await pageWatchingCsp();
  await page.goto(e2e.stack.base + '/');
  await page.getByLabel('Эл. почта').fill(e2e.stack.rep.email);
  await page.getByLabel('Пароль').fill(e2e.stack.rep.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('button', { name: 'Выйти' }).waitFor();
  await page.goto(`${e2e.stack.base}/calls/${id}`);
  await page.getByText('На сервере не работали инструменты обработки звука').waitFor();
  await page.screenshot({ path: path.join(SHOTS, 'call-failed-retry.png') });

  await page.getByRole('button', { name: 'Повторить обработку' }).click();
  await page.getByText('проанализирован').first().waitFor({ timeout: 60_000 });
  expect(await page.getByText('На сервере не работали').count()).toBe(0);
  // The waveform, the player and the dashboard load too: the CSP lets the real UI work.
  await page.goto(`${e2e.stack.base}/dashboard`);
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
}, 180_000);
