/** A bucket's size and how fast it refills: `capacity` requests at once, then `refillPerSecond` on average. */
export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
}

/** `count` requests at once, then `count` spread evenly over each minute. */
export function perMinute(count: number): RateLimit {
  return { capacity: count, refillPerSecond: count / 60 };
}

export type AdmitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Takes one token from each of several buckets, or from none: a request one bucket refuses uses nothing of the
 * others, so a noisy conversation does not use up what its neighbours behind the same address share.
 */
export function takeAll(checks: ReadonlyArray<readonly [TokenBucketLimiter, string]>): AdmitOutcome {
  for (const [limiter, key] of checks) {
    const outcome = limiter.peek(key);
    if (!outcome.ok) return outcome;
  }
  for (const [limiter, key] of checks) limiter.take(key);
  return { ok: true };
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Token buckets, one per key (an address, a conversation), held in memory: each process limits what it serves, which
 * is what protects it. Memory stays bounded: past `maxKeys` the least recently used buckets are dropped (a dropped
 * bucket is a full one, so the limit is only ever relaxed for keys that have gone quiet).
 */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly clock: () => Date,
    private readonly maxKeys = 50_000,
  ) {}

  /** Takes one token from `key`'s bucket, or says how long until one is available. */
  take(key: string): AdmitOutcome {
    const now = this.clock().getTime();
    const bucket = { tokens: this.tokensAt(key, now), updatedMs: now };
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.dropOldest();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return this.refusal(bucket.tokens);
  }

  /** What `take` would answer now, taking nothing (to check several buckets before taking from any). */
  peek(key: string): AdmitOutcome {
    const tokens = this.tokensAt(key, this.clock().getTime());
    return tokens >= 1 ? { ok: true } : this.refusal(tokens);
  }

  /** Refills every bucket whose key `matches` (e.g. an account's, after a deployer unlocked it). */
  forget(matches: (key: string) => boolean): void {
    for (const key of [...this.buckets.keys()]) if (matches(key)) this.buckets.delete(key);
  }

  private tokensAt(key: string, now: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.limit.capacity;
    const refilled = ((now - bucket.updatedMs) / 1000) * this.limit.refillPerSecond;
    return Math.min(this.limit.capacity, bucket.tokens + Math.max(0, refilled));
  }

  private refusal(tokens: number): AdmitOutcome {
    const seconds = this.limit.refillPerSecond > 0 ? (1 - tokens) / this.limit.refillPerSecond : 60;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(seconds)) };
  }

  private dropOldest(): void {
    const oldest = this.buckets.keys().next();
    if (!oldest.done) this.buckets.delete(oldest.value);
  }
}
