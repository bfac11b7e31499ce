/**
 * End to end in a real Chromium against the real API and PostgreSQL: a director opens the dashboard,
 * clicks a rep × flag cell and lands on the calls list showing exactly the calls behind that number.
 * Screenshots go to test-results/screenshots/.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { upsertFlagCorrection } from '@onterms/db';
import { ALL_STATED, seedCall } from '../../api/src/testing/seed-calls.ts';
import { addDirector, addPerson, SHOTS, signedInPage, stackPerFile } from './browser-session.ts';
import type { Person } from './harness.ts';

const e2e = stackPerFile();
let director: Person;
const expected: string[] = [];

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

beforeAll(async () => {
  const db = e2e.stack.database.db;
  director = await addDirector(e2e.stack);
  const team = await db
    .selectFrom('users')
    .select('team_id')
    .where('id', '=', e2e.stack.rep.id)
    .executeTakeFirstOrThrow();
  const other = await addPerson(e2e.stack, {
    email: 'anna@example.com',
    name: 'Анна Петрова',
    role: 'rep',
    teamId: team.team_id!,
  });
  const rep = e2e.stack.rep.id;
  // Павел: payment terms stated on c1 and c2 (c3 only after a manager's correction), not on c4.
  expected.push(
    await seedCall(db, { repId: rep, client: 'ООО Ромашка', recordedAt: daysAgo(2), verdict: ALL_STATED }),
  );
  expected.push(
    await seedCall(db, {
      repId: rep,
      client: 'АО Берёзка',
      recordedAt: daysAgo(9),
      verdict: { ...ALL_STATED, sanctions: false },
    }),
  );
  const corrected = await seedCall(db, {
    repId: rep,
    client: 'ИП Кузнецов',
    recordedAt: daysAgo(16),
    verdict: { payment_terms: false, deadline: true, sanctions: false, deflection: true },
  });
  await upsertFlagCorrection(db, {
    callId: corrected,
    flag: 'payment_terms',
    stated: true,
    moments: [],
    reason: 'озвучил в конце',
    authorId: e2e.stack.manager.id,
  });
  expected.push(corrected);
  await seedCall(db, {
    repId: rep,
    client: 'ООО Ландыш',
    recordedAt: daysAgo(3),
    verdict: { ...ALL_STATED, payment_terms: false },
  });
  await seedCall(db, { repId: rep, client: 'ООО Без анализа', recordedAt: daysAgo(1) }); // not analysed yet
  // Анна: all stated — hers must not show up behind Павел's number.
  await seedCall(db, {
    repId: other.id,
    client: 'ООО Ромашка',
    recordedAt: daysAgo(4),
    verdict: ALL_STATED,
  });
}, 240_000);

describe('the dashboard', () => {
  it('opens the calls behind a rep × flag cell in one click', async () => {
    const page = await signedInPage(e2e, '/dashboard', director);
    await page.getByRole('heading', { name: 'Условия в звонках' }).waitFor();
    // The cell shows the share (3 of 4 analysed: 75 %); its title names the counts.
    const cell = page.getByTitle('Павел Смирнов: Условия оплаты — 3 / 4', { exact: true });
    await cell.waitFor();
    await page.locator('.trend-chart canvas').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });

    // CSV of the reps table: UTF-8 with a BOM, `;`-separated, Cyrillic intact.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Скачать CSV' }).first().click(),
    ]);
    const csv = await readFile((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('Павел Смирнов;4;75;3;');

    // The print view: no navigation, no filters, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Печать' }).isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    await cell.click();
    await page.waitForURL(
      (url) => url.pathname === '/calls' && url.searchParams.get('stated') === 'payment_terms',
    );
    await page.getByRole('status').filter({ hasText: 'из 3' }).waitFor();
    const ids = await page
      .locator('table a[href^="/calls/"]')
      .evaluateAll((links) => [
        ...new Set(links.map((a) => a.getAttribute('href')!.split('?')[0]!.slice(7))),
      ]);
    expect(ids.sort()).toEqual([...expected].sort());
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-drill-down.png'), fullPage: true });
    await page.context().close();
  }, 120_000);
});
