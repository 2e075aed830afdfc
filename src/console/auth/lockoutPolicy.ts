/** How many wrong passwords lock an account, and for how long. */
export interface LockoutPolicy {
  /** Failed sign-ins in a row that lock the account. */
  maxFailures: number;
  lockMs: number;
  /** Failures older than this no longer count towards a lock. */
  failureWindowMs: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000, failureWindowMs: 15 * 60_000 };

/** What an account's sign-in record says, as far as locking goes. */
export interface SignInRecord {
  failedSignIns: number;
  lastFailedSignInAt?: Date;
  lockedUntil?: Date;
}

export type LockState = { locked: true; until: Date } | { locked: false; staleFailures: boolean };

/**
 * Whether an account is locked at `now`. An unlocked account whose failures have expired (the lock ran out, or the
 * last failure is older than the window) reports `staleFailures`, so they are cleared before counting a new one.
 */
export function lockState(record: SignInRecord, now: Date, policy: LockoutPolicy = DEFAULT_LOCKOUT): LockState {
  if (record.lockedUntil && record.lockedUntil.getTime() > now.getTime()) {
    return { locked: true, until: record.lockedUntil };
  }
  const lockExpired = record.lockedUntil !== undefined;
  const lastFailure = record.lastFailedSignInAt?.getTime();
  const failuresTooOld = lastFailure !== undefined && now.getTime() - lastFailure > policy.failureWindowMs;
  return { locked: false, staleFailures: record.failedSignIns > 0 && (lockExpired || failuresTooOld) };
}

/** After a failed sign-in, counted to `failures` in a row: when the account must be locked until, if at all. */
export function lockAfterFailure(
  failures: number,
  now: Date,
  policy: LockoutPolicy = DEFAULT_LOCKOUT,
): Date | undefined {
  return failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : undefined;
}
