/**
 * A value computed at most once every `ttlMs`: callers in that time share the same result (and, while it is being
 * computed, the same computation). A failed computation is not kept, so the next caller tries again.
 */
export class CachedValue<T> {
  private entry: { value: Promise<T>; expiresAt: number } | undefined;

  constructor(
    private readonly compute: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly clock: () => Date,
  ) {}

  get(): Promise<T> {
    const now = this.clock().getTime();
    if (this.entry && this.entry.expiresAt > now) return this.entry.value;
    const entry = { value: this.compute(), expiresAt: now + this.ttlMs };
    this.entry = entry;
    entry.value.catch(() => {
      if (this.entry === entry) this.entry = undefined;
    });
    return entry.value;
  }
}
