import { Type, type Static } from '@sinclair/typebox';
import { Literals, Nullable, StrictObject } from '../schemas.ts';

/** Query of `POST /api/receivables/imports` (the file itself is the multipart part `file`). */
export const ReceivablesImportQuery = Type.Object({
  /** The report's date; payments it reveals are dated on it. Default: today in the company's time zone. */
  asOf: Type.Optional(Type.String({ format: 'date' })),
  /** Check and count, store nothing: the confirmation step. */
  dryRun: Type.Optional(Type.Boolean()),
  /** JSON `{field: header text}` for a layout the built-in header words do not cover. */
  mapping: Type.Optional(Type.String({ maxLength: 4000 })),
  /** Remember `mapping` for files with the same header row. */
  saveMapping: Type.Optional(Type.Boolean()),
});
export type ReceivablesImportQuery = Static<typeof ReceivablesImportQuery>;

export const ImportProblem = Type.Object({
  line: Nullable(Type.Integer()),
  column: Type.Optional(Type.String()),
  message: Type.String(),
});
export type ImportProblem = Static<typeof ImportProblem>;

export const ReceivablesImportResult = Type.Object({
  imported: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  errors: Type.Array(ImportProblem),
  rows: Type.Integer(),
  asOf: Type.String(),
  dryRun: Type.Boolean(),
  newClients: Type.Array(
    Type.Object({
      line: Type.Integer(),
      name: Type.String(),
      taxId: Nullable(Type.String()),
    }),
  ),
  unknownReps: Type.Array(Type.String()),
});
export type ReceivablesImportResult = Static<typeof ReceivablesImportResult>;

/** A refused import: nothing was stored. `headers` is the header row found, for the mapping step. */
export const ReceivablesImportRefusal = Type.Object({
  error: Type.String(),
  message: Type.String(),
  errors: Type.Optional(Type.Array(ImportProblem)),
  headers: Type.Optional(Type.Array(Type.String())),
  fields: Type.Optional(Type.Array(Type.String())),
});
export type ReceivablesImportRefusal = Static<typeof ReceivablesImportRefusal>;

const Named = Type.Object({ id: Type.String(), name: Type.String() });

export const FollowUpKind = Literals('overdue_no_call', 'broken_promise', 'negotiation_overdue');
export type FollowUpKind = Static<typeof FollowUpKind>;

export const FollowUpItem = Type.Object({
  key: Type.String(),
  kind: FollowUpKind,
  client: Named,
  rep: Nullable(Named),
  invoice: Nullable(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      dueOn: Type.String(),
      balance: Type.Number(),
      currency: Type.String(),
    }),
  ),
  daysLate: Nullable(Type.Integer()),
  firstDelay: Type.Boolean(),
  call: Nullable(Type.Object({ id: Type.String(), recordedAt: Type.String(), callType: Type.String() })),
  promise: Nullable(
    Type.Object({
      dueOn: Nullable(Type.String()),
      amount: Nullable(Type.Number()),
      full: Type.Boolean(),
      status: Type.String(),
      paid: Nullable(Type.Number()),
    }),
  ),
  lastCallAt: Nullable(Type.String()),
});
export type FollowUpItem = Static<typeof FollowUpItem>;

export const FollowUpQueue = Type.Object({
  items: Type.Array(FollowUpItem),
  counts: Type.Object({
    total: Type.Integer(),
    overdue_no_call: Type.Integer(),
    broken_promise: Type.Integer(),
    negotiation_overdue: Type.Integer(),
  }),
});
export type FollowUpQueue = Static<typeof FollowUpQueue>;

export const SnoozeFollowUpBody = StrictObject({
  key: Type.String({ minLength: 1, maxLength: 200 }),
  until: Type.String({ format: 'date' }),
  reason: Type.String({ minLength: 3, maxLength: 1000 }),
});
export type SnoozeFollowUpBody = Static<typeof SnoozeFollowUpBody>;

