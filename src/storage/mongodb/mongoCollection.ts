import type { Collection, Db, Document } from 'mongodb';
import type { Filter, Update } from '../queryTypes';
import type { z } from 'zod';
import { parseStoredDocument } from '../parseStoredDocument';
import type {
  FindManyOptions,
  FindOneAndUpdateOptions,
  FindOneAndUpdateOutcome,
  FindOneOptions,
  IndexKeys,
  IndexOptions,
  InsertManyOutcome,
  InsertOneOutcome,
  ProjectedDocument,
  ProjectionSpec,
  StoreCollection,
  StoredDocument,
  UpdateOneOptions,
  UpdateOneOutcome,
} from '../storeCollection';
import { toStorableDocument } from '../toStorableDocument';
import { upsertDocumentId } from '../upsertSeed';
import { validateFilter } from '../validateFilter';
import { validateUpdate } from '../validateUpdate';
import { driverFilter, driverUpdate } from './driverQuery';
import { defaultIndexName, duplicateKeyFromMongoError } from './duplicateKeyFromMongoError';
import { asStoreError } from './unavailableError';

const INDEX_OPTIONS_CONFLICT = 85;

/**
 * `StoreCollection` on the official driver: each call is the driver call of the same name. The same checks as the
 * embedded store run first (supported operators, storable documents, upserts with an `_id`), so both backends
 * accept and refuse the same things; duplicate-key errors become `DuplicateKey` outcomes.
 */
export class MongoCollection<T extends StoredDocument> implements StoreCollection<T> {
  /**
   * The collection in the driver's untyped form: queries reach fields by dotted paths, which the driver's typed
   * `Filter<T>` cannot express, so filters and updates are rebuilt as the driver's `Document` forms (`driverQuery.ts`)
   * and every document read back is parsed by the schema.
   */
  private readonly documents: Collection<Document>;
  private readonly indexFields = new Map<string, string[]>([['_id_', ['_id']]]);

  constructor(
    readonly name: string,
    private readonly db: Db,
    private readonly schema: z.ZodType<T>,
  ) {
    this.documents = db.collection(name);
  }

  async insertOne(document: T): Promise<InsertOneOutcome> {
    const storable = toStorableDocument(document);
    try {
      await this.documents.insertOne(storable);
      return { ok: true };
    } catch (error) {
      return this.duplicateOrThrow(error);
    }
  }

  async insertMany(documents: readonly T[]): Promise<InsertManyOutcome> {
    const storable = documents.map((document) => toStorableDocument(document));
    if (storable.length === 0) return { ok: true, insertedCount: 0 };
    try {
      const result = await this.documents.insertMany(storable, { ordered: true });
      return { ok: true, insertedCount: result.insertedCount };
    } catch (error) {
      const duplicate = duplicateKeyFromMongoError(error, this.indexFields);
      if (!duplicate) throw asStoreError(error);
      return { ...duplicate, insertedCount: insertedCountOf(error) };
    }
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
    validateFilter(filter);
    const found = await this.documents
      .findOne(driverFilter(filter), { sort: options.sort, projection: options.projection })
      .catch(rethrowAsStoreError);
    if (!found) return null;
    return options.projection ? projected(found) : this.parse(found);
  }

  findMany(filter: Filter<T>, options?: FindManyOptions): Promise<T[]>;
  findMany(filter: Filter<T>, options: FindManyOptions & { projection: ProjectionSpec }): Promise<ProjectedDocument[]>;
  async findMany(
    filter: Filter<T>,
    options: FindManyOptions & { projection?: ProjectionSpec } = {},
  ): Promise<T[] | ProjectedDocument[]> {
    validateFilter(filter);
    const found = await this.documents
      .find(driverFilter(filter), {
        sort: options.sort,
        limit: options.limit,
        skip: options.skip,
        projection: options.projection,
      })
      .toArray()
      .catch(rethrowAsStoreError);
    return options.projection ? found.map(projected) : found.map((document) => this.parse(document));
  }

