import { hash, verify } from '@node-rs/argon2';
import { randomBytes, randomInt } from 'node:crypto';
import { guessabilityProblem } from './password-strength.ts';

/**
 * Password hashing with argon2id at OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane).
 * `verify` of an unknown email runs against a dummy hash made with the same parameters, so a wrong
 * email and a wrong password take the same work.
 */
export const ARGON2_OPTIONS = {
  // Algorithm.Argon2id: the library's enum is `const` and cannot be imported under verbatimModuleSyntax.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** False (never throws) when the hash is malformed. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** A hash of a random secret, verified against when there is no user, to spend the same time. */
  dummyHash(): Promise<string>;
}

export function createPasswordHasher(): PasswordHasher {
  let dummy: Promise<string> | null = null;
  return {
    hash: (password) => hash(password, ARGON2_OPTIONS),
    verify: async (passwordHash, password) => {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    },
    dummyHash: () => (dummy ??= hash(randomBytes(32).toString('base64url'), ARGON2_OPTIONS)),
  };
}

/**
 * A plain-language reason the password is not acceptable, or null: length, then guessability — common
 * passwords and passwords made from the email or name are refused (password-strength.ts).
 */
export async function passwordProblem(
  password: string,
  email?: string,
  name?: string | null,
): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `The password may have at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase())
    return 'The password must not be your email.';
  return guessabilityProblem(password, email, name);
}

// No 0/O, 1/l/I: generated passwords are read off a terminal and typed by hand.
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 18 characters from a 57-letter alphabet: about 105 bits. */
export function generatePassword(length = 18): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
