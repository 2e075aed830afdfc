import type { Database, Transaction } from 'better-sqlite3';
import { StoreUnavailableError } from '../storageErrors';
import type { InsertOneOptions } from '../storeCollection';

/** What makes a committed transaction durable (`LogSync`); its callback may come later, off the event loop. */
export interface Durability {
  afterCommit(done: (error?: Error) => void): void;
  /** A commit nobody waits on: synced with the next sync, which starts within `withinMs` at the latest. */
  noteCommitted(withinMs: number): void;
  problem(): string | undefined;
}

/**
 * How soon a transaction that only holds writes acknowledged on commit (analytics counts) is synced, at the
 * latest: usually sooner, with the next write someone waits for.
 */
export const COMMITTED_ONLY_SYNC_WITHIN_MS = 200;

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Pending {
  run: () => unknown;
  savepoint: boolean;
  /** Resolve once committed, not waiting for the disk (the caller awaits `durability` itself). */
  onCommit: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes run one at a time (in a savepoint when they ask, so a refused write undoes only itself), and the writes
 * queued by the same piece of code (before its promise callbacks have all run) share one transaction. A promise
 * resolves only once its write is on disk: the commit itself does not wait for the disk, `durability` then syncs the
 * write-ahead log off the event loop, one sync for every transaction committed meanwhile; a transaction of writes
 * acknowledged on commit asks for no sync of its own, the next one serves it (within
 * `COMMITTED_ONLY_SYNC_WITHIN_MS`). better-sqlite3 is synchronous, so a read-modify-write inside `run` is atomic.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  /** The batch's transaction and a write's savepoint, wrapped once: better-sqlite3 builds a function per wrap. */
  private readonly inTransaction: Transaction<(batch: Pending[], outcomes: Outcome[]) => void>;
  private readonly inSavepoint: (run: () => unknown) => unknown;

  constructor(
    db: Database,
    private readonly durability: Durability,
    private readonly onFailedTransaction: () => void = () => undefined,
  ) {
    this.inSavepoint = db.transaction((run: () => unknown) => run());
    this.inTransaction = db.transaction((batch: Pending[], outcomes: Outcome[]) => {
      for (const pending of batch) {
        try {
          const value = pending.savepoint ? this.inSavepoint(pending.run) : pending.run();
          outcomes.push({ ok: true, value });
        } catch (error) {
          // A savepoint undone may take back rows whose new versions were cached.
          if (pending.savepoint) this.onFailedTransaction();
          outcomes.push({ ok: false, error });
        }
      }
    });
  }

  /**
   * Queues a write. A write of one SQL statement needs no savepoint (SQLite undoes a failed statement by itself);
   * one of several statements that must stand or fall together asks for one.
   */
  write<R>(run: () => R, options: { savepoint?: boolean } & InsertOneOptions = {}): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({
        run,
        savepoint: options.savepoint ?? false,
        onCommit: options.acknowledge === 'committed',
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (!this.scheduled) {
        this.scheduled = true;
        // As soon as the code running now (and the promise callbacks it set off) is done, not on the event loop's
        // next check phase: under load a write would wait there behind every socket's callbacks of the loop's
        // turn (200 residents: 0.18 ms a write, the transaction's own time), and the reply behind it.
        queueMicrotask(() => this.flush());
      }
    });
  }

  /** Runs what is queued now (also called before closing). */
  flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const problem = this.durability.problem();
    if (problem) {
      // Nothing more is committed once the disk has failed to keep what it was given.
      const error = new StoreUnavailableError(problem);
      for (const pending of batch) pending.reject(error);
      return;
    }
    const outcomes: Outcome[] = [];
    try {
      this.inTransaction.immediate(batch, outcomes);
    } catch (error) {
      this.onFailedTransaction();
      for (const pending of batch) pending.reject(error);
      return;
    }
    const settle = (pending: Pending, index: number) => {
      const outcome = outcomes[index];
      if (outcome?.ok) pending.resolve(outcome.value);
      else pending.reject(outcome?.error);
    };
    batch.forEach((pending, index) => {
      if (pending.onCommit) settle(pending, index);
    });
    if (batch.every((pending) => pending.onCommit)) {
      this.durability.noteCommitted(COMMITTED_ONLY_SYNC_WITHIN_MS);
      return;
    }
    this.durability.afterCommit((syncError) => {
      const error = syncError && new StoreUnavailableError(syncError.message, { cause: syncError });
      batch.forEach((pending, index) => {
        if (pending.onCommit) return;
        if (error) pending.reject(error);
        else settle(pending, index);
      });
    });
  }
}
