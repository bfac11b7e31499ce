import type { Kysely } from 'kysely';
import {
  clearLoginFailures,
  countLoginFailures,
  pruneLoginFailures,
  recordLoginFailure,
  type Database,
} from '@onterms/db';

export interface LoginRateLimitOptions {
  windowMs: number;
  /** Failed attempts per email within the window; then every attempt for it is refused until the oldest ages out. */
  maxPerAccount: number;
  /** Failed attempts per client IP within the window. */
  maxPerIp: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimitOptions = {
  windowMs: 15 * 60 * 1000,
  maxPerAccount: 5,
  maxPerIp: 50,
};

/**
 * Login throttling kept in the database (table login_failures), so the limit holds across several API
 * instances and in the embedded mode without Redis. Keys are by the email as typed (lower-cased),
 * whether or not such a user exists, so the limit reveals nothing either.
 */
export class LoginRateLimiter {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: LoginRateLimitOptions,
    private readonly now: () => Date,
  ) {}

  static keys(email: string, ip: string): { account: string; ip: string } {
    return { account: `account:${email.trim().toLowerCase()}`, ip: `ip:${ip}` };
  }

  /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
  async retryAfterSeconds(email: string, ip: string): Promise<number> {
    const keys = LoginRateLimiter.keys(email, ip);
    const now = this.now().getTime();
    const counts = await countLoginFailures(
      this.db,
      [keys.account, keys.ip],
      new Date(now - this.options.windowMs),
    );
    let wait = 0;
    for (const [key, max] of [
      [keys.account, this.options.maxPerAccount],
      [keys.ip, this.options.maxPerIp],
    ] as const) {
      const c = counts.get(key);
      if (c && c.count >= max) wait = Math.max(wait, c.oldest.getTime() + this.options.windowMs - now);
    }
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const keys = LoginRateLimiter.keys(email, ip);
    const now = this.now();
    await recordLoginFailure(this.db, [keys.account, keys.ip], now);
    // Keep the table small: rows older than the window never count again.
    await pruneLoginFailures(this.db, new Date(now.getTime() - this.options.windowMs));
  }

  /** A successful login clears the account's failures (the IP's stay: one IP may try many accounts). */
  async recordSuccess(email: string): Promise<void> {
    await clearLoginFailures(this.db, LoginRateLimiter.keys(email, '').account);
  }
}
