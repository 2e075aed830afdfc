import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { CollectionOptions, DocumentStore, PingOutcome } from '../documentStore';
import { StoreUnavailableError } from '../storageErrors';
import type { StoreCollection, StoredDocument } from '../storeCollection';
import { CollectionTable } from './collectionTable';
import { DocumentCache } from './documentCache';
import { EmbeddedCollection } from './embeddedCollection';
import { GroupCommit } from './groupCommit';
import { LogSync, type SyncFile } from './logSync';
import { migrateStoreFormat } from './storeFormat';

export interface EmbeddedStoreOptions {
  /** The folder holding the database file `store.sqlite` (and its `-wal` log); created if missing. */
  dataDir: string;
  logger: Logger;
  /** Accepted for compatibility; SQLite needs no periodic compaction (`purgeDeleted` vacuums). */
  compactionIntervalMs?: number;
  /** How often documents past their TTL are deleted (default 30 seconds). */
  maintenanceIntervalMs?: number;
  /**
   * How much of the documents read is kept decoded in memory, in characters of stored JSON (default 16 million,
   * about 40 MB of heap; 0 turns the cache off). See `DocumentCache`.
   */
  documentCacheCharacters?: number;
  /** Accepted for compatibility with the nedb store; every collection is on disk. */
  onDisk?: 'cold' | 'all' | 'none';
  /** How the write-ahead log is synced to disk (default `fs.fdatasync`; tests stand in for the disk here). */
  syncLog?: SyncFile;
}

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const DATABASE_FILE = 'store.sqlite';
const DEFAULT_DOCUMENT_CACHE = 16_000_000;

/**
 * The default backend: one SQLite database in the data folder (`store.sqlite`), one table per collection holding
 * JSON documents. A write resolves once the write-ahead log holding it is synced to disk, so it survives `kill -9`
 * and a power cut; the sync runs off the event loop and serves every write committed meanwhile (`LogSync`), so no
 * request waits for the disk on another's behalf. `secure_delete` overwrites deleted rows, and `purgeDeleted` checkpoints the log and
 * vacuums, so erased data is gone from the files. One process owns the folder: the database is opened in SQLite's
 * exclusive locking mode, and a second process (even in another container on the same host and volume) gets a
 * clear `StoreUnavailableError`. File locks are not reliable on network file systems (NFS, SMB): do not share one
 * there.
 */
