import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { parseStoredDocument } from '../parseStoredDocument';
import { copyValue, isDate } from '../plainObject';
import { StoreUnavailableError } from '../storageErrors';
import type { Filter, Update } from '../queryTypes';
import type {
  DuplicateKey,
  FindManyOptions,
  FindOneAndUpdateOptions,
  FindOneAndUpdateOutcome,
  FindOneOptions,
  IndexKeys,
  IndexOptions,
  InsertManyOutcome,
  InsertOneOptions,
  InsertOneOutcome,
  ProjectedDocument,
  ProjectionSpec,
  SortSpec,
  StoreCollection,
  StoredDocument,
  UpdateOneOptions,
  UpdateOneOutcome,
} from '../storeCollection';
import { toStorableDocument } from '../toStorableDocument';
import { upsertDocumentId, upsertSeed } from '../upsertSeed';
import { validateFilter } from '../validateFilter';
import { validateUpdate } from '../validateUpdate';
import { applyUpdate, documentFromSeed } from './applyUpdate';
import type { CollectionTable } from './collectionTable';
import type { DocumentCache } from './documentCache';
import { decodeDocument, encodeDocument } from './documentCodec';
import type { GroupCommit } from './groupCommit';
import { matchesFilter } from './matchesFilter';
import { sortDocuments } from './mongoOrder';
import { projectDocument } from './projection';
import { pushDown } from './sqlPushdown';
import { valuesEqual } from './valuesEqual';

type Raw = Record<string, unknown>;
type Plain = Readonly<Record<string, unknown>>;
type UpdateResult = { ok: true; before: Raw | undefined; after: Raw | undefined; upserted: boolean } | DuplicateKey;

/** What a collection needs from its store: the connection, the write queue, its table, and whether it is open. */
export interface CollectionContext {
  db: Database;
  writes: GroupCommit;
  table: CollectionTable;
  cache: DocumentCache;
  assertOpen(): void;
}

/**
 * `StoreCollection` on a SQLite table. SQL narrows a query by `_id` and indexed fields (`pushDown`); every row it
 * returns is then checked with `matchesFilter`, sorted with MongoDB's order and projected here, so the semantics are
 * MongoDB's whatever SQL narrowed. Each write, read-modify-write included, runs alone (better-sqlite3 is synchronous).
 */
export class EmbeddedCollection<T extends StoredDocument> implements StoreCollection<T> {
  constructor(
    readonly name: string,
    private readonly context: CollectionContext,
    private readonly schema: z.ZodType<T>,
  ) {}

  async insertOne(document: T, options: InsertOneOptions = {}): Promise<InsertOneOutcome> {
    const storable = toStorableDocument(document);
    return this.write(() => this.insertRow(storable), false, options);
  }

  async insertMany(documents: readonly T[]): Promise<InsertManyOutcome> {
    const storable = documents.map((document) => toStorableDocument(document));
    return this.write(() => {
      for (const [index, document] of storable.entries()) {
        const outcome = this.insertRow(document);
        if (!outcome.ok) return { ...outcome, insertedCount: index };
      }
      return { ok: true, insertedCount: storable.length };
    });
  }

  findOne(filter: Filter<T>, options?: FindOneOptions): Promise<T | null>;
  findOne(
    filter: Filter<T>,
    options: FindOneOptions & { projection: ProjectionSpec },
  ): Promise<ProjectedDocument | null>;
  async findOne(
    filter: Filter<T>,
    options: FindOneOptions & { projection?: ProjectionSpec } = {},
  ): Promise<T | ProjectedDocument | null> {
    const plain = validated(filter);
    this.context.assertOpen();
    const [found] = this.select(plain, options.sort, 1, 0);
    if (!found) return null;
    return options.projection
      ? (copyValue(projectDocument(found, options.projection)) as ProjectedDocument)
      : this.parse(found);
  }

  findMany(filter: Filter<T>, options?: FindManyOptions): Promise<T[]>;
  findMany(filter: Filter<T>, options: FindManyOptions & { projection: ProjectionSpec }): Promise<ProjectedDocument[]>;
  async findMany(
    filter: Filter<T>,
    options: FindManyOptions & { projection?: ProjectionSpec } = {},
  ): Promise<T[] | ProjectedDocument[]> {
    const plain = validated(filter);
    this.context.assertOpen();
    const found = this.select(plain, options.sort, options.limit ?? 0, options.skip ?? 0);
    const { projection } = options;
    return projection
      ? found.map((document) => copyValue(projectDocument(document, projection)) as ProjectedDocument)
      : found.map((document) => this.parse(document));
  }

  async updateOne(filter: Filter<T>, update: Update<T>, options: UpdateOneOptions = {}): Promise<UpdateOneOutcome> {
    const result = await this.update(filter, update, options.upsert ?? false);
    if (!result.ok) return result;
    return {
      ok: true,
      matchedCount: result.before ? 1 : 0,
      modifiedCount: !result.upserted && result.after !== undefined ? 1 : 0,
      upsertedCount: result.upserted ? 1 : 0,
      upsertedId: result.upserted ? String(result.after?._id) : undefined,
    };
  }

