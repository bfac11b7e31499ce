import { describe, expect, it } from 'vitest';
import {
  buildHandlerTable,
  HandlerTableError,
  jobIdFor,
  JobName,
  parseJob,
  type HandlerRegistration,
} from './jobs.ts';
import { backoffDelay } from './retry-policy.ts';

const noop = async () => ({ status: 'skipped' as const });
const CALL = '5b0e7c1e-4a0f-4a57-9d3e-0d5b8f1c2a33';

describe('job handler table', () => {
  it('accepts exactly one handler per job name', () => {
    const table = buildHandlerTable([
      { name: JobName.ProcessCall, handle: noop },
      { name: JobName.ReanalyzeCall, handle: noop },
      { name: JobName.RecheckPolicy, handle: noop },
    ]);
    expect([...table.keys()].sort()).toEqual(['process-call', 'reanalyze-call', 'recheck-policy']);
  });

  it('refuses a table with a missing, doubled or unknown handler', () => {
    expect(() =>
      buildHandlerTable([
        { name: JobName.ProcessCall, handle: noop },
        { name: JobName.RecheckPolicy, handle: noop },
      ]),
    ).toThrow(/no handler for job "reanalyze-call"/);
    expect(() =>
      buildHandlerTable([
        { name: JobName.ProcessCall, handle: noop },
        { name: JobName.ProcessCall, handle: noop },
        { name: JobName.ReanalyzeCall, handle: noop },
      ]),
    ).toThrow(/two handlers for job "process-call"/);
    const unknown = {
      name: 'transcode-everything',
      handle: noop,
    } as unknown as HandlerRegistration<typeof JobName.ProcessCall>;
    expect(() =>
      buildHandlerTable([
        unknown,
        { name: JobName.ProcessCall, handle: noop },
        { name: JobName.ReanalyzeCall, handle: noop },
      ]),
    ).toThrow(HandlerTableError);
  });

  it('reads back only our jobs, with a call id and nothing else', () => {
    expect(parseJob('process-call', { callId: CALL })).toEqual({
      name: 'process-call',
      data: { callId: CALL },
    });
    expect(parseJob('process-call', { callId: CALL, transcript: 'secret' })).toEqual({
      name: 'process-call',
      data: { callId: CALL },
    });
    expect(parseJob('process-call', { callId: 'x' })).toBeNull();
    expect(parseJob('delete-all', { callId: CALL })).toBeNull();
    expect(parseJob('process-call', null)).toBeNull();
    expect(parseJob('recheck-policy', { recheckId: CALL })).toEqual({
      name: 'recheck-policy',
      data: { recheckId: CALL },
    });
    expect(parseJob('recheck-policy', { callId: CALL })).toBeNull();
  });

  it('derives one queue id per job kind and call, without the ":" BullMQ forbids', () => {
    const id = jobIdFor({ name: JobName.ProcessCall, data: { callId: CALL } });
    expect(id).toBe(`process-call-${CALL}`);
    expect(id).not.toContain(':');
    expect(jobIdFor({ name: JobName.ReanalyzeCall, data: { callId: CALL } })).not.toBe(id);
    expect(jobIdFor({ name: JobName.RecheckPolicy, data: { recheckId: CALL } })).toBe(
      `recheck-policy-${CALL}`,
    );
  });
});

describe('backoff', () => {
  const policy = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 10_000 };

  it('doubles per retry, within [half, full] of the exponential delay, capped', () => {
    expect([1, 2, 3, 4, 5, 6].map((r) => backoffDelay(r, policy, () => 0))).toEqual([
      500, 1000, 2000, 4000, 5000, 5000,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((r) => backoffDelay(r, policy, () => 0.999999))).toEqual([
      1000, 2000, 4000, 8000, 10000, 10000,
    ]);
  });

  it('spreads retries of errors that happened together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3, policy)));
    expect(delays.size).toBeGreaterThan(10);
  });
});
