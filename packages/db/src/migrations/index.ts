import type { Migration } from 'kysely';
import * as initial from './2026-11-22T0001-initial.ts';
import * as accounts from './2026-11-22T0200-accounts.ts';
import * as coaching from './2026-11-22T0300-coaching.ts';
import * as sttNotes from './2026-11-22T0400-stt-notes.ts';
import * as stats from './2026-11-22T0500-stats.ts';
import * as statsDaily from './2026-11-22T0510-stats-daily.ts';
import * as callFailures from './2026-12-07T0100-call-failures.ts';
import * as creditPolicy from './2026-12-07T0200-credit-policy.ts';
import * as receivables from './2026-12-07T0300-receivables.ts';
import * as analysisConfidence from './2026-12-07T0500-analysis-confidence.ts';
import * as checklistRechecks from './2026-12-07T1200-checklist-rechecks.ts';
import * as receivablesRollups from './2026-12-07T1300-receivables-rollups.ts';

/**
 * Every migration, by its sortable name. Listed statically (rather than read from the folder at run
 * time) so the set is fixed at build time and a typo is a type error, not a silently skipped file.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-22T0001-initial': initial,
  '2026-11-22T0200-accounts': accounts,
  '2026-11-22T0300-coaching': coaching,
  '2026-11-22T0400-stt-notes': sttNotes,
  '2026-11-22T0500-stats': stats,
  '2026-11-22T0510-stats-daily': statsDaily,
  '2026-12-07T0100-call-failures': callFailures,
  '2026-12-07T0200-credit-policy': creditPolicy,
  '2026-12-07T0300-receivables': receivables,
  '2026-12-07T0500-analysis-confidence': analysisConfidence,
  '2026-12-07T1200-checklist-rechecks': checklistRechecks,
  '2026-12-07T1300-receivables-rollups': receivablesRollups,
};
