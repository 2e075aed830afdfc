type Raw = Record<string, unknown>;

interface Entry {
  document: Raw;
  /** The document's `_id` as the table's `id` column holds it. */
  id: string;
  size: number;
  /** Read since it was last passed over for eviction (the CLOCK approximation of least recently used). */
  used: boolean;
}

/** One table's cached documents by row id, and the row id of each by `_id`. */
interface TableCache {
  rows: Map<number, Entry>;
  ids: Map<string, number>;
}

/**
 * Decoded documents by table and row id, so a query whose rows were read before skips reading and decoding them
 * again (a report reads tens of thousands of analytics events; the console asks again on each page), and a lookup
 * by `_id` of a cached document skips SQL altogether (a conversation's bot state, read on every turn). Shared by a
 * store's tables within one budget, counted in characters of stored JSON; the least recently used go first.
 *
 * Cached documents are frozen: everything the store hands out is a copy (the collection's schema parse, or
 * `copyValue`), so a caller cannot change the cache by accident. The store is its database's only writer (the
 * connection holds an exclusive lock), and every write keeps the cache true: a cached row updated keeps its new
 * version (`replace`), a row inserted or deleted is forgotten (`forget`), anything a failed transaction may have
 * left is dropped (`clear`), and so is everything when row ids may change (`VACUUM`).
 */
export class DocumentCache {
  private readonly tables = new Map<string, TableCache>();
  private size = 0;

  constructor(private readonly budget: number) {}

  get enabled(): boolean {
    return this.budget > 0;
  }

  has(table: string, rowid: number): boolean {
    return this.tables.get(table)?.rows.has(rowid) ?? false;
  }

  get(table: string, rowid: number): Raw | undefined {
    const entry = this.tables.get(table)?.rows.get(rowid);
    if (!entry) return undefined;
    entry.used = true;
    return entry.document;
  }

  /** The cached document whose `_id` is `id` (as the `id` column holds it), if it is cached. */
  byId(table: string, id: string): Raw | undefined {
    const rowid = this.tables.get(table)?.ids.get(id);
    return rowid === undefined ? undefined : this.get(table, rowid);
  }

  /**
   * Keeps a document just read (frozen in place) and returns it. `document` must be what decoding the stored row
   * gives (a `toStorableDocument` copy is).
   */
  put(table: string, rowid: number, document: Raw, size: number): Raw {
    if (!this.enabled || size > this.budget / 4) {
      this.forget(table, rowid);
      return document;
    }
    let cached = this.tables.get(table);
    if (!cached) {
      cached = { rows: new Map(), ids: new Map() };
      this.tables.set(table, cached);
    }
    const previous = cached.rows.get(rowid);
    if (previous) {
      this.size -= previous.size;
      cached.ids.delete(previous.id);
    }
    const id = String(document._id);
    cached.rows.set(rowid, { document: deepFreeze(document), id, size, used: false });
    cached.ids.set(id, rowid);
    this.size += size;
    if (this.size > this.budget) this.evict(cached);
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
    const cached = this.tables.get(table);
    const entry = cached?.rows.get(rowid);
    if (!cached || !entry) return;
    cached.rows.delete(rowid);
    cached.ids.delete(entry.id);
    this.size -= entry.size;
  }

  clear(table?: string): void {
    if (table === undefined) {
      this.tables.clear();
      this.size = 0;
      return;
    }
    const cached = this.tables.get(table);
    if (!cached) return;
    for (const entry of cached.rows.values()) this.size -= entry.size;
    this.tables.delete(table);
  }

  /**
   * Evicts down to 90% of the budget: rows of the table just added to first (so one large scan cannot push out
   * every other table's), then of the others; the oldest first, passing over once those read since (CLOCK).
   */
  private evict(first: TableCache): void {
    const target = this.budget * 0.9;
    const order = [first, ...[...this.tables.values()].filter((cached) => cached !== first)];
    for (const { rows, ids } of order) {
      for (let pass = 0; pass < 2; pass++) {
        for (const [rowid, entry] of rows) {
          if (this.size <= target) return;
          if (entry.used && pass === 0) {
            entry.used = false;
            continue;
          }
          rows.delete(rowid);
          ids.delete(entry.id);
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