export const ClientSearchQuery = Type.Object({
  /** Part of the name or the start of the tax id; empty: the first clients in scope by name. */
  q: Type.Optional(Type.String({ maxLength: 200 })),
});
export const ClientSuggestions = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), taxId: Nullable(Type.String()) })),
});
export type ClientSuggestions = Static<typeof ClientSuggestions>;

const PromiseView = Type.Object({
  callId: Type.String(),
  ordinal: Type.Integer(),
  recordedAt: Type.String(),
  amount: Nullable(Type.Number()),
  currency: Nullable(Type.String()),
  full: Type.Boolean(),
  due: Type.Record(Type.String(), Type.Unknown()),
  dueOn: Nullable(Type.String()),
  status: Literals('open', 'kept', 'partly_kept', 'broken'),
  paid: Nullable(Type.Number()),
  quotes: Type.Array(
    Type.Object({
      segment: Type.Integer(),
      start: Type.Number(),
      speaker: Type.String(),
      quote: Type.String(),
    }),
  ),
});

export const ClientPageView = Type.Object({
  client: Type.Object({
    id: Type.String(),
    name: Type.String(),
    taxId: Nullable(Type.String()),
    rep: Nullable(Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() })),
    segment: Nullable(Type.String()),
    creditLimit: Nullable(Type.Object({ amount: Type.Number(), currency: Type.String() })),
  }),
  totals: Type.Object({ balance: Type.Number(), overdue: Type.Number(), currency: Nullable(Type.String()) }),
  risk: Type.Object({
    lateInvoices: Type.Integer(),
    firstDelay: Type.Boolean(),
    repeatedDelays: Type.Boolean(),
    overCreditLimit: Type.Boolean(),
  }),
  invoices: Type.Array(
    Type.Object({
      id: Type.String(),
      number: Type.String(),
      issuedOn: Type.String(),
      dueOn: Type.String(),
      currency: Type.String(),
      amount: Type.Number(),
      balance: Type.Number(),
      paidOn: Nullable(Type.String()),
      state: Literals('open', 'overdue', 'paid', 'paid_late'),
      daysLate: Nullable(Type.Integer()),
    }),
  ),
  payments: Type.Array(
    Type.Object({
      invoiceId: Type.String(),
      number: Type.String(),
      amount: Type.Number(),
      currency: Type.String(),
      paidOn: Type.String(),
    }),
  ),
  calls: Type.Array(
    Type.Object({
      id: Type.String(),
      recordedAt: Type.String(),
      callType: Type.String(),
      status: Type.String(),
      rep: Named,
      flags: Type.Record(Type.String(), Type.Boolean()),
    }),
  ),
  promises: Type.Array(PromiseView),
});
export type ClientPageView = Static<typeof ClientPageView>;

export const OutcomeQuery = Type.Object({
  groupBy: Type.Union([Type.Literal('rep'), Type.Literal('team'), Type.Literal('segment')], {
    default: 'rep',
  }),
});
export type OutcomeQuery = Static<typeof OutcomeQuery>;

const OutcomeFigures = {
  invoices: Type.Integer(),
  onTime: Type.Integer(),
  onTimeShare: Nullable(Type.Number()),
  avgDaysLate: Nullable(Type.Number()),
  clients: Type.Integer(),
};
const ComparisonBucket = Type.Object({
  ...OutcomeFigures,
  clientList: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), invoices: Type.Integer(), onTime: Type.Integer() }),
  ),
});

export const OutcomeReport = Type.Object({
  groupBy: Type.String(),
  today: Type.String(),
  groups: Type.Array(
    Type.Object({
      key: Nullable(Type.String()),
      label: Nullable(Type.String()),
      ...OutcomeFigures,
      promises: Type.Object({
        total: Type.Integer(),
        kept: Type.Integer(),
        partlyKept: Type.Integer(),
        broken: Type.Integer(),
        open: Type.Integer(),
      }),
    }),
  ),
  comparison: Type.Object({ stated: ComparisonBucket, notStated: ComparisonBucket }),
});
export type OutcomeReport = Static<typeof OutcomeReport>;
