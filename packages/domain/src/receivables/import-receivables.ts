import type { Kysely } from 'kysely';
import {
  applyReceivablesSnapshot,
  clientMatchKey,
  clientNameKey,
  insertImportedClients,
  insertReceivableImport,
  listClientRefs,
  listColumnMappings,
  listUserIdentities,
  saveColumnMapping,
  settlePromises,
  updateClientFromImport,
  type ClientRef,
  type Database,
  type SnapshotRow,
} from '@onterms/db';
import {
  applyMapping,
  FIELD_LABELS,
  headerSignature,
  isUsable,
  RECEIVABLE_FIELDS,
  recogniseColumns,
  type ColumnMap,
  type ReceivableField,
} from './columns.ts';
import { AppError } from '../app-error.ts';
import type { Audit } from '../audit.ts';
import { readTable, TableFormatError, type Cell, type TableRow } from './read-table.ts';
import { addDays, currencyOf, fromCents, parseAmount, parseDay, parseTermsDays, toCents } from './values.ts';

export interface ImportReceivablesDeps {
  db: Kysely<Database>;
  /** The company's currency, for files that name none. */
  defaultCurrency: string;
  /** The company's time zone: the day a call was made, for checking promises. */
  timeZone: string;
  /** Writes `receivables.imported` for whoever imports (`input.by`). */
  audit: Audit;
}

export interface ImportReceivablesInput {
  file: AsyncIterable<Buffer | Uint8Array>;
  filename: string | null;
  /** The report's date (YYYY-MM-DD): payments seen in it are dated on this day. */
  asOf: string;
  by: { userId: string | null; tokenId: string | null };
  /** A layout mapped by hand: field → header text. Saved for the next file when `saveMapping`. */
  mapping?: Partial<Record<ReceivableField, string>>;
  saveMapping?: boolean;
  /** Check and count everything, store nothing: the confirmation step before the real import. */
  dryRun?: boolean;
}

export interface ImportProblem {
  line: number | null;
  column?: string;
  message: string;
}

export interface ImportReceivablesResult {
  imported: number;
  updated: number;
  unchanged: number;
  errors: ImportProblem[];
  rows: number;
  asOf: string;
  dryRun: boolean;
  /** Clients the file names that were not known: created, listed for a person to confirm. */
  newClients: { line: number; name: string; taxId: string | null }[];
  /** Rep names or e-mails in the file that match no user: those invoices keep no rep. */
  unknownReps: string[];
}

export type ImportFailure =
  'unsupported_file' | 'unrecognised_columns' | 'invalid_rows' | 'ambiguous_clients';

/**
 * The file is refused as a whole; nothing was stored. The lines at fault go to the caller as `errors`;
 * for `unrecognised_columns` also the header row as found and the fields it can be mapped to.
 */
function refused(
  reason: ImportFailure,
  message: string,
  errors: ImportProblem[] = [],
  headers: string[] = [],
): AppError {
  return new AppError(reason, message, {
    details: {
      errors,
      ...(reason === 'unrecognised_columns' && { headers, fields: [...RECEIVABLE_FIELDS] }),
    },
  });
}

const HEADER_SEARCH_ROWS = 30;
const MAX_ERRORS = 50;
const TOTAL_ROW = /^(итого|всего|total|grand total)(?!\p{L})/iu;

/** One line of the file, read and checked, before its client is matched. */
interface ParsedLine {
  line: number;
  clientName: string;
  taxId: string | null;
  repText: string | null;
  number: string;
  issuedOn: string;
  dueOn: string;
  currency: string | null;
  amount: string;
  balance: string;
}

/**
 * Imports a receivables report (aging report, invoice list) as a snapshot of who owes what, in one
 * transaction: new invoices are added, known ones updated, lower balances recorded as payments; then
 * every promise to pay whose date has passed is checked against the payments. A file with any bad line
 * is refused whole, naming the lines and columns. A stored import (not a dry run) is audited.
 */
export async function importReceivables(
  deps: ImportReceivablesDeps,
  input: ImportReceivablesInput,
): Promise<ImportReceivablesResult> {
  const result = await importReport(deps, input);
  if (!result.dryRun) {
    await deps.audit({
      action: 'receivables.imported',
      objectType: 'receivables_import',
      details: {
        filename: input.filename,
        asOf: result.asOf,
        imported: result.imported,
        updated: result.updated,
      },
    });
  }
  return result;
}

