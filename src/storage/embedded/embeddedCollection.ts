import type { Filter, UpdateFilter } from 'mongodb';
import type { z } from 'zod';
import { parseStoredDocument } from '../parseStoredDocument';
import { StoredDocumentInvalidError, UnsupportedOperationError } from '../storageErrors';
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
import { upsertDocumentId, upsertSeed } from '../upsertSeed';
import { validateFilter } from '../validateFilter';
import { validateUpdate } from '../validateUpdate';
import { applyUpdate, documentFromSeed } from './applyUpdate';
import type { CollectionFile, RawDocument } from './collectionFile';
import { valuesEqual } from './valuesEqual';

type UpdateResult =
  | { ok: true; before: RawDocument | undefined; after: RawDocument | undefined; upserted: boolean }
  | Extract<UpdateOneOutcome, { ok: false }>;

/**
 * `StoreCollection` on an nedb file. MongoDB's semantics are kept by doing the matching (`matchesFilter`) and the
 * update (`applyUpdate`) here rather than in nedb, whose `$setOnInsert`, upserts and comparisons differ; every
 * write runs through the file's queue, so each read-modify-write is atomic.
 */
export class EmbeddedCollection<T extends StoredDocument> implements StoreCollection<T> {
  constructor(
    readonly name: string,
    private readonly file: Promise<CollectionFile>,
    private readonly schema: z.ZodType<T>,
  ) {}

  async insertOne(document: T): Promise<InsertOneOutcome> {
    const storable = toStorableDocument(document);
    const file = await this.file;
    return file.exclusive(() => file.insert([storable]));
  }

  async insertMany(documents: readonly T[]): Promise<InsertManyOutcome> {
    const storable = documents.map((document) => toStorableDocument(document));
    if (storable.length === 0) return { ok: true, insertedCount: 0 };
    const file = await this.file;
    return file.exclusive(async () => {
      const all = await file.insert(storable);
      if (all.ok) return { ok: true, insertedCount: storable.length };
      // Nothing was stored; insert one by one to store those before the duplicate, as MongoDB's ordered insert does.
      for (const [index, document] of storable.entries()) {
        const one = await file.insert([document]);
        if (!one.ok) return { ...one, insertedCount: index };
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
    validateFilter(filter);
    const [found] = await (await this.file).find(filter, { ...options, limit: 1 });
    if (!found) return null;
    return options.projection ? found : this.parse(found);
  }

  findMany(filter: Filter<T>, options?: FindManyOptions): Promise<T[]>;
  findMany(filter: Filter<T>, options: FindManyOptions & { projection: ProjectionSpec }): Promise<ProjectedDocument[]>;
  async findMany(
    filter: Filter<T>,
    options: FindManyOptions & { projection?: ProjectionSpec } = {},
  ): Promise<T[] | ProjectedDocument[]> {
    validateFilter(filter);
    const found = await (await this.file).find(filter, options);
    return options.projection ? found : found.map((document) => this.parse(document));
  }

  async updateOne(
    filter: Filter<T>,
    update: UpdateFilter<T>,
    options: UpdateOneOptions = {},
  ): Promise<UpdateOneOutcome> {
    const result = await this.update(filter, update, { upsert: options.upsert ?? false });
    if (!result.ok) return result;
    const modified = !result.upserted && result.after !== undefined;
    return {
      ok: true,
      matchedCount: result.before ? 1 : 0,
      modifiedCount: modified ? 1 : 0,
      upsertedCount: result.upserted ? 1 : 0,
      upsertedId: result.upserted ? idOf(this.name, result.after) : undefined,
    };
  }

  async findOneAndUpdate(
    filter: Filter<T>,
    update: UpdateFilter<T>,
    options: FindOneAndUpdateOptions,
  ): Promise<FindOneAndUpdateOutcome<T>> {
    const result = await this.update(filter, update, { upsert: options.upsert ?? false, sort: options.sort });
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
    validateFilter(filter);
    return (await this.file).count(filter);
  }

  async createIndex(keys: IndexKeys, options: IndexOptions = {}): Promise<void> {
    const fields = Object.keys(keys);
    if (fields.length === 0) throw new UnsupportedOperationError('an index needs at least one field');
    if (options.expireAfterSeconds !== undefined && fields.length !== 1) {
      throw new UnsupportedOperationError('a TTL index has exactly one field');
    }
    const file = await this.file;
    await file.exclusive(() => file.ensureIndex(fields, options));
  }

  private async delete(filter: Filter<T>, multi: boolean): Promise<{ deletedCount: number }> {
    validateFilter(filter);
    const file = await this.file;
    return { deletedCount: await file.exclusive(() => file.remove(filter, multi)) };
  }

  /**
   * The one read-modify-write behind `updateOne` and `findOneAndUpdate`. `after` is undefined when nothing changed
   * (MongoDB's modifiedCount 0). A document that expires between the read and the write is retried as missing.
   */
  private async update(
    filter: Filter<T>,
    update: UpdateFilter<T>,
    options: { upsert: boolean; sort?: FindOneAndUpdateOptions['sort'] },
  ): Promise<UpdateResult> {
    validateFilter(filter);
    validateUpdate(update);
    if (options.upsert) upsertDocumentId(this.name, filter, update);
    const file = await this.file;
    return file.exclusive(async () => {
      for (;;) {
        const [current] = await file.find(filter, { sort: options.sort, limit: 1 });
        if (!current) break;
        const next = toStorableDocument(applyUpdate(current, update, 'update'));
        if (valuesEqual(current, next)) return { ok: true, before: current, after: undefined, upserted: false };
        const replaced = await file.replace(idOf(this.name, current), next);
        if (!replaced.ok) return replaced;
        if (replaced.replaced) return { ok: true, before: current, after: next, upserted: false };
      }
      if (!options.upsert) return { ok: true, before: undefined, after: undefined, upserted: false };
      const inserted = toStorableDocument(applyUpdate(documentFromSeed(upsertSeed(filter)), update, 'insert'));
      const outcome = await file.insert([inserted]);
      if (!outcome.ok) return outcome;
      return { ok: true, before: undefined, after: inserted, upserted: true };
    });
  }

  private parse(document: RawDocument): T {
    return parseStoredDocument(this.name, this.schema, document);
  }
}

function idOf(collection: string, document: RawDocument | undefined): string {
  const id = document?._id;
  if (typeof id !== 'string') throw new StoredDocumentInvalidError(collection, String(id), ['_id: invalid_type']);
  return id;
}
