// The domain actions of OnTerms, one verb-noun module per action, grouped by what the system does:
// each takes the repositories and services it uses and knows nothing of HTTP or the command line.
// The API's routes and the CLI are thin shells over these. See README.md for the folders.
export { AppError, ERROR_STATUS, notFound, type ErrorCode } from './app-error.ts';
export {
  commandLineAudit,
  COMMAND_LINE,
  notAudited,
  storeAuditEvent,
  type Audit,
  type AuditAction,
  type AuditEvent,
  type AuditOrigin,
} from './audit.ts';
export { isRole, ROLES } from './accounts/account-rules.ts';
export { createUser, type NewAccount } from './accounts/create-user.ts';
export { changeAccount, type AccountChange, type AccountChangeResult } from './accounts/change-user.ts';
export { resetPassword } from './accounts/reset-password.ts';
export { createTeam, renameTeam, type TeamDeps } from './accounts/teams.ts';
export {
  createApiToken,
  revokeApiTokenById,
  type ApiTokenDeps,
  type ApiTokenRequest,
} from './accounts/api-tokens.ts';
export {
  createDemoUsers,
  DEMO_TEAMS,
  ensureInitialAdmin,
  ensureTeam,
  type DemoCredential,
} from './accounts/accounts.ts';
export {
  ARGON2_OPTIONS,
  createPasswordHasher,
  generatePassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  type PasswordHasher,
} from './accounts/passwords.ts';
export type { CreditPolicyDeps } from './credit-policy/deps.ts';
export { publishCreditPolicy } from './credit-policy/publish-credit-policy.ts';
export { checkCallAgainstPolicy } from './credit-policy/check-call-against-policy.ts';
export { recheckCalls, type RecheckDeps, type RecheckOutcome } from './credit-policy/recheck-calls.ts';
export { setSegmentOfClient } from './credit-policy/set-client-segment.ts';
export { publishCompanyChecklist } from './credit-policy/publish-company-checklist.ts';
export { companyChecklist, compileCompanyChecklist } from './credit-policy/company-checklist.ts';
export {
  importReceivables,
  type ImportReceivablesDeps,
  type ImportReceivablesInput,
  type ImportReceivablesResult,
  type ImportProblem,
  type ImportFailure,
} from './receivables/import-receivables.ts';
export { RECEIVABLE_FIELDS, type ReceivableField } from './receivables/columns.ts';
export {
  creditPolicyLookup,
  NO_CREDIT_POLICY,
  type CreditPolicyLookup,
  type FollowUpDaysBySegment,
} from './credit-policy/credit-policy-lookup.ts';
export { listFollowUps, type FollowUpDeps, type FollowUpQueue } from './receivables/list-follow-ups.ts';
export { snoozeFollowUp } from './receivables/snooze-follow-up.ts';
export {
  getClientPage,
  stateOf,
  type ClientPage,
  type ClientPageDeps,
  type InvoiceState,
} from './receivables/get-client-page.ts';
export { getOutcome, type OutcomeDeps } from './receivables/get-outcome.ts';

export { type CallQueue } from './calls/enqueue-or-undo.ts';
export {
  uploadCall,
  type Uploader,
  type UploadDeps,
  type UploadInput,
  type UploadOutcome,
  type UploadStep,
  type UploadTiming,
} from './calls/upload-call.ts';
export { attachTranscript, type AttachTranscriptDeps } from './calls/attach-transcript.ts';
export { retryCall, type RetryCallDeps, type RetryCallOutcome } from './calls/retry-call.ts';
export { reanalyzeCall } from './calls/reanalyze-call.ts';
export { retranscribeCall } from './calls/retranscribe-call.ts';
export { correctFlag, type CorrectionDeps, type FlagChangedEvent } from './coaching/correct-flag.ts';
export { removeCorrection } from './coaching/remove-correction.ts';
export { addTag, listTags, removeTag, type TagDeps } from './coaching/tags.ts';
