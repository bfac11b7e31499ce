import { sql, type Kysely } from 'kysely';

// Receivables: invoices and payments imported from accounting, promises to pay read from calls,
// snoozed follow-ups, saved column mappings. Frozen in time: never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  // Clients are matched by tax id first, then by a name with the legal form and punctuation removed
  // («ООО "Ромашка"» = «Ромашка, ООО»); the rep who looks after them decides who sees their receivables.
  await db.schema
    .alterTable('clients')
    .addColumn('tax_id', 'text')
    .addColumn('match_key', 'text')
    .addColumn('rep_id', 'uuid', (c) => c.references('users.id'))
    .execute();
  await sql`create unique index clients_tax_id_idx on clients (tax_id) where tax_id is not null`.execute(db);
  await db.schema.createIndex('clients_match_key_idx').on('clients').column('match_key').execute();
  await db.schema.createIndex('clients_rep_idx').on('clients').column('rep_id').execute();

  await db.schema
    .createTable('receivable_imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('filename', 'text')
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('imported_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('token_id', 'uuid')
    .addColumn('rows', 'integer', (c) => c.notNull())
    .addColumn('imported', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('unchanged', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // One invoice per client and document number. Amounts in the invoice's currency, kopecks exact.
  await db.schema
    .createTable('receivable_invoices')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('client_id', 'uuid', (c) => c.notNull().references('clients.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount', 'decimal(18, 2)', (c) => c.notNull())
    .addColumn('balance', 'decimal(18, 2)', (c) => c.notNull())
    .addColumn('rep_id', 'uuid', (c) => c.references('users.id'))
    // The report date on which the balance was first seen at zero: "paid by".
    .addColumn('paid_on', 'date')
    .addColumn('last_import_id', 'uuid', (c) => c.notNull().references('receivable_imports.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('receivable_invoices_client_number_key', ['client_id', 'number'])
    .execute();
  await db.schema
    .createIndex('receivable_invoices_due_idx')
    .on('receivable_invoices')
    .columns(['due_on', 'client_id'])
    .execute();
  // The follow-up queue and the client page's risk read only what is still owed.
  await sql`create index receivable_invoices_open_idx on receivable_invoices (due_on, client_id) where balance > 0`.execute(
    db,
  );
  await db.schema
    .createIndex('receivable_invoices_client_idx')
    .on('receivable_invoices')
    .columns(['client_id', 'due_on'])
    .execute();
  await db.schema
    .createIndex('receivable_invoices_rep_idx')
    .on('receivable_invoices')
    .columns(['rep_id', 'due_on'])
    .execute();

  // A payment is the difference between two snapshots of the same invoice.
  await db.schema
    .createTable('receivable_payments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('invoice_id', 'uuid', (c) =>
      c.notNull().references('receivable_invoices.id').onDelete('cascade'),
    )
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('receivable_imports.id'))
    .addColumn('amount', 'decimal(18, 2)', (c) => c.notNull())
    .addColumn('paid_on', 'date', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('receivable_payments_invoice_idx')
    .on('receivable_payments')
    .columns(['invoice_id', 'paid_on'])
    .execute();

  // Promises to pay read from collection calls, replaced with each analysis; `status` is set after imports.
  await db.schema
    .createTable('payment_promises')
    .addColumn('call_id', 'uuid', (c) => c.notNull().references('calls.id').onDelete('cascade'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('amount', 'decimal(18, 2)')
    .addColumn('currency', 'text')
    .addColumn('full', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('due', 'jsonb', (c) => c.notNull())
    // The deadline resolved against the day of the call; null when it cannot be (no date said).
    .addColumn('due_on', 'date')
    .addColumn('moments', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'kept', 'partly_kept', 'broken')`),
    )
    .addColumn('paid', 'decimal(18, 2)')
    .addColumn('checked_at', 'timestamptz')
    .addPrimaryKeyConstraint('payment_promises_pkey', ['call_id', 'ordinal'])
    .execute();
  await db.schema
    .createIndex('payment_promises_status_idx')
    .on('payment_promises')
    .columns(['status', 'due_on'])
    .execute();

  // A follow-up put aside by a manager until a date, with the reason (also in the audit log).
  await db.schema
    .createTable('follow_up_snoozes')
    .addColumn('item_key', 'text', (c) => c.primaryKey())
    .addColumn('until', 'timestamptz', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('snoozed_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // A layout the automatic header recognition does not know, mapped once by hand and reused.
  await db.schema
    .createTable('receivable_column_mappings')
    .addColumn('signature', 'text', (c) => c.primaryKey())
    .addColumn('mapping', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'receivable_column_mappings',
    'follow_up_snoozes',
    'payment_promises',
    'receivable_payments',
    'receivable_invoices',
    'receivable_imports',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema
    .alterTable('clients')
    .dropColumn('tax_id')
    .dropColumn('match_key')
    .dropColumn('rep_id')
    .execute();
}
