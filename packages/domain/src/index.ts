// The domain actions of OnTerms, one verb-noun module per action, grouped by what the system does:
// each takes the repositories and services it uses and knows nothing of HTTP or the command line.
// The API's routes and the CLI are thin shells over these. See README.md for the folders.
export { AppError, ERROR_STATUS, notFound, type ErrorCode } from './app-error.ts';
export {
  changeAccount,
  createAccount,
  createDemoUsers,
  DEMO_TEAMS,
  ensureInitialAdmin,
  ensureTeam,
  isRole,
  resetPassword,
  ROLES,
  type AccountChange,
  type AccountChangeResult,
  type DemoCredential,
  type NewAccount,
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
export { retryCall, type RetryCallDeps, type RetryCallOutcome } from './calls/retry-call.ts';
