import { describe, expect, it } from 'vitest';
import { hasRepClientSides, splitsRepAndClient } from './rep-client-split.ts';

describe('the stereo rule', () => {
  it('gives a recording rep and client sides only when it has exactly two channels', () => {
    expect([1, 2, 3, 4, 6].map(hasRepClientSides)).toEqual([false, true, false, false, false]);
  });

  it('splits a call per side only when its rep side is known', () => {
    expect(splitsRepAndClient({ channels: 2, repChannel: 'left' })).toBe(true);
    expect(splitsRepAndClient({ channels: 2, repChannel: null })).toBe(false);
    expect(splitsRepAndClient({ channels: 6, repChannel: 'right' })).toBe(false);
    expect(splitsRepAndClient({ channels: 1, repChannel: 'left' })).toBe(false);
  });
});
