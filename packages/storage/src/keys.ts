import { InvalidKeyError } from './errors.ts';

/** Same limit as S3, so keys stay portable when the remote store arrives. */
const MAX_KEY_LENGTH = 1024;
/**
 * One path segment: starts with a letter or digit (so never '.', '..', or a hidden name — which
 * keeps keys from colliding with the store's own '.tmp' area), then letters, digits, '.', '_', '-'.
 */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Keys look like S3 object keys: '/'-separated segments, e.g. 'recordings/2024/06/<uuid>.m4a'.
 * A bad key is a bug in the caller (keys are built from ids, never from user input), so throw.
 */
export function assertValidKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new InvalidKeyError(String(key), 'empty');
  if (key.length > MAX_KEY_LENGTH) throw new InvalidKeyError(key, `longer than ${MAX_KEY_LENGTH} characters`);
  if (key.startsWith('/')) throw new InvalidKeyError(key, 'absolute paths are not keys');
  for (const segment of key.split('/')) {
    if (segment === '') throw new InvalidKeyError(key, 'empty path segment');
    if (segment === '.' || segment === '..') throw new InvalidKeyError(key, 'relative path segment');
    if (!SEGMENT.test(segment)) {
      throw new InvalidKeyError(
        key,
        'segments must start with a letter or digit and use only [A-Za-z0-9._-]',
      );
    }
  }
}

export function isValidKey(key: string): boolean {
  try {
    assertValidKey(key);
    return true;
  } catch {
    return false;
  }
}
