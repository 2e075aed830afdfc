type Raw = Record<string, unknown>;

interface Entry {
  document: Raw;
  size: number;
  /** Read since it was last passed over for eviction (the CLOCK approximation of least recently used). */
  used: boolean;
}

/**
 * Decoded documents by table and row id, so a query whose rows were read before skips reading and decoding them
 * again (a report reads tens of thousands of analytics events; the console asks again on each page). Shared by a
 * store's tables within one budget, counted in characters of stored JSON; the least recently used go first.
 *
 * Cached documents are frozen: everything the store hands out is a copy (the collection's schema parse, or
 * `copyValue`), so a caller cannot change the cache by accident. Writes keep it true: a cached row updated keeps
 * its new version (`replace`), a row inserted or deleted is forgotten (`forget`), anything a failed transaction may have left is dropped (`clear`), and so is everything when
 * row ids may change (`VACUUM`).
 */
export class DocumentCache {
  private readonly tables = new Map<string, Map<number, Entry>>();
  private size = 0;

  constructor(private readonly budget: number) {}

  get enabled(): boolean {
    return this.budget > 0;
  }

  has(table: string, rowid: number): boolean {
    return this.tables.get(table)?.has(rowid) ?? false;
  }

  get(table: string, rowid: number): Raw | undefined {
    const entry = this.tables.get(table)?.get(rowid);
    if (!entry) return undefined;
    entry.used = true;
    return entry.document;
  }

  /** Keeps a document just read (frozen in place) and returns it. */
  put(table: string, rowid: number, document: Raw, size: number): Raw {
    if (!this.enabled || size > this.budget / 4) return document;
    let rows = this.tables.get(table);
    if (!rows) {
      rows = new Map();
      this.tables.set(table, rows);
    }
    const previous = rows.get(rowid);
    if (previous) this.size -= previous.size;
    rows.set(rowid, { document: deepFreeze(document), size, used: false });
    this.size += size;
    if (this.size > this.budget) this.evict(rows);
    return document;
  }

  /**
   * Keeps the new version of a document that was cached, as written (frozen in place): a document updated on every
   * turn (a conversation's bot state) is read back on the next without reading or decoding its row. `document` must
   * be what decoding the stored row would give (a `toStorableDocument` copy is).
   */
  replace(table: string, rowid: number, document: Raw, size: number): void {
    if (this.has(table, rowid)) this.put(table, rowid, document, size);
  }

  forget(table: string, rowid: number): void {
    const rows = this.tables.get(table);
    const entry = rows?.get(rowid);
    if (!rows || !entry) return;
    rows.delete(rowid);
    this.size -= entry.size;
  }

  clear(table?: string): void {
    if (table === undefined) {
      this.tables.clear();
      this.size = 0;
      return;
    }
    const rows = this.tables.get(table);
    if (!rows) return;
    for (const entry of rows.values()) this.size -= entry.size;
    this.tables.delete(table);
  }

  /**
   * Evicts down to 90% of the budget: rows of the table just added to first (so one large scan cannot push out
   * every other table's), then of the others; the oldest first, passing over once those read since (CLOCK).
   */
  private evict(first: Map<number, Entry>): void {
    const target = this.budget * 0.9;
    const order = [first, ...[...this.tables.values()].filter((rows) => rows !== first)];
    for (const rows of order) {
      for (let pass = 0; pass < 2; pass++) {
        for (const [rowid, entry] of rows) {
          if (this.size <= target) return;
          if (entry.used && pass === 0) {
            entry.used = false;
            continue;
          }
          rows.delete(rowid);
          this.size -= entry.size;
        }
      }
    }
  }
}

function deepFreeze(value: unknown): Raw {
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Raw)[key]);
  }
  return value as Raw;
}
