export * from './transcript.ts';
export * from './analysis.ts';
export * from './http/first-day.ts';
