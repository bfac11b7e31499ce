// `npm run bench:receivables [-- --rows 100000]`: imports a generated aging report (5,000 clients, 20
// invoices each by default, semicolon CSV in Windows-1251 as 1C writes it) into a scratch PostgreSQL
// database, three times: new (every invoice inserted), the same report again (all unchanged), and a
// later report where every tenth invoice was paid (payments recorded). Prints seconds and rows/s for
// each, against a baseline measured in the same run: only reading and checking the file, no database.
// Target: 100,000 rows in < 30 s. The scratch database is dropped at the end. Asserts nothing.
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { createTestDatabase } from '@onterms/db/testing';
import { importReceivables } from '../src/receivables/import-receivables.ts';
import { readTable } from '../src/receivables/read-table.ts';
import { notAudited } from '../src/audit.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg('rows', 100_000);
const PER_CLIENT = 20;

function report(paidEvery: number): Buffer {
  const lines = ['Контрагент;ИНН;Документ;Дата;Отсрочка, дней;Сумма;Оплачено;Остаток;Менеджер'];
  for (let i = 0; i < ROWS; i++) {
    const client = Math.floor(i / PER_CLIENT);
    const amount = 1000 + (i % 997) * 137;
    const paid = paidEvery && i % paidEvery === 0 ? amount : 0;
    const day = 1 + (i % 28);
    lines.push(
      `ООО "Клиент ${client}";77${String(client).padStart(8, '0')};Реализация ${i};${String(day).padStart(2, '0')}.10.2026;30;` +
        `${amount},00;${paid},00;${amount - paid},00;`,
    );
  }
  return iconv.encode(lines.join('\r\n'), 'win1251');
}

const chunks = (bytes: Buffer) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
    })(),
  );

const database = await createTestDatabase();
const deps = { db: database.db, defaultCurrency: 'RUB', timeZone: 'Europe/Moscow', audit: notAudited };
const by = { userId: null, tokenId: null };
const seconds = async (work: () => Promise<unknown>) => {
  const t0 = performance.now();
  await work();
  return (performance.now() - t0) / 1000;
};
const line = (label: string, s: number, base: number) =>
  console.log(
    `${label.padEnd(44)} ${s.toFixed(2).padStart(7)} s  ${Math.round(ROWS / s)
      .toLocaleString('en')
      .padStart(9)} rows/s  ×${(s / base).toFixed(1)} baseline`,
  );

try {
  const first = report(0);
  const later = report(10);
  console.log(`${ROWS.toLocaleString('en')} rows, ${(first.length / 1e6).toFixed(1)} MB (Windows-1251, ;)`);
  const base = await seconds(async () => {
    let n = 0;
    for await (const rows of readTable(chunks(first))) n += rows.length;
    if (n !== ROWS + 1) throw new Error(`read ${n} rows`);
  });
  line('baseline: read the file only', base, base);
  line(
    'import, all new',
    await seconds(() =>
      importReceivables(deps, { file: chunks(first), filename: 'a.csv', asOf: '2026-11-01', by }),
    ),
    base,
  );
  line(
    'the same report again (all unchanged)',
    await seconds(() =>
      importReceivables(deps, { file: chunks(first), filename: 'a.csv', asOf: '2026-11-01', by }),
    ),
    base,
  );
  line(
    'a later report, every 10th invoice paid',
    await seconds(() =>
      importReceivables(deps, { file: chunks(later), filename: 'b.csv', asOf: '2026-11-08', by }),
    ),
    base,
  );
  console.log('target: 100,000 rows < 30 s');
} finally {
  await database.drop();
}
