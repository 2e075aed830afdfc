import { chmodSync, mkdirSync, readdirSync } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { CollectionOptions, DocumentStore, PingOutcome } from '../documentStore';
import { StoreUnavailableError } from '../storageErrors';
import type { StoreCollection, StoredDocument } from '../storeCollection';
import type { CollectionFile } from './collectionFile';
import { lockDataDir } from './dataDirLock';
import { DiskCollectionFile } from './diskCollectionFile';
import { EmbeddedCollection } from './embeddedCollection';
import { ResidentCollectionFile } from './residentCollectionFile';

export interface EmbeddedStoreOptions {
  /** The folder holding one `<collection>.db` file per collection; created if missing. */
  dataDir: string;
  logger: Logger;
  /** nedb's periodic compaction of every file (default 10 minutes; nedb's minimum is 5 seconds). */
  compactionIntervalMs?: number;
  /**
   * How often expired documents are swept out and files that have grown past twice their live size are compacted
   * early, so a file stays bounded however fast it is written (default 30 seconds).
   */
  maintenanceIntervalMs?: number;
  /**
   * Which collections keep their documents in their file rather than in memory (`DiskCollectionFile`): those opened
   * as `cold` (the default), all of them, or none.
   */
  onDisk?: 'cold' | 'all' | 'none';
}

const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * The default backend: nedb files in a data folder, one per collection, opened at first use. A collection's
 * documents are held in memory (nedb), or for cold collections only their index keys (`DiskCollectionFile`). One
 * process owns a data folder at a time (`lockDataDir`; constructing a second store on it throws). See
 * `CollectionFile` for durability.
 */
export class EmbeddedDocumentStore implements DocumentStore {
  readonly backend = 'embedded';
  private readonly files = new Map<string, Promise<CollectionFile>>();
  private readonly maintenanceTimer: NodeJS.Timeout;
  private readonly unlock: () => void;
  private maintaining: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly options: EmbeddedStoreOptions) {
    keepPrivate(options.dataDir);
    this.unlock = lockDataDir(options.dataDir);
    this.maintenanceTimer = setInterval(() => void this.maintain(), options.maintenanceIntervalMs ?? 30_000);
    this.maintenanceTimer.unref();
  }

  collection<T extends StoredDocument>(
    name: string,
    schema: z.ZodType<T>,
    options: CollectionOptions = {},
  ): StoreCollection<T> {
    if (!COLLECTION_NAME.test(name)) throw new TypeError(`invalid collection name ${JSON.stringify(name)}`);
    const onDisk = this.options.onDisk ?? 'cold';
    return new EmbeddedCollection(
      name,
      this.fileFor(name, onDisk === 'all' || (onDisk === 'cold' && options.cold === true)),
      schema,
    );
  }

  /** The file a collection is kept in. */
  filename(name: string): string {
    return path.join(this.options.dataDir, `${name}.db`);
  }

  async ping(): Promise<PingOutcome> {
    if (this.closed) return { ok: false, problem: 'the store is closed' };
    try {
      await access(this.options.dataDir, constants.W_OK);
      for (const file of await Promise.all(this.files.values())) {
        const problem = file.problem();
        if (problem) return { ok: false, problem };
      }
      return { ok: true };
    } catch (error) {
      return { ok: false, problem: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Sweeps expired documents out of every open file and compacts those that need it (or all, with `compactAll`).
   * Runs on a timer; exposed for the benchmark and for tests that need expiry now.
   */
  maintain(options: { compactAll?: boolean } = {}): Promise<void> {
    this.maintaining ??= this.maintainOnce(options.compactAll ?? false).finally(() => {
      this.maintaining = undefined;
    });
    return this.maintaining;
  }

  /** Compacts every open file now, after any maintenance in flight; rejects if one fails (see `DocumentStore`). */
  async purgeDeleted(): Promise<void> {
    await this.maintaining;
    for (const file of await Promise.all(this.files.values())) await file.compact();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.maintenanceTimer);
    await this.maintaining;
    const files = await Promise.allSettled(this.files.values());
    await Promise.all(files.map((file) => (file.status === 'fulfilled' ? file.value.close() : undefined)));
    this.unlock();
  }

  private fileFor(name: string, onDisk: boolean): Promise<CollectionFile> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('the store is closed'));
    let file = this.files.get(name);
    if (!file) {
      const interval = this.options.compactionIntervalMs ?? 10 * 60_000;
      const { logger } = this.options;
      file = onDisk
        ? DiskCollectionFile.open(name, this.filename(name), logger)
        : ResidentCollectionFile.open(name, this.filename(name), logger, interval);
      file.catch(() => undefined);
      this.files.set(name, file);
    }
    return file;
  }

  private async maintainOnce(compactAll: boolean): Promise<void> {
    const opened = await Promise.allSettled(this.files.values());
    for (const result of opened) {
      if (result.status !== 'fulfilled' || result.value.problem()) continue;
      const file = result.value;
      try {
        const expired = await file.exclusive(() => file.sweepExpired());
        if (expired > 0) this.options.logger.info({ collection: file.name, expired }, 'expired documents removed');
        if (compactAll || file.needsCompaction()) await file.compact();
      } catch (error) {
        const problem = error instanceof Error ? error.message : String(error);
        this.options.logger.error({ collection: file.name, problem }, 'embedded store maintenance failed');
      }
    }
  }
}

/**
 * The data folder holds residents' personal data and the Direct Line secret: it is made readable by this user only
 * (0700, its files 0600), and so is every file written after, by this process's file mode mask (the store's files
 * are rewritten on compaction, so a one-off change would not last).
 */
function keepPrivate(dataDir: string): void {
  process.umask(process.umask() | 0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    chmodSync(path.join(dataDir, entry.name), entry.isDirectory() ? 0o700 : 0o600);
  }
}