  async findOneAndUpdate(
    filter: Filter<T>,
    update: Update<T>,
    options: FindOneAndUpdateOptions,
  ): Promise<FindOneAndUpdateOutcome<T>> {
    const result = await this.update(filter, update, options.upsert ?? false, options.sort);
    if (!result.ok) return result;
    const returned = options.returnDocument === 'before' ? result.before : (result.after ?? result.before);
    return { ok: true, document: returned ? this.parse(returned) : null };
  }

  async deleteOne(filter: Filter<T>): Promise<{ deletedCount: number }> {
    return this.delete(filter, false);
  }

  async deleteMany(filter: Filter<T>): Promise<{ deletedCount: number }> {
    return this.delete(filter, true);
  }

  async countDocuments(filter: Filter<T> = {}): Promise<number> {
    const plain = validated(filter);
    this.context.assertOpen();
    return this.select(plain, undefined, 0, 0).length;
  }

  async createIndex(keys: IndexKeys, options: IndexOptions = {}): Promise<void> {
    try {
      await this.write(() => {
        // Creating an index may rewrite rows (`uncompress`): what was cached of them goes.
        this.context.cache.clear(this.name);
        this.context.table.ensureIndex(keys, options);
      }, true);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
      throw new StoreUnavailableError(
        `the unique index on ${Object.keys(keys).join(', ')} of ${this.name} cannot be created: documents share a key`,
        { cause: error },
      );
    }
  }

  /** The documents matching `filter` (expired ones left out), sorted, skipped and limited. */
  private select(filter: Plain, sort: SortSpec | undefined, limit: number, skip: number): Raw[] {
    const expiredBefore = this.expiryCutoff();
    const found: Raw[] = [];
    const stopAt = sort ? Infinity : limit > 0 ? skip + limit : Infinity;
    this.forEachCandidate(filter, stopAt === Infinity, (document) => {
      if (expiredBefore && expiredBefore.isExpired(document)) return false;
      if (!matchesFilter(document, filter)) return false;
      found.push(document);
      return found.length >= stopAt;
    });
    if (sort) sortDocuments(found, sort);
    return found.slice(skip, limit > 0 ? skip + limit : undefined);
  }

  /**
   * Visits the documents SQL narrows `filter` to (until `visit` says stop), from the cache where it has them. A
   * lookup by `_id` is one query. Otherwise an index (or the table) gives the row ids, in its order; rows not cached
   * are read one by one, or, when many are missing and all will be wanted (`all`), in one query in table order,
   * which visits each page once where following the index would jump about the table.
   */
  private forEachCandidate(filter: Plain, all: boolean, visit: (document: Raw) => boolean): void {
    const { table, cache } = this.context;
    const where = pushDown(filter, table.columnOf);
    const narrowed = where.params.length > 0;
    const decoded = (rowid: number, text: string): Raw =>
      cache.get(table.name, rowid) ?? cache.put(table.name, rowid, decodeDocument(text), text.length);
    const ids = idsOf(filter._id);
    if (ids) {
      // Every document asked for by `_id` is cached: no SQL at all.
      const cached = ids.map((id) => cache.byId(table.name, id));
      if (cached.every((document) => document !== undefined)) {
        for (const document of cached) if (document && visit(document)) return;
        return;
      }
    }
    if (narrowed && typeof filter._id === 'string') {
      const row = table
        .statement(`SELECT rowid, doc FROM ${table.table} WHERE ${where.sql}`)
        .raw()
        .get(...where.params) as [number, string] | undefined;
      if (row) visit(decoded(row[0], row[1]));
      return;
    }
    const rowids = table
      .statement(`SELECT rowid FROM ${table.table}${narrowed ? ` WHERE ${where.sql}` : ''}`)
      .pluck()
      .all(...where.params) as number[];
    let loaded: Map<number, string> | undefined;
    if (all && rowids.length > BULK_READ_FROM && rowids.some((rowid) => !cache.has(table.name, rowid))) {
      const rows = table
        .statement(
          narrowed
            ? `SELECT rowid, doc FROM ${table.table} WHERE rowid IN (SELECT rowid FROM ${table.table} WHERE ${where.sql}) ORDER BY rowid`
            : `SELECT rowid, doc FROM ${table.table} ORDER BY rowid`,
        )
        .raw()
        .all(...where.params) as Array<[number, string]>;
      loaded = new Map(rows);
    }
    const readOne = table.statement(`SELECT doc FROM ${table.table} WHERE rowid = ?`).pluck();
    for (const rowid of rowids) {
      let document = cache.get(table.name, rowid);
      if (!document) {
        const text = loaded?.get(rowid) ?? (readOne.get(rowid) as string | undefined);
        if (text === undefined) continue;
        document = cache.put(table.name, rowid, decodeDocument(text), text.length);
      }
      if (visit(document)) return;
    }
  }

