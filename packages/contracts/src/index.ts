export * from './transcript.ts';
export * from './analysis.ts';
