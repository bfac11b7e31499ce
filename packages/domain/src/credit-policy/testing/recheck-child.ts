// A worker re-checking calls, killed mid-way by recheck-calls.test.ts: it prints a line after each
// committed batch and then sleeps, so the test can SIGKILL it between batches.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '@onterms/db';
import { recheckCalls } from '../recheck-calls.ts';

const [url, recheckId] = process.argv.slice(2) as [string, string];
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
});
await recheckCalls({ db, reanalyzeCall: () => Promise.reject(new Error('policy runs only')) }, recheckId, {
  batchSize: 2,
  onBatch: (p) => {
    process.stdout.write(`batch ${p.done}/${p.total}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000); // "busy" until killed
  },
});
