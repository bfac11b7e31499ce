import { describe, expect, it } from 'vitest';
import type { CreditPolicy } from '@onterms/contracts';
import { policyChanges } from './policy-diff.ts';

const v1: CreditPolicy = {
  id: 'p',
  version: 1,
  defaultSegment: 'regular',
  segments: [
    { id: 'regular', name: 'Regular', maxDeferralDays: 30 },
    { id: 'risky', name: 'Risky', maxDeferralDays: 0 },
  ],
};

describe('what changed between versions', () => {
  it('names changed fields, added and removed segments', () => {
    const v2: CreditPolicy = {
      ...v1,
      version: 2,
      defaultSegment: 'key',
      segments: [
        { id: 'regular', name: 'Regular', maxDeferralDays: 45 },
        { id: 'key', name: 'Key', maxDeferralDays: 60 },
      ],
    };
    expect(policyChanges(v1, v2)).toEqual([
      'defaultSegment: regular → key',
      'regular.maxDeferralDays: 30 → 45',
      '+ key',
      '− risky',
    ]);
  });
  it('the first version has nothing to compare with', () => {
    expect(policyChanges(null, v1)).toEqual([]);
  });
});
