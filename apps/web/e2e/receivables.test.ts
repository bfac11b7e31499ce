/**
 * End to end in a real Chromium against the real API and PostgreSQL: a director imports an aging report
 * (check, then import), opens who to call, the client's page, and the dashboard's outcome — the clients
 * who heard the terms and sanctions paid on time, those who did not are late. Screenshots go to
 * test-results/screenshots/.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, DEFAULT_TIME_ZONE, todayIn } from '@onterms/calendar';
import { ALL_STATED, seedCall } from '../../api/src/testing/seed-calls.ts';
import { addDirector, SHOTS, signedInPage, stackPerFile } from './browser-session.ts';
import { apiSession, type Person } from './harness.ts';

const DAY = 86_400_000;
// Days as the product counts them: the company's (the stack runs with the default zone, Moscow). A UTC
// day here made the invoice 26 days late instead of 25 between 21:00 and midnight UTC.
const day = (offset: number) => addDays(todayIn(DEFAULT_TIME_ZONE), offset);
const ru = (iso: string) => iso.split('-').reverse().join('.');

const e2e = stackPerFile();
let director: Person;

function report(rep: string, romashka: number) {
  return [
    'Контрагент;ИНН;Документ;Дата;Срок оплаты;Сумма;Остаток;Менеджер',
    `ООО «Ромашка»;7701000001;Р-1;${ru(day(-40))};${ru(day(-25))};100000;${romashka};${rep}`,
    `АО «Василёк»;7702000002;В-1;${ru(day(-40))};${ru(day(-25))};50000;50000;${rep}`,
  ].join('\n');
}

async function importViaApi(headers: Record<string, string>, text: string, asOf: string) {
  const form = new FormData();
  form.append('file', new Blob([text]), 'aging.csv');
  const res = await fetch(`${e2e.stack.base}/api/receivables/imports?asOf=${asOf}`, {
    method: 'POST',
    headers,
    body: form,
  });
  if (!res.ok) throw new Error(`import failed: ${res.status} ${await res.text()}`);
}

beforeAll(async () => {
  const db = e2e.stack.database.db;
  director = await addDirector(e2e.stack);
  // Ромашка heard the terms, the deadline and the sanctions; Василёк did not hear the sanctions.
  await seedCall(db, {
    repId: e2e.stack.rep.id,
    client: 'ООО «Ромашка»',
    recordedAt: new Date(Date.now() - 45 * DAY).toISOString(),
    verdict: ALL_STATED,
  });
  await seedCall(db, {
    repId: e2e.stack.rep.id,
    client: 'Василёк, АО',
    recordedAt: new Date(Date.now() - 45 * DAY).toISOString(),
    verdict: { ...ALL_STATED, sanctions: false },
  });
  // Earlier weekly reports: both owed; then Ромашка paid before its due date.
  const headers = await apiSession(e2e.stack.base, director);
  await importViaApi(headers, report(e2e.stack.rep.email, 100000), day(-30));
  await importViaApi(headers, report(e2e.stack.rep.email, 0), day(-26));
}, 240_000);

describe('receivables, from the report to the outcome', () => {
  it('imports a report, shows who to call, the client page and the outcome numbers', async () => {
    const page = await signedInPage(e2e, '/receivables/import', director);
    await page.getByRole('heading', { name: 'Импорт задолженности' }).waitFor();

    // Today's report adds a new invoice for Ромашка; Василёк still owes.
    const today =
      report(e2e.stack.rep.email, 0) +
      `\nООО «Ромашка»;7701000001;Р-2;${ru(day(-2))};${ru(day(12))};70000;70000;${e2e.stack.rep.email}`;
    await page
      .getByLabel('Файл отчёта')
      .setInputFiles({ name: 'aging.csv', mimeType: 'text/csv', buffer: Buffer.from(today) });
    await page.getByRole('button', { name: 'Проверить файл' }).click();
    await page
      .getByTestId('import-counts')
      .filter({ hasText: 'Новых счетов: 1, обновлено: 0, без изменений: 2' })
      .waitFor();
    await page.getByRole('button', { name: 'Импортировать' }).click();
    await page.getByRole('status').filter({ hasText: 'Импорт завершён' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'receivables-import.png'), fullPage: true });

    // Who to call: Василёк is in its first delay and nobody called.
    await page.getByRole('link', { name: 'Кому позвонить' }).first().click();
    const item = page.locator('li[data-kind="overdue_no_call"]');
    await item.filter({ hasText: 'Первая просрочка' }).waitFor();
    expect(await page.getByTestId('follow-up-count').textContent()).toMatch(/\d+/);
    // the report's «АО «Василёк»» is the client an earlier call named «Василёк, АО»
    await item.getByRole('link', { name: 'Василёк, АО' }).click();

    // The client page: the risk, the balance, the invoice 25 days late, the negotiation call with its flags.
    await page.getByRole('heading', { name: 'Василёк, АО' }).waitFor();
    await page.getByText('Первая просрочка — позвоните сейчас').waitFor();
    expect(await page.getByTestId('client-overdue').textContent()).toMatch(/50\s000/);
    await page.getByText('просрочен на 25 дн.').first().waitFor();
    await page.getByText('✗ Санкции').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'receivables-client.png'), fullPage: true });

    // The dashboard's outcome: heard terms and sanctions → paid on time; did not → 25 days late.
    await page.getByRole('link', { name: 'Панель' }).click();
    await page.getByRole('heading', { name: 'Платят ли клиенты' }).waitFor();
    expect(await page.getByTestId('outcome-stated-share').textContent()).toMatch(/100\s?%/);
    expect(await page.getByTestId('outcome-notStated-share').textContent()).toMatch(/0\s?%/);
    expect(await page.getByTestId('outcome-stated-counts').textContent()).toContain('клиентов: 1, счетов: 1');
    expect(await page.getByTestId('outcome-notStated-counts').textContent()).toContain(
      'клиентов: 1, счетов: 1',
    );
    expect(await page.getByTestId('outcome-comparison').textContent()).toContain(
      'в среднем дней просрочки: 25',
    );
    await page.getByTestId('outcome-comparison').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'receivables-outcome.png'), fullPage: true });
    await page.context().close();
  }, 120_000);
});
