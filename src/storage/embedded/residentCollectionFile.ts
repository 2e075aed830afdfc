import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import type { Logger } from 'pino';
import { StoreUnavailableError } from '../storageErrors';
import type { FindManyOptions, IndexOptions, ProjectionSpec } from '../storeCollection';
import {
  type CollectionFile,
  type FileWriteOutcome,
  GuardedCollectionFile,
  MIN_LINES_BEFORE_COMPACTION,
  type RawDocument,
  type ReplaceOutcome,
} from './collectionFile';
import { nedbQuery } from './nedbQuery';
import { repairTornTail } from './repairTornTail';
import { isUniqueViolation, messageOf } from './uniqueViolation';

/**
 * One collection's nedb datastore and its file (`<dataDir>/<name>.db`), every document held in memory: loading
 * (after cutting a torn last line), the translation of nedb's errors, indexes, TTL sweeps and compaction.
 *
 * nedb keeps every document in memory and appends each change to the file before its promise resolves; loading
 * and compaction rewrite the file through a temporary copy and a rename, so a crash at any point leaves either the
 * old or the new file.
 */
export class ResidentCollectionFile extends GuardedCollectionFile implements CollectionFile {
  private hasTtlIndex = false;
  private linesSinceCompaction = 0;

  private constructor(
    name: string,
    filename: string,
    private readonly datastore: Datastore<RawDocument>,
    logger: Logger,
  ) {
    super(name, filename, logger);
    datastore.on('compaction.done', () => {
      this.linesSinceCompaction = 0;
    });
  }

  /** Opens (creating if needed) and loads the file; `compactionIntervalMs` is nedb's periodic compaction. */
  static async open(name: string, filename: string, logger: Logger, compactionIntervalMs: number) {
    await mkdir(path.dirname(filename), { recursive: true });
    const cut = await repairTornTail(filename);
    if (cut > 0) logger.warn({ collection: name, bytes: cut }, 'cut an unfinished write off the end of the data file');
    // Zero tolerance: a torn tail is repaired above, so any other bad line is damage to report, not to skip.
    const datastore = new Datastore<RawDocument>({ filename, corruptAlertThreshold: 0 });
    try {
      await datastore.loadDatabaseAsync();
    } catch (error) {
      throw new StoreUnavailableError(`cannot load ${filename}: ${messageOf(error)}`, { cause: error });
    }
    datastore.setAutocompactionInterval(compactionIntervalMs);
    return new ResidentCollectionFile(name, filename, datastore, logger);
  }

  async find(filter: RawDocument, options: FindManyOptions & { projection?: ProjectionSpec }): Promise<RawDocument[]> {
    this.assertUsable();
    let cursor = this.datastore.findAsync(nedbQuery(filter), options.projection ?? {});
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    return [...(await cursor)];
  }

  async count(filter: RawDocument): Promise<number> {
    this.assertUsable();
    return Number(await this.datastore.countAsync(nedbQuery(filter)));
  }

  /** Inserts documents all or nothing (nedb rolls back its indexes when one violates a unique index). */
  async insert(documents: RawDocument[]): Promise<FileWriteOutcome> {
    try {
      await this.datastore.insertAsync(documents);
      this.linesSinceCompaction += documents.length;
      return { ok: true };
    } catch (error) {
      return this.duplicateOrFail(error, documents);
    }
  }

  /** Replaces the document with this `_id`; `replaced: false` when it has gone (expired since it was read). */
  async replace(id: string, document: RawDocument): Promise<ReplaceOutcome> {
    try {
      const { numAffected } = await this.datastore.updateAsync({ _id: id }, document, {});
      this.linesSinceCompaction += numAffected;
      return { ok: true, replaced: numAffected > 0 };
    } catch (error) {
      return this.duplicateOrFail(error, [document]);
    }
  }

  async remove(filter: RawDocument, multi: boolean): Promise<number> {
    try {
      const removed = await this.datastore.removeAsync(nedbQuery(filter), { multi });
      this.linesSinceCompaction += removed;
      return removed;
    } catch (error) {
      return this.failWrite(error);
    }
  }

  /** (Re)creates an index with exactly these options: nedb does not reload TTL settings from its file. */
  async ensureIndex(fields: string[], options: IndexOptions): Promise<void> {
    const indexName = [...fields].sort().join(',');
    if (indexName === '_id') return;
    await this.datastore.removeIndexAsync(indexName);
    try {
      await this.datastore.ensureIndexAsync({
        fieldName: fields.length === 1 ? indexName : fields,
        unique: options.unique ?? false,
        sparse: options.sparse ?? false,
        expireAfterSeconds: options.expireAfterSeconds,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new StoreUnavailableError(`cannot create unique index on ${indexName} in ${this.name}: duplicates exist`);
      }
      throw error;
    }
    if (options.unique) this.uniqueIndexes.set(indexName, fields);
    else this.uniqueIndexes.delete(indexName);
    if (options.expireAfterSeconds !== undefined) this.hasTtlIndex = true;
  }

  /** Removes documents past their TTL (nedb otherwise only drops them when a query reaches them). */
  async sweepExpired(): Promise<number> {
    if (!this.hasTtlIndex) return 0;
    const before = this.documentCount();
    await this.datastore.countAsync({});
    const removed = before - this.documentCount();
    this.linesSinceCompaction += removed;
    return removed;
  }

  /** Whether superseded lines have grown past the live documents (or 1,000), so compacting early is worth it. */
  needsCompaction(): boolean {
    return this.linesSinceCompaction > Math.max(MIN_LINES_BEFORE_COMPACTION, this.documentCount());
  }

  /** Rewrites the file with one line per live document (crash-safe: temporary file, fsync, rename). */
  async compact(): Promise<void> {
    this.assertUsable();
    await this.datastore.compactDatafileAsync();
  }

  async close(): Promise<void> {
    this.datastore.stopAutocompaction();
    await this.drainQueue();
    this.closed = true;
  }

  private documentCount(): number {
    return this.datastore.getAllData().length;
  }

  protected reload(): Promise<void> {
    return this.datastore.loadDatabaseAsync();
  }
}
