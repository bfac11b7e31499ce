import { describe, expect, it } from 'vitest';
import { drillDownUrl } from './drill-down.ts';

describe('drillDownUrl', () => {
  const range = { from: '2026-11-01T21:00:00.000Z', to: '2026-11-08T21:00:00.000Z' };
  it('opens analysed calls of the rep in the group range with the flag stated', () => {
    const url = new URL(
      drillDownUrl('payment_terms', { range, repId: 'r1', callType: 'collection' }),
      'http://x',
    );
    expect(url.pathname).toBe('/calls');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      repId: 'r1',
      callType: 'collection',
      from: range.from,
      to: range.to,
      status: 'analyzed',
      stated: 'payment_terms',
    });
  });
  it('counts failed and pending calls apart', () => {
    expect(drillDownUrl('failed', { range })).toContain('status=failed');
    expect(drillDownUrl('pending', { range, teamId: 't' })).toContain(
      'status=queued%2Cprocessing%2Cwaiting%2Ctranscribed',
    );
    expect(drillDownUrl('allThree', { range })).toContain('stated=all');
    expect(drillDownUrl('deflection', { range })).toContain('deflection=true');
  });
});
