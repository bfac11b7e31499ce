import { describe, expect, it } from 'vitest';
import { ISSUE_EXAMPLE, REGULAR } from './test-policy.ts';
import { parsePolicy, validatePolicy } from './validate.ts';

const withSegment = (patch: object) => ({
  ...ISSUE_EXAMPLE,
  segments: [{ ...REGULAR, ...patch }],
});

describe('validatePolicy', () => {
  it('accepts the issue’s example', () => {
    expect(validatePolicy(ISSUE_EXAMPLE)).toEqual(ISSUE_EXAMPLE);
  });
  it('accepts every field: forms, suspension after N days, the escalation ladder', () => {
    const full = withSegment({
      allowedPaymentForms: ['prepayment', 'deferral'],
      requiredSanctions: ['penalty', { kind: 'suspension', afterDays: 5 }, 'legal'],
      escalation: [
        { afterDaysLate: 1, action: 'Напоминание', owner: 'rep' },
        { afterDaysLate: 10, action: 'Стоп отгрузок', owner: 'manager' },
        { afterDaysLate: 45, action: 'Претензия', owner: 'legal' },
      ],
      followUpDays: 5,
    });
    expect(validatePolicy(full)).toEqual(full);
  });
  it.each([
    [withSegment({ maxDeferralDays: -5 }), /^\/segments\/0\/maxDeferralDays: /],
    [withSegment({ penalty: { ratePercent: 0.1, per: 'fortnight' } }), /^\/segments\/0\/penalty\/per: /],
    [withSegment({ requiredSanctions: ['penalty', 'jail'] }), /^\/segments\/0\/requiredSanctions\/1/],
    [
      withSegment({ maxCreditLimit: { amount: 5, currency: 'rub' } }),
      /^\/segments\/0\/maxCreditLimit\/currency: /,
    ],
    [withSegment({ maxDefferalDays: 30 }), /^\/segments\/0\/maxDefferalDays: /],
    [withSegment({ followUpDays: 0 }), /^\/segments\/0\/followUpDays: /],
    [withSegment({ followUpDays: 2.5 }), /^\/segments\/0\/followUpDays: /],
    [withSegment({ followUpDays: '3' }), /^\/segments\/0\/followUpDays: /],
    [withSegment({ allowedPaymentForms: ['barter'] }), /^\/segments\/0\/allowedPaymentForms\/0: /],
    [{ ...ISSUE_EXAMPLE, version: 0 }, /^\/version: /],
    [{ ...ISSUE_EXAMPLE, segments: [] }, /^\/segments: /],
    [{ ...ISSUE_EXAMPLE, defaultSegment: 'key' }, /^\/defaultSegment: no segment with id "key"/],
    [
      { ...ISSUE_EXAMPLE, segments: [REGULAR, REGULAR] },
      /^\/segments\/1\/id: duplicate segment id "regular"/,
    ],
    [
      withSegment({ requiredSanctions: ['penalty', { kind: 'penalty' }] }),
      /^\/segments\/0\/requiredSanctions\/1: /,
    ],
    [
      withSegment({
        escalation: [
          { afterDaysLate: 10, action: 'a', owner: 'b' },
          { afterDaysLate: 5, action: 'c', owner: 'd' },
        ],
      }),
      /^\/segments\/0\/escalation\/1\/afterDaysLate: /,
    ],
  ])('refuses a bad field, naming its JSON path (%#)', (doc, message) => {
    expect(() => validatePolicy(doc)).toThrow(message);
  });
  it('refuses text that is not JSON', () => {
    expect(() => parsePolicy('{"id":')).toThrow(/^\/: not JSON/);
  });
});
