import type { Logger } from 'pino';
import { StoreUnavailableError } from '../storageErrors';
import type { DuplicateKey, FindManyOptions, IndexOptions, ProjectionSpec } from '../storeCollection';
import { SerialQueue } from './serialQueue';
import { isUniqueViolation, messageOf, violatedIndex } from './uniqueViolation';

export type RawDocument = Record<string, unknown>;
export type FileWriteOutcome = { ok: true } | DuplicateKey;
export type ReplaceOutcome = { ok: true; replaced: boolean } | DuplicateKey;

/**
 * One collection of the embedded store and its file (`<dataDir>/<name>.db`, nedb's format: one JSON line per
 * version of a document, appended before a write resolves). Two kinds: `ResidentCollectionFile` holds every document
 * in memory (nedb itself); `DiskCollectionFile` holds only index keys in memory and reads documents from the file.
 * `EmbeddedCollection` gives either MongoDB's semantics.
 */
export interface CollectionFile {
  readonly name: string;
  readonly filename: string;
  /** Runs a write, or a read-modify-write, alone: after every write queued before it, before any queued after. */
  exclusive<R>(task: () => Promise<R>): Promise<R>;
  find(filter: RawDocument, options: FindManyOptions & { projection?: ProjectionSpec }): Promise<RawDocument[]>;
  count(filter: RawDocument): Promise<number>;
  /** Inserts documents all or nothing. */
  insert(documents: RawDocument[]): Promise<FileWriteOutcome>;
  /** Replaces the document with this `_id`; `replaced: false` when it has gone (expired since it was read). */
  replace(id: string, document: RawDocument): Promise<ReplaceOutcome>;
  remove(filter: RawDocument, multi: boolean): Promise<number>;
  /** (Re)creates an index with exactly these options. */
  ensureIndex(fields: string[], options: IndexOptions): Promise<void>;
  /** Removes documents past their TTL; returns how many. */
  sweepExpired(): Promise<number>;
  /** Whether superseded lines have grown past the live documents (or 1,000), so compacting early is worth it. */
  needsCompaction(): boolean;
  /** Rewrites the file with one line per live document (crash-safe: temporary file, fsync, rename). */
  compact(): Promise<void>;
  /** Why the collection cannot serve, if it cannot. */
  problem(): string | undefined;
  close(): Promise<void>;
}

/** Superseded lines tolerated before maintenance compacts early: at least this many, or as many as live documents. */
export const MIN_LINES_BEFORE_COMPACTION = 1000;

/**
 * What both kinds share: the queue that serialises writes, the translation of a unique violation into
 * `DuplicateKey`, and the rule for a failed write. A failed append may leave memory ahead of the file, so the file is
 * loaded again (`reload`), and if that fails too the collection refuses further use (and `ping` reports it) rather
 * than serve data it has not stored.
 */
export abstract class GuardedCollectionFile {
  protected readonly uniqueIndexes = new Map<string, string[]>([['_id', ['_id']]]);
  protected closed = false;
  private readonly queue = new SerialQueue();
  private failure: string | undefined;

  protected constructor(
    readonly name: string,
    readonly filename: string,
    protected readonly logger: Logger,
  ) {}

  exclusive<R>(task: () => Promise<R>): Promise<R> {
    return this.queue.run(async () => {
      this.assertUsable();
      return task();
    });
  }

  problem(): string | undefined {
    return this.failure;
  }

  /** Resolves once every task queued so far has settled. */
  protected drainQueue(): Promise<void> {
    return this.queue.drain();
  }

  /** Loads the file again, replacing what memory holds. */
  protected abstract reload(): Promise<void>;

  protected assertUsable(): void {
    if (this.closed) throw new StoreUnavailableError(`the store is closed (${this.name})`);
    if (this.failure) throw new StoreUnavailableError(this.failure);
  }

  protected duplicateOrFail(error: unknown, documents: RawDocument[]): Promise<DuplicateKey> {
    if (!isUniqueViolation(error)) return this.failWrite(error);
    const fields = violatedIndex(this.uniqueIndexes.values(), error.key, documents);
    return Promise.resolve({ ok: false, reason: 'duplicateKey', fields });
  }

  protected async failWrite(error: unknown): Promise<never> {
    if (error instanceof StoreUnavailableError && (this.closed || this.failure)) throw error;
    this.logger.error({ collection: this.name, problem: messageOf(error) }, 'embedded store write failed; reloading');
    try {
      await this.reload();
    } catch (reloadError) {
      this.failure = `${this.filename} could not be written or reloaded (${messageOf(reloadError)})`;
      this.logger.error({ collection: this.name, problem: this.failure }, 'embedded collection out of service');
    }
    throw new StoreUnavailableError(`writing to ${this.filename} failed (${messageOf(error)})`, { cause: error });
  }
}
