// The domain actions of OnTerms, one verb-noun module per action, grouped by what the system does:
// each takes the repositories and services it uses and knows nothing of HTTP or the command line.
// The API's routes and the CLI are thin shells over these. See README.md for the folders.

export * from './calls/attach-transcript.ts';
export { retryCall, type RetryCallDeps, type RetryCallOutcome } from './calls/retry-call.ts';
