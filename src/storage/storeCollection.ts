import type { Filter, Update } from './queryTypes';

/** Every stored document has a string `_id` chosen by the application; neither backend ever generates one. */
export interface StoredDocument {
  _id: string;
}

export type SortDirection = 1 | -1;

/** Sort order, most significant field first: `{ createdAt: -1, _id: 1 }`. Dotted paths reach into sub-documents. */
export type SortSpec = Readonly<Record<string, SortDirection>>;

/** MongoDB projection: only inclusions (`1`) or only exclusions (`0`), except that `_id: 0` may join inclusions. */
export type ProjectionSpec = Readonly<Record<string, 0 | 1>>;

/** What a projection returns: a subset of the document's fields, which the caller validates for itself. */
export type ProjectedDocument = Readonly<Record<string, unknown>>;

/** The fields of an index, in order: `{ email: 1 }`, `{ conversationId: 1, seq: 1 }`. */
export type IndexKeys = Readonly<Record<string, SortDirection>>;

export interface IndexOptions {
  /** At most one document per key value (a document without the field counts as `null`, unless `sparse`). */
  unique?: boolean;
  /** Documents without the field are left out of the index, so a sparse unique index allows many of them. */
  sparse?: boolean;
  /**
   * A TTL index on a single Date field: a document goes once the field is older than this many seconds. Expiry is
   * lazy (MongoDB's monitor runs every 60 s; the embedded store removes expired documents when it reads them and on
   * its maintenance sweep), so repositories also offer `purgeExpired`.
   */
  expireAfterSeconds?: number;
  name?: string;
}

export interface FindOneOptions {
  sort?: SortSpec;
}

export interface FindManyOptions {
  sort?: SortSpec;
  /** At most this many documents; `0` or absent means no limit, as in MongoDB. */
  limit?: number;
  skip?: number;
}

export interface UpdateOneOptions {
  /** Insert when nothing matches: the new document is the filter's equality fields, then the update applied. */
  upsert?: boolean;
}

export interface FindOneAndUpdateOptions extends UpdateOneOptions {
  /** Required (MongoDB's default is `before`, a classic trap): which version of the document to return. */
  returnDocument: 'before' | 'after';
  /** Which document to update when several match. */
  sort?: SortSpec;
}

/**
 * A write refused because it would give two documents the same key in a unique index (including `_id`). This is
 * an expected outcome, so it is a value, not an exception. `fields` names the index's fields (never the values,
 * which may be personal data); it is empty when the backend did not say which index it was.
 */
export interface DuplicateKey {
  ok: false;
  reason: 'duplicateKey';
  fields: string[];
}

export type InsertOneOutcome = { ok: true } | DuplicateKey;

/** Inserts are ordered, as in MongoDB: on a duplicate, the documents before it are stored and the rest are not. */
export type InsertManyOutcome = { ok: true; insertedCount: number } | (DuplicateKey & { insertedCount: number });

export type UpdateOneOutcome =
  | {
      ok: true;
      matchedCount: number;
      /** 0 when the update changed nothing (MongoDB does not count a no-op update as a modification). */
      modifiedCount: number;
      upsertedCount: number;
      upsertedId: string | undefined;
    }
  | DuplicateKey;

export type FindOneAndUpdateOutcome<T> = { ok: true; document: T | null } | DuplicateKey;

/**
 * `acknowledge: 'committed'` resolves the insert once it is visible to reads, before it is on disk, so work that
 * follows from it can start while the disk catches up (`DocumentStore.settled()` then says when it is durable).
 * Default `'durable'`. MongoDB resolves only as its write concern allows, whichever is asked.
 */
export interface InsertOneOptions {
  acknowledge?: 'durable' | 'committed';
}

/**
 * A collection of documents of one kind, written against MongoDB's collection operations so that code is written
 * once and runs on both backends (embedded and MongoDB); one contract test suite holds both to the same behaviour.
 *
 * Guarantees, on both backends:
 * - Each operation on a single document is atomic: concurrent `updateOne`s with `$inc` never lose an update, and of
 *   two conditional updates of the same version exactly one matches.
 * - A write is durable once its promise resolves: the embedded store has synced it to disk (it survives `kill -9`
 *   and a power cut), and MongoDB has acknowledged it with majority write concern. An insert may ask to resolve
 *   sooner, once committed (`acknowledge: 'committed'`), and then await `DocumentStore.settled()` before it
 *   tells anyone outside the process; writes become durable in the order they were committed.
 * - Every document returned (except projections) has been parsed with the collection's zod schema; a document that
 *   does not parse is a bug or corruption and rejects the promise with `StoredDocumentInvalidError`.
 * - Filters and updates use the port's own types (`queryTypes`), a subset of MongoDB's. Supported query operators: `$eq $ne $gt $gte $lt $lte
 *   $in $nin $exists $not $or $and $nor`; update operators: `$set $unset $inc $push` (with `$each`)
 *   `$setOnInsert`. Anything else rejects with `UnsupportedOperationError` on the embedded store, so code that
 *   works in tests works on MongoDB too. A filter holding `undefined` is a bug and rejects.
 * - `undefined` fields in documents and `$set` are dropped, as JSON does.
 * - Field names must not start with `$` or contain `.` (store free-form objects as JSON strings).
 */
export interface StoreCollection<T extends StoredDocument> {
  readonly name: string;

  insertOne(document: T, options?: InsertOneOptions): Promise<InsertOneOutcome>;
  insertMany(documents: readonly T[]): Promise<InsertManyOutcome>;

  findOne(filter: Filter<T>, options?: FindOneOptions): Promise<T | null>;
  findOne(
    filter: Filter<T>,
    options: FindOneOptions & { projection: ProjectionSpec },
  ): Promise<ProjectedDocument | null>;

  /** Every matching document, as an array (MongoDB's `find(...).toArray()`). */
  findMany(filter: Filter<T>, options?: FindManyOptions): Promise<T[]>;
  findMany(filter: Filter<T>, options: FindManyOptions & { projection: ProjectionSpec }): Promise<ProjectedDocument[]>;

  /** Updates one matching document; which one is unspecified when several match (`findOneAndUpdate` can sort). */
  updateOne(filter: Filter<T>, update: Update<T>, options?: UpdateOneOptions): Promise<UpdateOneOutcome>;

  findOneAndUpdate(
    filter: Filter<T>,
    update: Update<T>,
    options: FindOneAndUpdateOptions,
  ): Promise<FindOneAndUpdateOutcome<T>>;

  deleteOne(filter: Filter<T>): Promise<{ deletedCount: number }>;
  deleteMany(filter: Filter<T>): Promise<{ deletedCount: number }>;
  countDocuments(filter?: Filter<T>): Promise<number>;

  /** Creates the index if it is missing, or brings its options up to date; safe to call at every start. */
  createIndex(keys: IndexKeys, options?: IndexOptions): Promise<void>;
}
