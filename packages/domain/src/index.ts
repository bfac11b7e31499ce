// The domain actions of OnTerms, one verb-noun module per action, grouped by what the system does:
// each takes the repositories and services it uses and knows nothing of HTTP or the command line.
// The API's routes and the CLI are thin shells over these. See README.md for the folders.
export {
  importReceivables,
  ReceivablesImportError,
  type ImportReceivablesDeps,
  type ImportReceivablesInput,
  type ImportReceivablesResult,
  type ImportProblem,
  type ImportFailure,
} from './receivables/import-receivables.ts';
export { RECEIVABLE_FIELDS, type ReceivableField } from './receivables/columns.ts';