async function importReport(
  deps: ImportReceivablesDeps,
  input: ImportReceivablesInput,
): Promise<ImportReceivablesResult> {
  const saved = await listColumnMappings(deps.db);
  const { lines, header, columns } = await readLines(input, saved);
  const currencies = resolveCurrencies(lines, columns, deps.defaultCurrency);

  const outcome = await deps.db
    .transaction()
    .execute(async (trx) => {
      const reps = repResolver(await listUserIdentities(trx));
      const clients = clientMatcher(await listClientRefs(trx));
      const problems: ImportProblem[] = [];
      const newClients: ImportReceivablesResult['newClients'] = [];
      const seen = new Map<string, number>();
      const rows: SnapshotRow[] = [];
      const latestRep = new Map<string, { on: string; repId: string }>();

      // Matched in memory first; clients met for the first time get a placeholder, then are created
      // together in one statement per thousand.
      const created: {
        line: number;
        name: string;
        taxId: string | null;
        repId: string | null;
        ref: ClientRef;
      }[] = [];
      const matched: { line: ParsedLine; index: number; client: ClientRef; repId: string | null }[] = [];
      for (const [i, l] of lines.entries()) {
        const repId = l.repText ? reps.find(l.repText) : null;
        const match = clients.match(l.clientName, l.taxId);
        if (match.kind === 'ambiguous') {
          problems.push({
            line: l.line,
            column: FIELD_LABELS.client,
            message: `«${l.clientName}» matches several clients (${match.candidates
              .map((c) => `${c.name}${c.taxId ? `, ИНН ${c.taxId}` : ''}`)
              .join('; ')}): add the tax id column (ИНН) to tell them apart.`,
          });
          if (problems.length >= MAX_ERRORS) break;
          continue;
        }
        let client = match.kind === 'found' ? match.client : null;
        if (!client) {
          client = { id: `new:${created.length}`, name: l.clientName, taxId: l.taxId, matchKey: null, repId };
          clients.add(client);
          created.push({ line: l.line, name: l.clientName, taxId: l.taxId, repId, ref: client });
        }
        matched.push({ line: l, index: i, client, repId });
      }
      if (!problems.length && created.length) {
        const inserted = await insertImportedClients(trx, created);
        for (const c of created) {
          const real = inserted.get(clientNameKey(c.name))!;
          c.ref.id = real.id; // every line matched to the placeholder now points at the real client
          c.ref.taxId = real.taxId;
          newClients.push({ line: c.line, name: real.name, taxId: real.taxId });
        }
      }
      for (const { line: l, index: i, client, repId } of matched) {
        if (problems.length >= MAX_ERRORS) break;
        const key = `${client.id}\u0000${l.number}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          problems.push({
            line: l.line,
            column: FIELD_LABELS.document,
            message: `Invoice «${l.number}» of «${l.clientName}» is already on line ${earlier}.`,
          });
          continue;
        }
        seen.set(key, l.line);
        if (repId) {
          const last = latestRep.get(client.id);
          if (!last || last.on <= l.issuedOn) latestRep.set(client.id, { on: l.issuedOn, repId });
        }
        rows.push({
          line: l.line,
          clientId: client.id,
          number: l.number,
          issuedOn: l.issuedOn,
          dueOn: l.dueOn,
          currency: currencies[i]!,
          amount: l.amount,
          balance: l.balance,
          repId,
        });
      }
      if (problems.length) {
        const ambiguous = problems.some((p) => p.column === FIELD_LABELS.client);
        throw refused(
          ambiguous ? 'ambiguous_clients' : 'invalid_rows',
          `${problems.length} line(s) cannot be imported (a client that matches several, an invoice twice); nothing was imported.`,
          problems,
        );
      }

      for (const [clientId, taxId] of clients.learnedTaxIds)
        await updateClientFromImport(trx, clientId, { taxId });
      for (const [clientId, { repId }] of latestRep) {
        if (clients.byId.get(clientId)?.repId !== repId)
          await updateClientFromImport(trx, clientId, { repId });
      }
      const importId = await insertReceivableImport(trx, {
        filename: input.filename,
        asOf: input.asOf,
        importedBy: input.by.userId,
        tokenId: input.by.tokenId,
        rows: rows.length,
      });
      const counts = await applyReceivablesSnapshot(trx, importId, input.asOf, rows);
      await settlePromises(trx, input.asOf, deps.timeZone);
      if (input.mapping && input.saveMapping && !input.dryRun) {
        await saveColumnMapping(trx, headerSignature(header), input.mapping, input.by.userId);
      }
      const result: ImportReceivablesResult = {
        ...counts,
        errors: [],
        rows: rows.length,
        asOf: input.asOf,
        dryRun: Boolean(input.dryRun),
        newClients,
        unknownReps: reps.unknown(),
      };
      // A dry run does everything in the transaction and rolls it back, so its counts are the real ones.
      if (input.dryRun) throw new DryRunDone(result);
      return result;
    })
    .catch((error: unknown) => {
      if (error instanceof DryRunDone) return error.result;
      throw error;
    });
  return outcome;
}

class DryRunDone extends Error {
  constructor(readonly result: ImportReceivablesResult) {
    super('dry run');
  }
}

/** Streams the file: finds the header row, then reads and checks every line, collecting problems. */
async function readLines(
  input: ImportReceivablesInput,
  saved: Map<string, Record<string, string>>,
): Promise<{ lines: ParsedLine[]; header: Cell[]; columns: ColumnMap }> {
  let header: Cell[] | null = null;
  let columns: ColumnMap = {};
  const before: TableRow[] = [];
  const lines: ParsedLine[] = [];
  const problems: ImportProblem[] = [];
  try {
    reading: for await (const rows of readTable(input.file)) {
      for (const row of rows) {
        if (!header) {
          const found = findColumns(row.cells, input.mapping, saved);
          if (found) {
            header = row.cells;
            columns = found;
            continue;
          }
          before.push(row);
          if (before.length >= HEADER_SEARCH_ROWS) break reading;
          continue;
        }
        if (problems.length >= MAX_ERRORS) continue;
        const parsed = readLine(row, columns, problems);
        if (parsed) lines.push(parsed);
      }
    }
  } catch (error) {
    if (error instanceof TableFormatError) {
      throw refused('unsupported_file', error.message, [{ line: error.line, message: error.message }]);
    }
    throw error;
  }
  if (!header) {
    const widest = before.reduce<TableRow | null>(
      (best, r) => (!best || filled(r.cells) > filled(best.cells) ? r : best),
      null,
    );
    throw refused(
      'unrecognised_columns',
      'No client, amount and date columns were recognised. Map the columns of this layout once (it is remembered), or rename the headers (Контрагент / client, Сумма / amount, Дата / date).',
      [{ line: widest?.line ?? null, message: 'Header row not recognised.' }],
      (widest?.cells ?? []).map((c) => String(c ?? '')),
    );
  }
  if (problems.length) {
    throw refused(
      'invalid_rows',
      `${problems.length} line(s) cannot be read; nothing was imported. Fix them and import the file again.`,
      problems,
    );
  }
  return { lines, header, columns };
}

const filled = (cells: Cell[]) => cells.filter((c) => c !== null && String(c).trim() !== '').length;

function findColumns(
  cells: Cell[],
  mapping: ImportReceivablesInput['mapping'],
  saved: Map<string, Record<string, string>>,
): ColumnMap | null {
  if (mapping) {
    const mapped = applyMapping(cells, mapping);
    if (isUsable(mapped)) return mapped;
  }
  const remembered = saved.get(headerSignature(cells));
  if (remembered) return applyMapping(cells, remembered);
  const recognised = recogniseColumns(cells);
  return isUsable(recognised) ? recognised : null;
}

function readLine(row: TableRow, columns: ColumnMap, problems: ImportProblem[]): ParsedLine | null {
  const cell = (field: ReceivableField): Cell =>
    columns[field] === undefined ? null : (row.cells[columns[field]!] ?? null);
  const text = (field: ReceivableField) => String(cell(field) ?? '').trim();
  const clientName = text('client');
  if (TOTAL_ROW.test(clientName) || TOTAL_ROW.test(String(row.cells[0] ?? '').trim())) return null;
  if (!row.cells.some((c) => c !== null && String(c).trim() !== '')) return null;
  const problem = (field: ReceivableField, message: string) => {
    problems.push({
      line: row.line,
      column: FIELD_LABELS[field],
      message: `Line ${row.line}, column «${FIELD_LABELS[field]}»: ${message}`,
    });
    return null;
  };
  if (!clientName) return problem('client', 'the client is empty.');

  const issued = columns.date !== undefined ? parseDay(cell('date')) : null;
  if (columns.date !== undefined && !issued)
    return problem('date', `«${text('date')}» is not a date (expected 31.12.2026 or 2026-12-31).`);
  let dueOn: string | null = null;
  if (columns.dueDate !== undefined && text('dueDate')) {
    dueOn = parseDay(cell('dueDate'));
    if (!dueOn) return problem('dueDate', `«${text('dueDate')}» is not a date.`);
  } else if (columns.termsDays !== undefined && text('termsDays')) {
    const days = parseTermsDays(cell('termsDays'));
    if (days === null) return problem('termsDays', `«${text('termsDays')}» is not a number of days.`);
    if (!issued) return problem('date', 'the invoice date is needed to count the payment terms from.');
    dueOn = addDays(issued, days);
  }
  if (!dueOn) {
    return problem(
      columns.dueDate !== undefined ? 'dueDate' : 'termsDays',
      'no due date and no payment terms: the due date cannot be known.',
    );
  }
  const money = (field: ReceivableField) => {
    const parsed = parseAmount(cell(field));
    if (!parsed) problem(field, `«${text(field)}» is not an amount.`);
    return parsed;
  };
  const amount = columns.amount !== undefined ? money('amount') : null;
  const paid = columns.paid !== undefined ? money('paid') : null;
  const balance = columns.balance !== undefined && text('balance') !== '' ? money('balance') : null;
  if ((columns.amount !== undefined && !amount) || (columns.paid !== undefined && !paid)) return null;
  if (columns.balance !== undefined && text('balance') !== '' && !balance) return null;
  const amountCents = amount
    ? toCents(amount.value)
    : toCents(balance?.value ?? '0.00') + toCents(paid?.value ?? '0.00');
  const balanceCents = balance ? toCents(balance.value) : amountCents - toCents(paid?.value ?? '0.00');
  const currencyText = columns.currency !== undefined ? text('currency') : '';
  const currency = currencyText
    ? currencyOf(currencyText)
    : (amount?.currency ?? balance?.currency ?? paid?.currency ?? null);
  if (currencyText && !currency) return problem('currency', `«${currencyText}» is not a currency.`);
  const issuedOn = issued ?? dueOn;
  return {
    line: row.line,
    clientName,
    taxId: text('taxId').replace(/\s/g, '') || null,
    repText: text('rep') || null,
    number: text('document') || `${issuedOn} ${fromCents(amountCents)}`,
    issuedOn,
    dueOn,
    currency,
    amount: fromCents(amountCents),
    balance: fromCents(balanceCents),
  };
}

/**
 * Every line's currency: its own when the file names it per line (a currency column), else the one
 * currency the amounts carry, else the company's. Amounts in two currencies without a column are refused.
 */
function resolveCurrencies(lines: ParsedLine[], columns: ColumnMap, fallback: string): string[] {
  if (columns.currency !== undefined) return lines.map((l) => l.currency ?? fallback);
  const first = lines.find((l) => l.currency);
  const other = first && lines.find((l) => l.currency && l.currency !== first.currency);
  if (first && other) {
    throw refused(
      'invalid_rows',
      `The amounts are in ${first.currency} (line ${first.line}) and ${other.currency} (line ${other.line}) but the file has no currency column; nothing was imported. Add a «Валюта / currency» column or import one currency per file.`,
      [
        {
          line: other.line,
          column: FIELD_LABELS.amount,
          message: `Line ${other.line}: ${other.currency} in a file of ${first.currency}.`,
        },
      ],
    );
  }
  return lines.map(() => first?.currency ?? fallback);
}

function repResolver(users: { id: string; email: string; name: string }[]) {
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  const byName = new Map<string, string | null>();
  for (const u of users) {
    const key = u.name.trim().toLowerCase();
    byName.set(key, byName.has(key) ? null : u.id); // two people with one name: no guess
  }
  const unknown = new Set<string>();
  return {
    find(text: string): string | null {
      const key = text.trim().toLowerCase();
      const id = byEmail.get(key) ?? byName.get(key) ?? null;
      if (!id) unknown.add(text.trim());
      return id;
    },
    unknown: () => [...unknown],
  };
}

type ClientMatch =
  { kind: 'found'; client: ClientRef } | { kind: 'new' } | { kind: 'ambiguous'; candidates: ClientRef[] };

/** Tax id first, then the name without legal form and punctuation; two candidates are never guessed between. */
function clientMatcher(known: ClientRef[]) {
  const byTaxId = new Map<string, ClientRef>();
  const byKey = new Map<string, ClientRef[]>();
  const byId = new Map<string, ClientRef>();
  const learnedTaxIds = new Map<string, string>();
  const add = (c: ClientRef) => {
    byId.set(c.id, c);
    if (c.taxId) byTaxId.set(c.taxId, c);
    const key = c.matchKey ?? clientMatchKey(c.name);
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  };
  known.forEach(add);
  return {
    byId,
    add,
    /** Known clients whose tax id this file told for the first time. */
    learnedTaxIds,
    match(name: string, taxId: string | null): ClientMatch {
      if (taxId) {
        const client = byTaxId.get(taxId);
        if (client) return { kind: 'found', client };
      }
      // A namesake with another tax id is another company.
      const candidates = (byKey.get(clientMatchKey(name)) ?? []).filter((c) => !taxId || !c.taxId);
      if (candidates.length === 1) {
        const client = candidates[0]!;
        if (taxId) {
          client.taxId = taxId;
          byTaxId.set(taxId, client);
          learnedTaxIds.set(client.id, taxId);
        }
        return { kind: 'found', client };
      }
      return candidates.length ? { kind: 'ambiguous', candidates } : { kind: 'new' };
    },
  };
}
