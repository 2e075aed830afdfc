/** How an outbox message waits between attempts: exponential from `baseMs`, doubling, capped at `maxMs`. */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { baseMs: 30_000, maxMs: 3_600_000 };

/** The wait after the `attempts`-th failed attempt: base, 2×base, 4×base, ... up to the cap. */
export function retryDelay(attempts: number, backoff: Backoff = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 30));
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** exponent);
}
