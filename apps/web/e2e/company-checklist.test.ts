/**
 * End to end in a real Chromium against the real API and PostgreSQL: a director adds the company's own
 * checklist item «акт сверки» in the form (its name and how it is said in Russian and English),
 * first sees the server's error beside the field it names, publishes; a call analysed before, in
 * which the rep promised the reconciliation statement, is analysed again through the queue and shows
 * the item ✓; the dashboard says which checklist version its numbers come from.
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
let reconciliation: string;

beforeAll(async () => {
  director = await addDirector(e2e.stack);
  reconciliation = await insertAnalysedCall(e2e.stack.database.db, e2e.stack.rep.id, {
    client: 'ООО «Ромашка»',
    recordedAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    lines: [
      ['client', 'Пришлите, пожалуйста, документы по прошлым поставкам.'],
      ['rep', 'Акт сверки пришлю в пятницу, отсрочка тридцать дней с даты отгрузки.'],
    ],
  });
}, 240_000);

const signIn = (page: Page, url: string) => signInAt(page, e2e.stack.base + url, director);

describe('the company checklist form', () => {
  it('a director adds «акт сверки»; an old call that states it shows the item ✓ after the re-check', async () => {
    const page = await russianPage(e2e.browser);
    // before the publish the call has no such item
    await signIn(page, `/calls/${reconciliation}`);
    await page.locator('li.flag[data-flag="payment_terms"]').waitFor();
    expect(await page.locator('li.flag[data-flag="reconciliation"]').count()).toBe(0);

    await page.goto(`${e2e.stack.base}/credit-policy`);
    const section = page.locator('section.company-checklists');
    await section.getByText('Своего чек-листа нет — используется стандартный.').waitFor();
    await section.getByText('Своих пунктов пока нет — нажмите «Добавить пункт».').waitFor();
    await section.getByRole('button', { name: 'Добавить пункт' }).click();
    const item = section.getByRole('group', { name: /^Пункт/ });

    // a code in Cyrillic: the server names the field and the form shows it beside that field
    await item.getByLabel('Код пункта (латиница, например reconciliation)').fill('акт');
    await section.getByRole('button', { name: 'Проверить' }).click();
    const error = item.getByRole('alert');
    await error.waitFor();
    expect(await error.innerText()).toContain('Ошибка в поле /items/0/id');

    await item.getByLabel('Код пункта (латиница, например reconciliation)').fill('reconciliation');
    await item.getByLabel('Название пункта').fill('Акт сверки');
    await item.getByLabel('Как это говорят по-русски (фраза на строку)').fill('акт сверки');
    await item.getByLabel('Как это говорят по-английски (фраза на строку)').fill('reconciliation statement');
    await section.getByRole('button', { name: 'Проверить' }).click();
    await section.getByText(/^Чек-лист корректен — можно публиковать\. Пункты: .*reconciliation/).waitFor();
    expect(await item.getByRole('alert').count()).toBe(0);
    // the form and the JSON are one draft
    const json = JSON.parse(await section.getByLabel('JSON чек-листа').inputValue());
    expect(json.items).toEqual([
      {
        id: 'reconciliation',
        title: 'Акт сверки',
        cues: { ru: ['акт сверки'], en: ['reconciliation statement'] },
      },
    ]);

    await section.getByRole('button', { name: 'Опубликовать чек-лист' }).click();
    await section.getByText(/^Действует версия 1 от/).waitFor();
    await section
      .getByText('Все звонки проанализированы по версии 1 чек-листа.')
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, 'company-checklist.png'), fullPage: true });

    await page.goto(`${e2e.stack.base}/calls/${reconciliation}`);
    const flag = page.locator('li.flag[data-flag="reconciliation"]');
    await flag.waitFor();
    expect(await flag.getAttribute('class')).toContain('stated');
    expect(await flag.locator('.flag-icon').innerText()).toBe('✓');
    // named as the company named it
    await flag.locator('.flag-head strong', { hasText: /^Акт сверки$/ }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'call-company-item.png'), fullPage: true });

    await page.goto(`${e2e.stack.base}/dashboard`);
    await page
      .getByText(/^Цифры по правилам: переговоры об условиях — чек-лист компании, версия 1;/)
      .waitFor();
    await page.context().close();
  });
});
