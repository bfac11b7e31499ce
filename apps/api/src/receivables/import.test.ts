/**
 * Importing receivables through the API, against the real database: the file formats companies export
 * (CSV in UTF-8 and Windows-1251, XLSX), 1C-style headers, snapshot semantics, refusals that store nothing.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@onterms/db/testing';
import { postForm } from '../testing/multipart.ts';
import { useTestApp } from '../testing/test-app.ts';

const t = useTestApp();
let director: Record<string, string>;

beforeAll(async () => {
  director = (await t.createUser('director')).headers;
});

function upload(
  content: Buffer | string,
  headers: Record<string, string>,
  query = '',
  filename = 'report.csv',
) {
  return postForm(t.sut, `/api/receivables/imports${query}`, headers, {}, [
    { name: 'file', filename, content },
  ]);
}

const invoices = async () =>
  (
    await sql<{
      number: string;
      client: string;
      tax_id: string | null;
      due_on: string;
      amount: string;
      balance: string;
      currency: string;
      paid_on: string | null;
    }>`
      select i.number, c.name as client, c.tax_id, i.due_on::text, i.amount::text, i.balance::text, i.currency, i.paid_on::text
      from receivable_invoices i join clients c on c.id = i.client_id order by i.number
    `.execute(t.database.db)
  ).rows;

const payments = async () =>
  (
    await sql<{ number: string; amount: string; paid_on: string }>`
      select i.number, p.amount::text, p.paid_on::text from receivable_payments p
      join receivable_invoices i on i.id = p.invoice_id order by i.number, p.paid_on
    `.execute(t.database.db)
  ).rows;

describe('a UTF-8 CSV with Russian headers', () => {
  const report = (balance: string) =>
    [
      'Контрагент;ИНН;Документ;Дата;Отсрочка, дней;Сумма;Оплачено;Остаток;Менеджер',
      `ООО "Ромашка";7701000001;Реализация 101;01.11.2026;14;150 000,00;0;${balance};`,
      'Ромашка, ООО;7701000001;Реализация 102;05.11.2026;14;50 000,00;50 000,00;0;',
      'ИП Сидоров;;Счёт 7;2026-11-03;30;12 500,50;;12 500,50;',
    ].join('\n');

  it('imports every line, computing the due date from the terms and matching the client by tax id', async () => {
    const res = await upload(report('150 000,00'), director, '?asOf=2026-11-10');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 3, updated: 0, unchanged: 0, errors: [], rows: 3 });
    expect(res.json().newClients.map((c: { name: string }) => c.name)).toEqual([
      'ООО "Ромашка"',
      'ИП Сидоров',
    ]);
    expect(await invoices()).toEqual([
      expect.objectContaining({
        number: 'Реализация 101',
        client: 'ООО "Ромашка"',
        tax_id: '7701000001',
        due_on: '2026-11-15',
        amount: '150000.00',
        balance: '150000.00',
        currency: 'RUB',
      }),
      // first seen already paid, before its due date: paid on time, by the report's day
      expect.objectContaining({
        number: 'Реализация 102',
        client: 'ООО "Ромашка"',
        balance: '0.00',
        paid_on: '2026-11-10',
      }),
      expect.objectContaining({
        number: 'Счёт 7',
        client: 'ИП Сидоров',
        due_on: '2026-12-03',
        amount: '12500.50',
      }),
    ]);
  });

  it('re-importing the same report changes nothing', async () => {
    const res = await upload(report('150 000,00'), director, '?asOf=2026-11-10');
    expect(res.json()).toMatchObject({ imported: 0, updated: 0, unchanged: 3, newClients: [] });
    expect(await payments()).toEqual([]);
  });

  it('a later report with a lower balance records the difference as a payment, once', async () => {
    const first = await upload(report('40 000,00'), director, '?asOf=2026-11-16');
    expect(first.json()).toMatchObject({ imported: 0, updated: 1, unchanged: 2 });
    const again = await upload(report('40 000,00'), director, '?asOf=2026-11-16');
    expect(again.json()).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });
    expect(await payments()).toEqual([
      { number: 'Реализация 101', amount: '110000.00', paid_on: '2026-11-16' },
    ]);
  });

  it('a report that leaves out an invoice does not delete it or mark it unpaid', async () => {
    const res = await upload(
      'Контрагент;Документ;Дата;Срок оплаты;Сумма\nИП Сидоров;Счёт 8;04.11.2026;04.12.2026;100\n',
      director,
      '?asOf=2026-11-17',
    );
    expect(res.json()).toMatchObject({ imported: 1 });
    const rows = await invoices();
    expect(rows.map((r) => r.number)).toEqual(['Реализация 101', 'Реализация 102', 'Счёт 7', 'Счёт 8']);
    expect(rows[0]!.balance).toBe('40000.00');
  });
});

describe('other files companies export', () => {
  it('reads a 1C report in Windows-1251 with title lines, comma-separated, with «Покупатель» and «Срок оплаты»', async () => {
    const text = [
      'Задолженность покупателей',
      'Период: ноябрь 2026',
      '',
      '"Покупатель","ИНН","Документ","Дата","Срок оплаты","Сумма","Долг","Менеджер"',
      '"Василёк АО","7702000002","Реализация товаров 00-000045 от 02.11.2026","02.11.2026","02.12.2026","1 200 000,00","1 200 000,00",""',
      '"Итого","","","","","1 200 000,00","1 200 000,00",""',
    ].join('\r\n');
    const bytes = iconv.encode(text, 'win1251');
    expect(bytes.includes(Buffer.from('Покупатель'))).toBe(false); // really not UTF-8
    const res = await upload(bytes, director, '?asOf=2026-11-20');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 1 });
    expect((await invoices()).find((i) => i.client === 'Василёк АО')).toMatchObject({
      number: 'Реализация товаров 00-000045 от 02.11.2026',
      due_on: '2026-12-02',
      balance: '1200000.00',
      tax_id: '7702000002',
    });
  });

  it('reads an XLSX with English headers, real dates and numbers, and the rep by e-mail', async () => {
    const rep = await t.createUser('rep');
    const { email } = rep;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Aged receivables');
    sheet.addRow(['Customer', 'Tax ID', 'Invoice No.', 'Date', 'Due Date', 'Amount', 'Balance', 'Rep']);
    const day = (month: number, date: number) => new Date(Date.UTC(2026, month, date));
    const addAcmeRow = (invoice: string, date: Date, due: Date, amount: number, balance: number) =>
      sheet.addRow(['Acme Ltd', '9909000009', invoice, date, due, amount, balance, email]);
    addAcmeRow('INV-001', day(9, 1), day(9, 31), 5000, 2500);
    addAcmeRow('INV-002', day(9, 15), day(10, 14), 1234.5, 1234.5);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(bytes, director, '?asOf=2026-11-20', 'aged.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 2, unknownReps: [] });
    const acme = (await invoices()).filter((i) => i.client === 'Acme Ltd');
    expect(acme).toEqual([
      expect.objectContaining({
        number: 'INV-001',
        due_on: '2026-10-31',
        amount: '5000.00',
        balance: '2500.00',
      }),
      expect.objectContaining({ number: 'INV-002', due_on: '2026-11-14', amount: '1234.50' }),
    ]);
    const client = await t.database.db
      .selectFrom('clients')
      .select('rep_id')
      .where('name', '=', 'Acme Ltd')
      .executeTakeFirstOrThrow();
    expect(client.rep_id).toBe(rep.id);
  });

  it('maps an unknown layout by hand once, then recognises it by itself', async () => {
    const text = 'Организация;Номер;От;Крайний срок;Итог\nЛютик;L-1;01.11.2026;11.11.2026;300\n';
    const refused = await upload(text, director, '?asOf=2026-11-20');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: 'unrecognised_columns',
      headers: ['Организация', 'Номер', 'От', 'Крайний срок', 'Итог'],
    });
    const mapping = JSON.stringify({
      client: 'Организация',
      document: 'Номер',
      date: 'От',
      dueDate: 'Крайний срок',
      amount: 'Итог',
    });
    const mapped = await upload(
      text,
      director,
      `?asOf=2026-11-20&saveMapping=true&mapping=${encodeURIComponent(mapping)}`,
    );
    expect(mapped.json()).toMatchObject({ imported: 1 });
    const again = await upload(text.replace('300', '200'), director, '?asOf=2026-11-21');
    expect(again.json()).toMatchObject({ updated: 1 });
  });
});

describe('bad input is refused whole, naming the line and the column', () => {
  const count = async () =>
    Number(
      (await sql<{ n: string }>`select count(*) as n from receivable_invoices`.execute(t.database.db))
        .rows[0]!.n,
    );

  it('an unparseable date or amount', async () => {
    const before = await count();
    const res = await upload(
      'Client,Invoice,Date,Due date,Amount\nNew Co,N-1,2026-11-01,2026-11-30,100\nNew Co,N-2,31.02.2026,2026-11-30,100\nNew Co,N-3,2026-11-01,2026-11-30,12abc\n',
      director,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'invalid_rows',
      errors: [
        { line: 3, column: 'Дата / date', message: expect.stringContaining('31.02.2026') },
        { line: 4, column: 'Сумма / amount', message: expect.stringContaining('12abc') },
      ],
    });
    expect(await count()).toBe(before);
    expect(
      await t.database.db.selectFrom('clients').select('id').where('name', '=', 'New Co').execute(),
    ).toEqual([]);
  });

  it('amounts in two currencies without a currency column', async () => {
    const res = await upload(
      'Client;Invoice;Date;Due date;Amount\nA;1;01.11.2026;30.11.2026;$100\nB;2;01.11.2026;30.11.2026;100 €\n',
      director,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid_rows', errors: [{ line: 3 }] });
  });

  it('a file that is not a table', async () => {
    const res = await upload(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]),
      director,
      '',
      'logo.png',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('unsupported_file');
  });

  it('a name that matches two known clients', async () => {
    await upload(
      'Client;Tax id;Invoice;Date;Due date;Amount\nООО Берёза;7703000001;B-1;01.11.2026;30.11.2026;1\nБереза ЗАО;7703000002;B-2;01.11.2026;30.11.2026;1\n',
      director,
      '?asOf=2026-11-20',
    );
    const res = await upload(
      'Client;Invoice;Date;Due date;Amount\nБерёза;B-3;01.11.2026;30.11.2026;1\n',
      director,
      '?asOf=2026-11-20',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'ambiguous_clients',
      errors: [{ line: 2, message: expect.stringContaining('7703000002') }],
    });
  });
});

describe('who may import', () => {
  const tiny = 'Client;Invoice;Date;Due date;Amount\nTiny;T-1;01.11.2026;30.11.2026;1\n';

  it('directors, admins and tokens with receivables:import; not reps, managers or other tokens', async () => {
    const admin = await t.createUser('admin');
    const importer = await t.auth.tokens.create({
      name: '1c',
      scopes: ['receivables:import'],
      teamIds: [],
      createdBy: admin.id,
    });
    const uploader = await t.auth.tokens.create({
      name: 'pbx',
      scopes: ['calls:upload'],
      teamIds: [],
      createdBy: admin.id,
    });
    const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
    expect((await upload(tiny, (await t.createUser('rep')).headers, '?dryRun=true')).statusCode).toBe(403);
    expect((await upload(tiny, (await t.createUser('manager')).headers, '?dryRun=true')).statusCode).toBe(
      403,
    );
    expect((await upload(tiny, bearer(uploader.secret), '?dryRun=true')).statusCode).toBe(403);
    expect((await upload(tiny, admin.headers, '?dryRun=true')).json()).toMatchObject({
      imported: 1,
      dryRun: true,
    });
    const res = await upload(tiny, bearer(importer.secret));
    expect(res.json()).toMatchObject({ imported: 1, dryRun: false });
  });
});
