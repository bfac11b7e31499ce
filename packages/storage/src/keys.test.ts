import { describe, expect, it } from 'vitest';
import { InvalidKeyError } from './errors.ts';
import { assertValidKey } from './keys.ts';

describe('assertValidKey', () => {
  it.each(['recordings/2024/06/0b7c9e.m4a', 'peaks/r_1-2.json', 'a', 'A1/b.c/d_e-f'])('accepts %s', (key) => {
    expect(() => assertValidKey(key)).not.toThrow();
  });

  it.each([
    '',
    '/etc/passwd',
    '../outside',
    'recordings/../../outside',
    'recordings/./x',
    'recordings//x',
    'recordings/',
    '.tmp/abc.partial',
    'recordings/.hidden',
    'back\\slash',
    'with space',
    'nul\0byte',
    'ünïcode',
    'x'.repeat(1025),
  ])('rejects %j', (key) => {
    expect(() => assertValidKey(key)).toThrow(InvalidKeyError);
  });
});
