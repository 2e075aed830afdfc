import type { z } from 'zod';
import type { StoreCollection, StoredDocument } from './storeCollection';

/** How a repository uses a collection, so a backend can keep it well (MongoDB needs no hint and ignores it). */
export interface CollectionOptions {
  /**
   * Documents written once (or seldom changed) and read a few at a time through an index, kept long: activity logs,
   * events, uploads. The embedded store keeps such documents in their file and only their index keys in memory, so
   * its memory does not grow with them. The first call for a name decides.
   */
  cold?: boolean;
}

/** The result of a health check: `ok`, or why the store cannot serve (safe to log: no credentials, no data). */
export type PingOutcome = { ok: true } | { ok: false; problem: string };

/** A watch on a collection's inserts; `close` stops it. */
export interface InsertWatch {
  close(): Promise<void>;
}

/**
 * Where the bot keeps everything: the embedded store in `DATA_DIR` by default, or MongoDB. Repositories are
 * written once against this port.
 */
export interface DocumentStore {
  /** `embedded` or `mongodb`, for logs and the readiness check. */
  readonly backend: 'embedded' | 'mongodb';

  /**
   * The collection `name` (letters, digits, `_` and `-`). Every document read back is parsed with `schema`, so a
   * repository's types are checked at the edge rather than asserted. Calling it twice with the same name gives two
   * views of the same documents.
   */
  collection<T extends StoredDocument>(
    name: string,
    schema: z.ZodType<T>,
    options?: CollectionOptions,
  ): StoreCollection<T>;

  /**
   * Reports documents inserted into the collection `name` by any process, as they are inserted (MongoDB change
   * streams, which need a replica set; `onError` is called once if the server cannot watch, e.g. a standalone
   * server, and the watch stops). Absent on the embedded store, which one process owns.
   */
  watchInserts?<T extends StoredDocument>(
    name: string,
    schema: z.ZodType<T>,
    onInsert: (document: T) => void,
    onError: (error: Error) => void,
  ): InsertWatch;

  /**
   * Rewrites the store's files so that deleted documents are gone from them, not merely marked deleted (erasure
   * needs this: an append-only file keeps the deleted lines until it is compacted). Rejects if any file could not
   * be rewritten. Absent on MongoDB, where a deleted document can no longer be read (backups aside).
   */
  purgeDeleted?(): Promise<void>;

  /**
   * Resolves once every write already committed is on disk (rejects if it cannot get there). A read whose result
   * must not show what a power cut could still take back (an activity's seq handed to a client) awaits it after
   * reading. The embedded store commits before it syncs, so another read may see a write in that moment; absent on
   * MongoDB, whose writes are acknowledged per its write concern. `upTo`: only what was committed by that
   * `commitMark()`; `withinMs`: how long the sync may wait for another write to share it, when nobody needs the
   * answer at once (at once by default).
   */
  settled?(options?: { withinMs?: number; upTo?: number }): Promise<void>;

  /** A mark of every write committed so far, for `settled({ upTo })` (with `settled`). */
  commitMark?(): number;

  /** Whether the store can serve now (MongoDB answers a ping; every embedded file loaded and none failed). */
  ping(): Promise<PingOutcome>;

  /** Waits for writes in flight, then releases files, timers and connections. Later operations reject. */
  close(): Promise<void>;
}