  private expiryCutoff(): { isExpired(document: Raw): boolean } | undefined {
    const ttl = this.context.table.ttl();
    if (!ttl) return undefined;
    const cutoff = Date.now() - ttl.seconds * 1000;
    return {
      isExpired: (document) => {
        const value = document[ttl.field];
        return isDate(value) && value.getTime() <= cutoff;
      },
    };
  }

  private insertRow(document: Raw): InsertOneOutcome {
    const { table } = this.context;
    table.noteArrays(document);
    try {
      const encoded = encodeDocument(document, table.indexedPaths());
      const rowid = table
        .statement(`INSERT INTO ${table.table} (id, doc) VALUES (?, ?) RETURNING rowid`)
        .pluck()
        .get(String(document._id), encoded) as number;
      // A deleted row's id may be given again; what was cached under it is gone with it, but make sure. The new
      // document is not cached: most are not read back soon (activities go out from the live feed, events wait
      // for a report), and caching every write grew the store bench's resident memory by a tenth.
      this.context.cache.forget(table.name, rowid);
      return { ok: true };
    } catch (error) {
      return this.duplicateOrThrow(error);
    }
  }

  private duplicateOrThrow(error: unknown): DuplicateKey {
    const code = (error as { code?: unknown }).code;
    if (code !== 'SQLITE_CONSTRAINT_UNIQUE' && code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
    // Not `instanceof Error`: the native module's errors may come from another realm (as under jest).
    const message = (error as { message?: unknown }).message;
    const fields = this.context.table.fieldsOfViolation(typeof message === 'string' ? message : '');
    return { ok: false, reason: 'duplicateKey', fields };
  }

  private async update(filter: Filter<T>, update: Update<T>, upsert: boolean, sort?: SortSpec): Promise<UpdateResult> {
    const plain = validated(filter);
    validateUpdate(update);
    if (upsert) upsertDocumentId(this.name, filter, update);
    const { table } = this.context;
    return this.write((): UpdateResult => {
      const [current] = this.select(plain, sort, 1, 0);
      if (current) {
        const next = toStorableDocument(applyUpdate(current, update, 'update'));
        if (valuesEqual(current, next)) return { ok: true, before: current, after: undefined, upserted: false };
        table.noteArrays(next);
        try {
          const encoded = encodeDocument(next, table.indexedPaths());
          const rowid = table
            .statement(`UPDATE ${table.table} SET doc = ? WHERE id = ? RETURNING rowid`)
            .pluck()
            .get(encoded, String(current._id)) as number | undefined;
          if (rowid !== undefined) this.context.cache.replace(table.name, rowid, next, encoded.length);
        } catch (error) {
          return this.duplicateOrThrow(error);
        }
        return { ok: true, before: current, after: next, upserted: false };
      }
      if (!upsert) return { ok: true, before: undefined, after: undefined, upserted: false };
      const inserted = toStorableDocument(applyUpdate(documentFromSeed(upsertSeed(filter)), update, 'insert'));
      const outcome = this.insertRow(inserted);
      if (!outcome.ok) return outcome;
      return { ok: true, before: undefined, after: inserted, upserted: true };
    });
  }

  private async delete(filter: Filter<T>, multi: boolean): Promise<{ deletedCount: number }> {
    const plain = validated(filter);
    const { table } = this.context;
    return this.write(() => {
      const found = this.select(plain, undefined, multi ? 0 : 1, 0);
      const remove = table.statement(`DELETE FROM ${table.table} WHERE id = ? RETURNING rowid`).pluck();
      for (const document of found) {
        const rowid = remove.get(String(document._id)) as number | undefined;
        if (rowid !== undefined) this.context.cache.forget(table.name, rowid);
      }
      return { deletedCount: found.length };
    });
  }

  private write<R>(run: () => R, savepoint = false, { acknowledge }: InsertOneOptions = {}): Promise<R> {
    this.context.assertOpen();
    return this.context.writes.write(
      () => {
        this.context.assertOpen();
        return run();
      },
      { savepoint, acknowledge },
    );
  }

  private parse(document: Raw): T {
    return parseStoredDocument(this.name, this.schema, document);
  }
}

/** The distinct `_id`s a filter asks for by equality or `$in` of strings, if it names them so. */
function idsOf(condition: unknown): string[] | undefined {
  if (typeof condition === 'string') return [condition];
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return undefined;
  const operators = Object.keys(condition);
  const wanted = (condition as Record<string, unknown>).$in;
  if (operators.length !== 1 || !Array.isArray(wanted) || wanted.length === 0) return undefined;
  if (!wanted.every((id): id is string => typeof id === 'string')) return undefined;
  return [...new Set(wanted)];
}

/** Above this many rows, uncached rows are read in one query rather than one by one. */
const BULK_READ_FROM = 64;

function validated(filter: unknown): Plain {
  validateFilter(filter as never);
  return filter as Plain;
}
