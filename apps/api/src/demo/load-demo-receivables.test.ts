import { describe, expect, it } from 'vitest';
import { getClientPage, NO_CREDIT_POLICY } from '@onterms/domain';
import { useTestApp } from '../testing/test-app.ts';
import { todayIn } from '@onterms/calendar';
import { loadDemoReceivables } from './load-demo-receivables.ts';

const t = useTestApp();

describe('the demo receivables', () => {
  it('tell a story: one client pays on time, one later and later, one is in its first delay — loaded once', async () => {
    const rep = await t.createUser('rep');
    const { email } = rep;
    expect(await loadDemoReceivables(t.database.db, { ru: email, en: email }, 'Europe/Moscow')).toEqual({
      imported: 8,
    });
    expect(await loadDemoReceivables(t.database.db, { ru: email, en: email }, 'Europe/Moscow')).toEqual({
      imported: 0,
    });
    const clients = await t.database.db.selectFrom('clients').select(['id', 'name', 'rep_id']).execute();
    expect(clients.every((c) => c.rep_id === rep.id)).toBe(true);
    const page = async (name: string) =>
      (await getClientPage(
        { db: t.database.db, policy: NO_CREDIT_POLICY, today: () => todayIn('Europe/Moscow') },
        clients.find((c) => c.name === name)!.id,
        [rep.id],
      ))!;
    expect((await page('ООО «СтройМаркет»')).risk).toMatchObject({ lateInvoices: 0 });
    expect((await page('АвтоДеталь Плюс')).risk).toMatchObject({ repeatedDelays: true, lateInvoices: 3 });
    expect((await page('Northwind Office Supply')).risk).toMatchObject({ firstDelay: true });
    expect((await page('Northwind Office Supply')).totals.currency).toBe('USD');
  });
});
