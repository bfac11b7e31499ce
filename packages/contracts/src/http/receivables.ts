import { Type, type Static } from '@sinclair/typebox';

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
  line: Type.Union([Type.Integer(), Type.Null()]),
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
      taxId: Type.Union([Type.String(), Type.Null()]),
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
