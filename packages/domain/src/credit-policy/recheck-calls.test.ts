import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findRecheck, policyCheckProgress } from '@onterms/db';
import { sql, useTestDatabase } from '@onterms/db/testing';
import { publishCreditPolicy } from './publish-credit-policy.ts';
import { recheckCalls } from './recheck-calls.ts';
import { examplePolicy, insertAnalysedCall, insertPerson } from './testing/policy-fixtures.ts';

const database = useTestDatabase();
let director: string;
const calls: string[] = [];

/** Every stored check and finding, to compare runs. */
async function snapshot() {
  const { rows } = await sql<{
    call_id: string;
    policy_version: number;
    segment: string;
    kind: string | null;
    stated: unknown;
  }>`select k.call_id, k.policy_version, k.segment, f.kind, f.stated
    from call_policy_checks k left join call_policy_findings f using (call_id) order by 1, f.ordinal`.execute(
    database.db,
  );
  return rows;
}

beforeAll(async () => {
  director = (await insertPerson(database.db, 'director')).id;
  const rep = (await insertPerson(database.db, 'rep')).id;
  for (const days of [10, 60, 20, 45, 30, 90, 15])
    calls.push(await insertAnalysedCall(database.db, rep, { days }));
});

/** Runs the re-check in a separate process and SIGKILLs it right after its first batch commits. */
function killAfterFirstBatch(recheckId: string): Promise<string> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(new URL('./testing/recheck-child.ts', import.meta.url)),
      database.url,
      recheckId,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the worker exited by itself (${code})`)));
    child.stdout.once('data', (line: Buffer) => {
      child.removeAllListeners('exit');
      child.on('exit', () => resolve(line.toString().trim()));
      child.kill('SIGKILL');
    });
  });
}

/** What publishing and running a policy re-check take, as the director. */
const policyRunDeps = () => ({
  db: database.db,
  enqueueRecheck: async () => {},
  // policy runs only: they check stored analyses and never analyse again
  reanalyzeCall: () => Promise.reject(new Error('a policy run analysed a call again')),
  actor: { userId: director, tokenId: null, ip: null },
});

describe('re-checking stored calls after a publish', () => {
  it('resumes after a worker is killed mid-way, and running it again changes nothing', async () => {
    const deps = policyRunDeps();
    const { recheck } = await publishCreditPolicy(deps, { document: examplePolicy(30), baseVersion: null });
    expect(recheck.total).toBe(7);

    expect(await killAfterFirstBatch(recheck.id)).toBe('batch 2/7');
    expect(await policyCheckProgress(database.db, 1)).toEqual({ total: 7, done: 2 });
    expect(await findRecheck(database.db, recheck.id)).toMatchObject({ status: 'running', done: 2 });

    const batches: number[] = [];
    expect(await recheckCalls(deps, recheck.id, { batchSize: 2, onBatch: (p) => batches.push(p.done) })).toBe(
      'done',
    );
    expect(batches).toEqual([4, 6, 7]); // only what was left
    expect(await findRecheck(database.db, recheck.id)).toMatchObject({ status: 'done', done: 7, total: 7 });
    const after = await snapshot();
    expect(
      after
        .filter((r) => r.kind === 'deferral_over_limit')
        .map((r) => [calls.indexOf(r.call_id as string), r.stated]),
    ).toEqual(
      [
        [1, 60],
        [3, 45],
        [5, 90],
      ].sort((a, b) => String(calls[a[0]!]).localeCompare(String(calls[b[0]!]))),
    );

    // the job delivered twice (a retry after the kill): nothing more to do, the same rows
    expect(await recheckCalls(deps, recheck.id)).toBe('done');
    expect(await snapshot()).toEqual(after);
  });

  it('a newer publish supersedes a run still going; the new run re-checks every call', async () => {
    const deps = policyRunDeps();
    const { recheck: old } = await publishCreditPolicy(deps, { document: examplePolicy(50), baseVersion: 1 });
    const { recheck: next } = await publishCreditPolicy(deps, {
      document: examplePolicy(40),
      baseVersion: 2,
    });
    expect(await recheckCalls(deps, old.id)).toBe('superseded');
    expect(await recheckCalls(deps, next.id)).toBe('done');
    const rows = await snapshot();
    expect(new Set(rows.map((r) => r.policy_version))).toEqual(new Set([3]));
    expect(
      rows
        .filter((r) => r.kind === 'deferral_over_limit')
        .map((r) => r.stated)
        .sort(),
    ).toEqual([45, 60, 90]);
  });
});
