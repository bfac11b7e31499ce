/**
 * End to end in a real Chromium against the real API and PostgreSQL: a director publishes a credit
 * policy allowing 30 days of deferral at most; a call already analysed, where the rep offered 60 days,
 * is re-checked through the queue and shows the breach on the call page and on the dashboard.
 * Screenshots go to test-results/screenshots/.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertAnalysedCall } from '@onterms/domain/testing/policy-fixtures';
import { addDirector, russianPage, SHOTS, signInAt, stackPerFile } from './browser-session.ts';
import type { Person } from './harness.ts';

const e2e = stackPerFile();
let director: Person;
let sixtyDays: string;

beforeAll(async () => {
  director = await addDirector(e2e.stack);
  const recordedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
  sixtyDays = await insertAnalysedCall(e2e.stack.database.db, e2e.stack.rep.id, {
    client: 'ООО «Ромашка»',
    recordedAt,
    lines: [
      ['client', 'Какую отсрочку вы можете дать?'],
      ['rep', 'Для вас отсрочка шестьдесят дней с даты отгрузки.'],
      ['rep', 'При просрочке пени 0,1% за каждый день и остановим отгрузки.'],
    ],
  });
  await insertAnalysedCall(e2e.stack.database.db, e2e.stack.rep.id, {
    client: 'АО «Берёзка»',
    recordedAt,
    days: 20,
  });
}, 240_000);

const signIn = (page: Page, url: string) => signInAt(page, e2e.stack.base + url, director);

describe('the credit policy', () => {
  it('a director publishes 30 days max; the 60-day call shows the breach after the re-check', async () => {
    const page = await russianPage(e2e.browser);
    await signIn(page, '/credit-policy');
    await page.getByRole('heading', { name: 'Кредитная политика' }).waitFor();
    await page.getByText('Политика ещё не опубликована').waitFor();

    const editor = page.locator('.policy-editor');
    await editor.getByLabel('Максимальная отсрочка, дней').first().fill('30');
    await editor.getByLabel('Комментарий к версии').fill('Решение кредитного комитета');
    await editor.getByRole('button', { name: 'Проверить' }).click();
    await page.getByText('Политика корректна — можно публиковать.').waitFor();
    await editor.getByRole('button', { name: 'Опубликовать новую версию' }).click();
    await page.getByText(/Действует версия 1/).waitFor();
    await page.getByText('Все звонки проверены по версии 1.').waitFor({ timeout: 30_000 });
    await page.getByRole('cell', { name: 'Ольга Директорова' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'credit-policy.png'), fullPage: true });

    await page.goto(`${e2e.stack.base}/calls/${sixtyDays}`);
    const finding = page.locator('.finding[data-kind="deferral_over_limit"]');
    await finding.waitFor();
    expect(await finding.innerText()).toContain('Отсрочка больше разрешённой');
    expect(await finding.innerText()).toContain('Сказано: 60 дн.');
    expect(await finding.innerText()).toContain('По правилам: 30 дн.');
    await finding.getByRole('button', { name: /Прослушать момент/ }).waitFor();
    await page
      .getByText('У клиента нет сегмента — применён сегмент по умолчанию.', { exact: false })
      .waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'call-policy-findings.png'), fullPage: true });

    await page.goto(`${e2e.stack.base}/dashboard`);
    const section = page.locator('.policy-breaches');
    await section.getByText('Цифры по версии политики 1.').waitFor();
    const row = section.locator(`tr[data-key="${e2e.stack.rep.id}"]`);
    await row.waitFor();
    expect(await row.locator('.breaches-count').innerText()).toBe('1');
    await row.getByRole('button', { name: 'Павел Смирнов' }).click();
    const drill = section.locator('table.breaches');
    await drill.waitFor();
    const links = await drill
      .locator('a[href^="/calls/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual([`/calls/${sixtyDays}`]);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-policy.png'), fullPage: true });
    await page.context().close();
  });
});
