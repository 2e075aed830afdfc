import { type RateLimit, TokenBucketLimiter } from '../../server/http/tokenBucketLimiter';

/** How many wrong sign-ins are checked, per account from one address and per account from everywhere. */
export interface SignInThrottlePolicy {
  perAccountAndAddress: RateLimit;
  perAccount: RateLimit;
}

/**
 * 5 wrong passwords for one account from one address, then one more every 3 minutes; 100 for one account from all
 * addresses together, then one more every 36 seconds. Someone else's tries from elsewhere never stop a CSA signing in
 * from their own desk unless they come from very many addresses at once.
 */
export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottlePolicy = {
  perAccountAndAddress: { capacity: 5, refillPerSecond: 1 / 180 },
  perAccount: { capacity: 100, refillPerSecond: 1 / 36 },
};

/**
 * Slows password guessing without locking anyone out: wrong sign-ins are counted per email (whether or not it is an
 * account, so the answers cannot tell which emails are accounts) from each address, and per email from everywhere.
 * Kept in this process's memory; `forget` refills an email's buckets (after a right password, or an unlock).
 */
export class SignInThrottle {
  private readonly perAccountAndAddress: TokenBucketLimiter;
  private readonly perAccount: TokenBucketLimiter;
  private readonly failed = new Set<string>();

  constructor(clock: () => Date, policy: SignInThrottlePolicy = DEFAULT_SIGN_IN_THROTTLE) {
    this.perAccountAndAddress = new TokenBucketLimiter(policy.perAccountAndAddress, clock);
    this.perAccount = new TokenBucketLimiter(policy.perAccount, clock);
  }

  /** True when a password for `email` from `address` may be checked now. */
  allows(email: string, address: string): boolean {
    const account = normalise(email);
    return this.perAccount.peek(account).ok && this.perAccountAndAddress.peek(pairKey(account, address)).ok;
  }

  /** Counts a wrong sign-in. */
  recordFailure(email: string, address: string): void {
    const account = normalise(email);
    this.failed.delete(account);
    this.failed.add(account);
    // Bounded like the buckets: past their size the oldest are dropped (their buckets refill by themselves).
    if (this.failed.size > MAX_ACCOUNTS) this.failed.delete(this.failed.values().next().value ?? '');
    this.perAccount.take(account);
    this.perAccountAndAddress.take(pairKey(account, address));
  }

  /** Refills `email`'s buckets. */
  forget(email: string): void {
    const account = normalise(email);
    if (!this.failed.delete(account)) return;
    this.perAccount.forget((key) => key === account);
    this.perAccountAndAddress.forget((key) => key.startsWith(`${account}\n`));
  }
}

const MAX_ACCOUNTS = 50_000;

function normalise(email: string): string {
  return email.trim().toLowerCase().slice(0, 320);
}

function pairKey(account: string, address: string): string {
  return `${account}\n${address}`;
}
