export * from './transcript.ts';
export * from './analysis.ts';
export * from './credit-policy.ts';
export * from './http/credit-policy.ts';
export * from './http/receivables.ts';
export * from './http/first-day.ts';
