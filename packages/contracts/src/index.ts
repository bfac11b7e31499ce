export * from './transcript.ts';
export * from './analysis.ts';
export * from './http/errors.ts';
export * from './http/calls.ts';
export * from './http/coaching.ts';
export * from './http/auth.ts';
export * from './http/admin.ts';
export * from './http/stats.ts';
