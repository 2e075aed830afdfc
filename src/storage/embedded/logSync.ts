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
 * A failed sync means the disk may have lost what it was given (the kernel may already have dropped the dirty
 * pages, so retrying proves nothing): every waiting commit and every later one is refused, and the store reports
 * itself unavailable until restarted, when SQLite recovers the log from what is really on disk.
 *
 * Checkpoints keep the guarantee: with `synchronous=NORMAL` SQLite syncs the log before copying it into the
 * database and syncs the database before reusing the log, whose file (and so this descriptor) stays the same.
 */
export class LogSync {
  private readonly fd: number;
  private waiting: Array<(error?: Error) => void> = [];
  /** The callbacks of the sync running now. */
  private running: Array<(error?: Error) => void> = [];
  private inFlight = false;
  private failure: Error | undefined;
  private drained: Array<() => void> = [];

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
    this.waiting.push(done);
    if (!this.inFlight) this.start();
  }

  /**
   * Calls `done` once everything committed so far is on disk, without asking for a sync of its own: at once when
   * nothing is waiting, else with the sync that covers the last commit.
   */
  whenSynced(done: (error?: Error) => void): void {
    if (this.failure) done(this.failure);
    else if (this.waiting.length > 0) this.waiting.push(done);
    else if (this.inFlight) this.running.push(done);
    else done();
  }

  /** Why the log could not be synced, if it could not. */
  problem(): string | undefined {
    return this.failure?.message;
  }

  /** Resolves once no sync is running or waiting; then closes the descriptor. */
  async close(): Promise<void> {
    if (this.inFlight) await new Promise<void>((resolve) => this.drained.push(resolve));
    closeSync(this.fd);
  }

  private start(): void {
    const batch = this.waiting;
    this.waiting = [];
    this.running = batch;
    this.inFlight = true;
    this.sync(this.fd, (error) => {
      this.inFlight = false;
      if (error) {
        this.failure = new Error(`the write-ahead log could not be synced to disk (${error.code ?? error.message})`);
        for (const done of [...batch, ...this.waiting]) done(this.failure);
        this.waiting = [];
      } else {
        for (const done of batch) done();
        if (this.waiting.length > 0) {
          this.start();
          return;
        }
      }
      for (const resolve of this.drained.splice(0)) resolve();
    });
  }
}
