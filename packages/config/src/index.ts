export * from './config.ts';
export * from './load-or-report.ts';