  async updateOne(filter: Filter<T>, update: Update<T>, options: UpdateOneOptions = {}): Promise<UpdateOneOutcome> {
    this.validateWrite(filter, update, options.upsert);
    try {
      const result = await this.documents.updateOne(driverFilter(filter), driverUpdate(update), {
        upsert: options.upsert ?? false,
      });
      return {
        ok: true,
        matchedCount: result.matchedCount,
        modifiedCount: result.modifiedCount,
        upsertedCount: result.upsertedCount,
        upsertedId: typeof result.upsertedId === 'string' ? result.upsertedId : undefined,
      };
    } catch (error) {
      return this.duplicateOrThrow(error);
    }
  }

  async findOneAndUpdate(
    filter: Filter<T>,
    update: Update<T>,
    options: FindOneAndUpdateOptions,
  ): Promise<FindOneAndUpdateOutcome<T>> {
    this.validateWrite(filter, update, options.upsert);
    try {
      const found = await this.documents.findOneAndUpdate(driverFilter(filter), driverUpdate(update), {
        upsert: options.upsert ?? false,
        returnDocument: options.returnDocument,
        sort: options.sort,
      });
      return { ok: true, document: found ? this.parse(found) : null };
    } catch (error) {
      return this.duplicateOrThrow(error);
    }
  }

  async deleteOne(filter: Filter<T>): Promise<{ deletedCount: number }> {
    validateFilter(filter);
    const result = await this.documents.deleteOne(driverFilter(filter)).catch(rethrowAsStoreError);
    return { deletedCount: result.deletedCount };
  }

  async deleteMany(filter: Filter<T>): Promise<{ deletedCount: number }> {
    validateFilter(filter);
    const result = await this.documents.deleteMany(driverFilter(filter)).catch(rethrowAsStoreError);
    return { deletedCount: result.deletedCount };
  }

  async countDocuments(filter: Filter<T> = {}): Promise<number> {
    validateFilter(filter);
    return this.documents.countDocuments(driverFilter(filter)).catch(rethrowAsStoreError);
  }

  /** Creates the index; when a TTL index exists with another expiry (RETENTION_DAYS changed), updates it in place. */
  async createIndex(keys: IndexKeys, options: IndexOptions = {}): Promise<void> {
    const name = options.name ?? defaultIndexName(keys);
    this.indexFields.set(name, Object.keys(keys));
    try {
      await this.documents.createIndex(
        { ...keys },
        { name, unique: options.unique, sparse: options.sparse, expireAfterSeconds: options.expireAfterSeconds },
      );
    } catch (error) {
      if (options.expireAfterSeconds === undefined || codeOf(error) !== INDEX_OPTIONS_CONFLICT) throw error;
      await this.db.command({
        collMod: this.name,
        index: { keyPattern: { ...keys }, expireAfterSeconds: options.expireAfterSeconds },
      });
    }
  }

  private validateWrite(filter: Filter<T>, update: Update<T>, upsert: boolean | undefined): void {
    validateFilter(filter);
    validateUpdate(update);
    if (upsert) upsertDocumentId(this.name, filter, update);
  }

  private duplicateOrThrow(error: unknown): Extract<UpdateOneOutcome, { ok: false }> {
    const duplicate = duplicateKeyFromMongoError(error, this.indexFields);
    if (!duplicate) throw asStoreError(error);
    return duplicate;
  }

  private parse(document: unknown): T {
    return parseStoredDocument(this.name, this.schema, document);
  }
}

function rethrowAsStoreError(error: unknown): never {
  throw asStoreError(error);
}

function projected(document: object): ProjectedDocument {
  return Object.fromEntries(Object.entries(document));
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function insertedCountOf(error: unknown): number {
  const count = typeof error === 'object' && error !== null && 'insertedCount' in error ? error.insertedCount : 0;
  return typeof count === 'number' ? count : 0;
}
