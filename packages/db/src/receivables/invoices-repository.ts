import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database.ts';
import { camelRow } from '../rows.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** One line of a receivables report, its client already matched. Dates are YYYY-MM-DD, amounts exact strings. */
export interface SnapshotRow {
  line: number;
  clientId: string;
  number: string;
  issuedOn: string;
  dueOn: string;
  currency: string;
  amount: string;
  balance: string;
  repId: string | null;
}

export interface SnapshotCounts {
  imported: number;
  updated: number;
  unchanged: number;
}

const CHUNK = 1000;

export async function insertReceivableImport(
  trx: Transaction<Database>,
  entry: {
    filename: string | null;
    asOf: string;
    importedBy: string | null;
    tokenId: string | null;
    rows: number;
  },
): Promise<string> {
  const row = await trx
    .insertInto('receivable_imports')
    .values({
      filename: entry.filename,
      as_of: entry.asOf,
      imported_by: entry.importedBy,
      token_id: entry.tokenId,
      rows: entry.rows,
      imported: 0,
      updated: 0,
      unchanged: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Applies a report as a snapshot, set-based in the caller's transaction: new invoices are inserted,
 * known ones updated, a lower balance than last time is recorded as a payment dated on the report's day,
 * and an identical line changes nothing (so re-importing the same report is a no-op). Invoices the report
 * does not mention are left alone: a report without a paid invoice does not make it unpaid.
 */
export async function applyReceivablesSnapshot(
  trx: Transaction<Database>,
  importId: string,
  asOf: string,
  rows: SnapshotRow[],
): Promise<SnapshotCounts> {
  await sql`
    create temp table receivable_import_rows (
      client_id uuid not null, number text not null, issued_on date not null, due_on date not null,
      currency text not null, amount numeric(18,2) not null, balance numeric(18,2) not null, rep_id uuid
    ) on commit drop
  `.execute(trx);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const values = sql.join(
      chunk.map(
        (r) =>
          sql`(${r.clientId}::uuid, ${r.number}, ${r.issuedOn}::date, ${r.dueOn}::date, ${r.currency}, ${r.amount}::numeric, ${r.balance}::numeric, ${r.repId}::uuid)`,
      ),
    );
    await sql`insert into receivable_import_rows values ${values}`.execute(trx);
  }

  const counts = await sql<{ imported: number; updated: number; unchanged: number }>`
    select count(*) filter (where i.id is null)::int as imported,
           count(*) filter (where i.id is not null and not ${same()})::int as updated,
           count(*) filter (where i.id is not null and ${same()})::int as unchanged
    from receivable_import_rows r
    left join receivable_invoices i on i.client_id = r.client_id and i.number = r.number
  `.execute(trx);

  await sql`
    insert into receivable_payments (invoice_id, import_id, amount, paid_on)
    select i.id, ${importId}::uuid, i.balance - r.balance, ${asOf}::date
    from receivable_import_rows r
    join receivable_invoices i on i.client_id = r.client_id and i.number = r.number
    where r.balance < i.balance
  `.execute(trx);

  await sql`
    update receivable_invoices i
    set issued_on = r.issued_on, due_on = r.due_on, currency = r.currency, amount = r.amount,
        balance = r.balance, rep_id = coalesce(r.rep_id, i.rep_id),
        paid_on = case when r.balance <= 0 then coalesce(i.paid_on, ${asOf}::date) end,
        last_import_id = ${importId}::uuid, updated_at = now()
    from receivable_import_rows r
    where i.client_id = r.client_id and i.number = r.number and not ${same()}
  `.execute(trx);

  // An invoice first seen already paid was paid on time if the report predates its due date; otherwise
  // when it was paid is unknown, and it is left out of "paid on time" figures.
  await sql`
    insert into receivable_invoices
      (client_id, number, issued_on, due_on, currency, amount, balance, rep_id, paid_on, last_import_id)
    select r.client_id, r.number, r.issued_on, r.due_on, r.currency, r.amount, r.balance, r.rep_id,
           case when r.balance <= 0 and ${asOf}::date <= r.due_on then ${asOf}::date end, ${importId}::uuid
    from receivable_import_rows r
    where not exists (
      select 1 from receivable_invoices i where i.client_id = r.client_id and i.number = r.number
    )
  `.execute(trx);

  const result = counts.rows[0]!;
  await trx
    .updateTable('receivable_imports')
    .set({ imported: result.imported, updated: result.updated, unchanged: result.unchanged })
    .where('id', '=', importId)
    .execute();
  return result;
}

/** The line and the stored invoice say the same thing. */
function same() {
  return sql`(i.issued_on = r.issued_on and i.due_on = r.due_on and i.currency = r.currency
    and i.amount = r.amount and i.balance = r.balance and i.rep_id is not distinct from coalesce(r.rep_id, i.rep_id))`;
}

export interface ReceivableInvoice {
  id: string;
  clientId: string;
  number: string;
  issuedOn: string;
  dueOn: string;
  currency: string;
  amount: number;
  balance: number;
  paidOn: string | null;
  repId: string | null;
}

export async function listClientInvoices(db: Db, clientId: string): Promise<ReceivableInvoice[]> {
  const rows = await db
    .selectFrom('receivable_invoices')
    .select([
      'id',
      'client_id',
      'number',
      sql<string>`issued_on::text`.as('issued_on'),
      sql<string>`due_on::text`.as('due_on'),
      'currency',
      'amount',
      'balance',
      sql<string | null>`paid_on::text`.as('paid_on'),
      'rep_id',
    ])
    .where('client_id', '=', clientId)
    .orderBy('due_on')
    .orderBy('number')
    .execute();
  return rows.map((r) => ({ ...camelRow(r), amount: Number(r.amount), balance: Number(r.balance) }));
}

export interface ReceivablePayment {
  invoiceId: string;
  number: string;
  amount: number;
  currency: string;
  paidOn: string;
}

export async function listClientPayments(db: Db, clientId: string): Promise<ReceivablePayment[]> {
  const rows = await db
    .selectFrom('receivable_payments as p')
    .innerJoin('receivable_invoices as i', 'i.id', 'p.invoice_id')
    .select([
      'p.invoice_id',
      'i.number',
      'p.amount',
      'i.currency',
      sql<string>`p.paid_on::text`.as('paid_on'),
    ])
    .where('i.client_id', '=', clientId)
    .orderBy('p.paid_on')
    .execute();
  return rows.map((r) => ({ ...camelRow(r), amount: Number(r.amount) }));
}

/** Whether any receivables have been imported at all (the demo loads its history only into an empty ledger). */
export async function hasReceivableInvoices(db: Db): Promise<boolean> {
  const row = await db.selectFrom('receivable_invoices').select('id').limit(1).executeTakeFirst();
  return row !== undefined;
}