export class EmbeddedDocumentStore implements DocumentStore {
  readonly backend = 'embedded';
  private readonly db: Database.Database;
  private readonly writes: GroupCommit;
  private readonly logSync: LogSync;
  private readonly cache: DocumentCache;
  private readonly tables = new Map<string, CollectionTable>();
  private readonly maintenanceTimer: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: EmbeddedStoreOptions) {
    keepPrivate(options.dataDir);
    this.db = openDatabase(this.filename());
    try {
      this.logSync = new LogSync(`${this.filename()}-wal`, options.syncLog);
      // The log's name in the folder must survive a power cut too.
      syncFolder(options.dataDir);
    } catch (error) {
      this.db.close();
      throw new StoreUnavailableError(`the write-ahead log of ${this.filename()} could not be opened`, {
        cause: error,
      });
    }
    this.cache = new DocumentCache(options.documentCacheCharacters ?? DEFAULT_DOCUMENT_CACHE);
    // A transaction that failed as a whole may have left rows in the cache that it read after changing them.
    this.writes = new GroupCommit(this.db, this.logSync, () => this.cache.clear());
    this.maintenanceTimer = setInterval(() => void this.maintain(), options.maintenanceIntervalMs ?? 30_000);
    this.maintenanceTimer.unref();
  }

  collection<T extends StoredDocument>(
    name: string,
    schema: z.ZodType<T>,
    _options: CollectionOptions = {},
  ): StoreCollection<T> {
    if (!COLLECTION_NAME.test(name)) throw new TypeError(`invalid collection name ${JSON.stringify(name)}`);
    let table = this.tables.get(name);
    if (!table) {
      this.assertOpen();
      table = new CollectionTable(this.db, name);
      this.tables.set(name, table);
    }
    return new EmbeddedCollection(
      name,
      { db: this.db, writes: this.writes, table, cache: this.cache, assertOpen: () => this.assertOpen() },
      schema,
    );
  }

  /** The collections stored (for the benchmark's counts). */
  collectionNames(): string[] {
    this.assertOpen();
    const tables = this.db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'`,
      )
      .all();
    return tables.map((table) => table.name.slice(2));
  }

  /** The database file. */
  filename(): string {
    return path.join(this.options.dataDir, DATABASE_FILE);
  }

  settled(options: { withinMs?: number; upTo?: number } = {}): Promise<void> {
    return new Promise((resolve, reject) =>
      this.logSync.whenSynced(
        (error) => (error ? reject(new StoreUnavailableError(error.message, { cause: error })) : resolve()),
        options.withinMs,
        options.upTo,
      ),
    );
  }

  commitMark(): number {
    return this.logSync.mark();
  }

  async ping(): Promise<PingOutcome> {
    if (this.closed) return { ok: false, problem: 'the store is closed' };
    const problem = this.logSync.problem();
    if (problem) return { ok: false, problem };
    try {
      this.db.prepare('SELECT 1').get();
      return { ok: true };
    } catch (error) {
      return { ok: false, problem: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Deletes documents past their TTL now (and vacuums, with `compactAll`). Runs on a timer; exposed for tests. */
  async maintain(options: { compactAll?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    for (const table of this.tables.values()) {
      const ttl = table.ttl();
      if (!ttl) continue;
      const cutoff = Date.now() - ttl.seconds * 1000;
      try {
        const expired = await this.writes.write(() => {
          const rowids = table.deleteExpired(ttl.field, cutoff);
          for (const rowid of rowids) this.cache.forget(table.name, rowid);
          return rowids.length;
        });
        if (expired > 0) this.options.logger.info({ collection: table.name, expired }, 'expired documents removed');
      } catch (error) {
        const problem = error instanceof Error ? error.message : String(error);
        this.options.logger.error({ collection: table.name, problem }, 'embedded store maintenance failed');
      }
    }
    if (options.compactAll) await this.purgeDeleted();
  }

  /** Checkpoints the write-ahead log into the database, truncates it, and vacuums: deleted rows leave no trace. */
  async purgeDeleted(): Promise<void> {
    this.assertOpen();
    this.writes.flush();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.exec('VACUUM');
    // VACUUM may number rows afresh.
    this.cache.clear();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** A consistent copy of the database to `destination` while the store is in use (SQLite's online backup). */
  async backup(destination: string): Promise<void> {
    this.assertOpen();
    await this.db.backup(destination);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.maintenanceTimer);
    this.writes.flush();
    this.closed = true;
    await this.logSync.close();
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the store is closed');
  }
}

function openDatabase(filename: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(filename, { timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    // Commits do not wait for the disk: `LogSync` syncs the log off the event loop before a write resolves.
    db.pragma('synchronous = NORMAL');
    db.pragma('secure_delete = ON');
    // SQLite's page cache: 4 MB (better-sqlite3 builds SQLite with 16 MB, which filled during the soak and stayed).
    // Documents are read through the decoded document cache and the operating system caches the file.
    db.pragma('cache_size = -4000');
    // Checkpoint the log every 4,000 pages (16 MB) rather than SQLite's 1,000: a page written by several commits
    // in between is copied back once (a third more writes per second when indexes take random keys); the log is
    // cut back to that size after each checkpoint.
    db.pragma('wal_autocheckpoint = 4000');
    db.pragma(`journal_size_limit = ${4000 * 4096}`);
    // Takes the exclusive lock now, so a second process fails here rather than at its first write.
    db.exec('BEGIN IMMEDIATE; COMMIT');
    migrateStoreFormat(db, filename);
    return db;
  } catch (error) {
    db?.close();
    if (error instanceof StoreUnavailableError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new StoreUnavailableError(
        `${filename} is in use by another process (one process owns a data folder; stop the other one, or use MongoDB for several instances)`,
        { cause: error },
      );
    }
    throw new StoreUnavailableError(
      `${filename} could not be opened (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
}

function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * The data folder holds residents' personal data and the Direct Line secret: it is made readable by this user only
 * (0700, its files 0600), and so is every file written after, by this process's file mode mask.
 */
function keepPrivate(dataDir: string): void {
  process.umask(process.umask() | 0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    chmodSync(path.join(dataDir, entry.name), entry.isDirectory() ? 0o700 : 0o600);
  }
}
