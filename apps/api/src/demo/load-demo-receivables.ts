import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { hasReceivableInvoices, type Database } from '@onterms/db';
import { importReceivables, notAudited } from '@onterms/domain';
import { todayIn } from '@onterms/calendar';

const DAY = 86_400_000;

/** A demo invoice: issued `issued` days ago, due after `terms` days, paid `paidAfter` days after issue (or not). */
interface DemoInvoice {
  client: string;
  taxId: string;
  number: string;
  issued: number;
  terms: number;
  amount: number;
  paidAfter: number | null;
}

// The story the demo tells: СтройМаркет heard the terms and the sanctions and pays on time; АвтоДеталь
// was told «не беспокойтесь» and pays later and later; Northwind is in its first delay right now.
const INVOICES: DemoInvoice[] = [
  {
    client: 'ООО «СтройМаркет»',
    taxId: '7701234567',
    number: 'СМ-101',
    issued: 80,
    terms: 21,
    amount: 420_000,
    paidAfter: 12,
  },
  {
    client: 'ООО «СтройМаркет»',
    taxId: '7701234567',
    number: 'СМ-117',
    issued: 50,
    terms: 21,
    amount: 380_000,
    paidAfter: 13,
  },
  {
    client: 'ООО «СтройМаркет»',
    taxId: '7701234567',
    number: 'СМ-131',
    issued: 18,
    terms: 21,
    amount: 515_000,
    paidAfter: null,
  },
  {
    client: 'АвтоДеталь Плюс',
    taxId: '7709876543',
    number: 'АД-55',
    issued: 85,
    terms: 14,
    amount: 260_000,
    paidAfter: 26,
  },
  {
    client: 'АвтоДеталь Плюс',
    taxId: '7709876543',
    number: 'АД-61',
    issued: 55,
    terms: 14,
    amount: 310_000,
    paidAfter: 37,
  },
  {
    client: 'АвтоДеталь Плюс',
    taxId: '7709876543',
    number: 'АД-70',
    issued: 30,
    terms: 14,
    amount: 290_000,
    paidAfter: null,
  },
  {
    client: 'Northwind Office Supply',
    taxId: '9909000001',
    number: 'NW-2041',
    issued: 70,
    terms: 30,
    amount: 18_500,
    paidAfter: 22,
  },
  {
    client: 'Northwind Office Supply',
    taxId: '9909000001',
    number: 'NW-2077',
    issued: 38,
    terms: 30,
    amount: 22_000,
    paidAfter: null,
  },
];

/** Whose clients these are: the Russian-speaking rep's, and the English-speaking one's (Northwind). */
export interface DemoReceivableReps {
  ru: string;
  en: string;
}

/** The aging report as it looked `daysAgo` days ago: what had been issued by then, and what was still owed. */
function reportAsOf(daysAgo: number, reps: DemoReceivableReps, today: number): string {
  const day = (ago: number) => new Date(today - ago * DAY).toISOString().slice(0, 10);
  const lines = ['Контрагент;ИНН;Документ;Дата;Отсрочка, дней;Сумма;Остаток;Валюта;Менеджер'];
  for (const inv of INVOICES) {
    if (inv.issued < daysAgo) continue;
    const paid = inv.paidAfter !== null && inv.issued - inv.paidAfter >= daysAgo;
    const english = inv.client.startsWith('Northwind');
    const currency = english ? 'USD' : 'RUB';
    lines.push(
      [
        inv.client,
        inv.taxId,
        inv.number,
        day(inv.issued),
        inv.terms,
        inv.amount,
        paid ? 0 : inv.amount,
        currency,
        english ? reps.en : reps.ru,
      ].join(';'),
    );
  }
  return lines.join('\n');
}

/**
 * Receivables history for the demo clients, as reports from accounting would have brought it:
 * the client page, the follow-ups and the dashboard's outcome tell a story on first start. Skipped when
 * any invoice exists already (a second demo start keeps what is there).
 */
export async function loadDemoReceivables(
  db: Kysely<Database>,
  reps: DemoReceivableReps,
  timeZone: string,
): Promise<{ imported: number }> {
  if (await hasReceivableInvoices(db)) return { imported: 0 };
  const today = Date.parse(`${todayIn(timeZone)}T00:00:00Z`);
  let imported = 0;
  // A report on each day a payment came in, and today's: the fewest imports that tell the whole story
  // (the embedded database of `npm start -- --demo` is single-threaded; start-up time matters).
  const days = new Set([
    0,
    ...INVOICES.filter((i) => i.paidAfter !== null).map((i) => i.issued - i.paidAfter!),
  ]);
  for (const ago of [...days].sort((a, b) => b - a)) {
    const result = await importReceivables(
      { db, defaultCurrency: 'RUB', timeZone, audit: notAudited },
      {
        file: Readable.from([Buffer.from(reportAsOf(ago, reps, today), 'utf8')]),
        filename: `demo-aging-${ago}.csv`,
        asOf: new Date(today - ago * DAY).toISOString().slice(0, 10),
        by: { userId: null, tokenId: null },
      },
    );
    imported += result.imported;
  }
  return { imported };
}
