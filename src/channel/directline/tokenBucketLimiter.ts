/** A bucket's size and how fast it refills: `capacity` requests at once, then `refillPerSecond` on average. */
export interface RateLimit {
  capacity: number;
  refillPerSecond: number;
}

export type AdmitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

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
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.capacity, updatedMs: now };
    const refilled = ((now - bucket.updatedMs) / 1000) * this.limit.refillPerSecond;
    bucket.tokens = Math.min(this.limit.capacity, bucket.tokens + Math.max(0, refilled));
    bucket.updatedMs = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.dropOldest();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    const seconds = this.limit.refillPerSecond > 0 ? (1 - bucket.tokens) / this.limit.refillPerSecond : 60;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(seconds)) };
  }

  private dropOldest(): void {
    const oldest = this.buckets.keys().next();
    if (!oldest.done) this.buckets.delete(oldest.value);
  }
}
