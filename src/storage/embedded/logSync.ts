import { closeSync, fdatasync, openSync } from 'node:fs';

/** How a file's data is synced to disk: `fs.fdatasync`, or a stand-in in tests. */
export type SyncFile = (fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => void;

/**
 * Makes committed transactions durable without blocking the event loop. The database runs with
 * `synchronous=NORMAL`, so a commit appends to the write-ahead log without waiting for the disk; this class then
 * `fdatasync`s the log on libuv's thread pool while the event loop goes on. Everything committed before a sync
 * starts is on disk when it ends, so one sync serves every commit made while the previous one ran (group commit):
 * under load a commit waits for at most two syncs, and nothing else waits at all.
 *
 * Not every commit needs a sync at once. One that nobody waits on (`noteCommitted`: analytics counts) and a caller
 * content to wait a moment (`whenSynced(done, withinMs)`: a reply the resident already sees, whose watermark can
 * follow) name how soon a sync must start; the next sync anyone starts serves them too, and a timer starts one when
 * nobody has by then. A sync is a round trip to the disk and, on a small machine, a thread woken on the core the
 * event loop runs on, so a turn that asks for one sync instead of four leaves the loop that much freer.
 *
 * A failed sync means the disk may have lost what it was given (the kernel may already have dropped the dirty
 * pages, so retrying proves nothing): every waiting commit and every later one is refused, and the store reports
 * itself unavailable until restarted, when SQLite recovers the log from what is really on disk.
 *
 * Checkpoints keep the guarantee: with `synchronous=NORMAL` SQLite syncs the log before copying it into the
 * database and syncs the database before reusing the log, whose file (and so this descriptor) stays the same.
 */
export class LogSync {
  private readonly fd: number;
  /** Commits are numbered in order: the last one's number, and the last one each sync started with and ended. */
  private committed = 0;
  private startedUpTo = 0;
  private syncedUpTo = 0;
  /** Callbacks for the next sync. */
  private waiting: Array<(error?: Error) => void> = [];
  /** The callbacks of the sync running now. */
  private running: Array<(error?: Error) => void> = [];
  private inFlight = false;
  /** When the next sync must start (`performance.now()` time), if one is wanted. */
  private dueAt = Infinity;
  private timer: NodeJS.Timeout | undefined;
  /** When the armed timer fires (`performance.now()` time). */
  private timerAt = Infinity;
  private failure: Error | undefined;
  private drained: Array<() => void> = [];
  private closing = false;

  constructor(
    logFile: string,
    private readonly sync: SyncFile = fdatasync,
  ) {
    // The log exists once the database is open in WAL mode; it is not created here.
    this.fd = openSync(logFile, 'r+');
  }

  /** Calls `done` once everything committed so far is on disk, or with the error that stopped it getting there. */
  afterCommit(done: (error?: Error) => void): void {
    if (this.failure) {
      done(this.failure);
      return;
    }
    this.committed += 1;
    this.waiting.push(done);
    this.want(0);
  }

  /** A commit nobody waits on: it is synced with the next sync, which starts within `withinMs` at the latest. */
  noteCommitted(withinMs: number): void {
    if (this.failure) return;
    this.committed += 1;
    this.want(withinMs);
  }

  /** A mark of everything committed so far, for `whenSynced`'s `upTo`. */
  mark(): number {
    return this.committed;
  }

  /**
   * Calls `done` once everything committed up to `upTo` (a `mark()`; by default everything so far) is on disk,
   * without a sync of its own when one already covers it: at once when it is on disk, else with the sync that
   * covers it, which starts within `withinMs` (at once by default).
   */
  whenSynced(done: (error?: Error) => void, withinMs = 0, upTo = this.committed): void {
    if (this.failure) done(this.failure);
    else if (upTo <= this.syncedUpTo) done();
    else if (this.inFlight && upTo <= this.startedUpTo) this.running.push(done);
    else {
      this.waiting.push(done);
      this.want(withinMs);
    }
  }

  /** Why the log could not be synced, if it could not. */
  problem(): string | undefined {
    return this.failure?.message;
  }

  /** Syncs what is unsynced, resolves once no sync is running or waiting, then closes the descriptor. */
  async close(): Promise<void> {
    this.closing = true;
    this.pump();
    if (this.inFlight) await new Promise<void>((resolve) => this.drained.push(resolve));
    clearTimeout(this.timer);
    closeSync(this.fd);
  }

  /** Asks for a sync to start within `withinMs`: now, when the one running ends, or by a timer. */
  private want(withinMs: number): void {
    this.dueAt = Math.min(this.dueAt, performance.now() + withinMs);
    this.pump();
  }

  private pump(): void {
    if (this.inFlight || this.failure) return;
    if (this.committed === this.startedUpTo) {
      this.dueAt = Infinity;
      return;
    }
    const wait = this.closing ? 0 : this.dueAt - performance.now();
    if (wait <= 0) {
      this.start();
      return;
    }
    // A timer already armed for the same time or sooner serves (most commits between two syncs find one).
    if (this.timer && this.timerAt <= this.dueAt) return;
    clearTimeout(this.timer);
    this.timerAt = this.dueAt;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, Math.ceil(wait));
    this.timer.unref();
  }

  private start(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    const upTo = this.committed;
    this.waiting = [];
    this.running = batch;
    this.startedUpTo = upTo;
    this.dueAt = Infinity;
    this.inFlight = true;
    this.sync(this.fd, (error) => {
      this.inFlight = false;
      this.running = [];
      if (error) {
        this.failure = new Error(`the write-ahead log could not be synced to disk (${error.code ?? error.message})`);
        clearTimeout(this.timer);
        for (const done of [...batch, ...this.waiting]) done(this.failure);
        this.waiting = [];
      } else {
        this.syncedUpTo = upTo;
        for (const done of batch) done();
        this.pump();
        if (this.inFlight) return;
      }
      for (const resolve of this.drained.splice(0)) resolve();
    });
  }
}
