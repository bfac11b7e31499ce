import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords.ts';

/** The password rules a person meets when an account is made or a password is set. */
describe('password policy', () => {
  const email = 'ivanov.petr@example.com';
  const name = 'Petr Ivanov';

  it.each(['1234567890', 'qwertyuiop', 'password123', 'iloveyou12', 'football2024', '1q2w3e4r5t'])(
    'refuses the common password %s',
    async (password) => {
      expect(await passwordProblem(password, email, name)).toMatch(/too easy to guess/);
    },
  );

  it.each(['ivanov.petr2024', 'PetrIvanov1990', 'petr.ivanov!!', 'Ivanov-Petr-1'])(
    'refuses %s, made from the email or name',
    async (password) => {
      expect(await passwordProblem(password, email, name)).toMatch(/name or email|too easy/);
    },
  );

  it.each(['correct-horse-battery-9', 'Zx8!kq2Lm#9v', 'лодка сирень 1917 туман', 'my own long phrase 42'])(
    'accepts %s',
    async (password) => {
      expect(await passwordProblem(password, email, name)).toBeNull();
    },
  );

  it('still says when it is too short, before anything else', async () => {
    expect(await passwordProblem('short', email)).toMatch(/at least 10 characters/);
  });
});
