import type { Filter } from '../../src/storage/queryTypes';
import { z } from 'zod';
import { StoredDocumentInvalidError, UnsupportedOperationError } from '../../src/storage/storageErrors';
import type { StoreCollection } from '../../src/storage/storeCollection';
import { freshName, type HarnessFactory, type StoreHarness } from './support/storeHarness';

const itemSchema = z.object({
  _id: z.string(),
  name: z.string(),
  count: z.number().optional(),
  tags: z.array(z.string()).optional(),
  at: z.date().optional(),
  note: z.string().nullable().optional(),
  nested: z.object({ level: z.number().optional(), label: z.string().optional() }).optional(),
  lines: z.array(z.object({ sku: z.string(), qty: z.number() })).optional(),
  email: z.string().optional(),
  version: z.number().optional(),
});
type Item = z.infer<typeof itemSchema>;

const day = (n: number) => new Date(Date.UTC(2025, 0, n));

const SAMPLE: Item[] = [
  { _id: 'a', name: 'alpha', count: 1, tags: ['x', 'y'], at: day(1), nested: { level: 1, label: 'one' } },
  { _id: 'b', name: 'bravo', count: 2, tags: ['y'], at: day(2), note: null, lines: [{ sku: 'p', qty: 2 }] },
  { _id: 'c', name: 'charlie', count: 3, tags: [], at: day(3), note: 'n', lines: [{ sku: 'q', qty: 5 }] },
  { _id: 'd', name: 'delta', nested: { level: 3 } },
];

/**
 * The behaviour every `DocumentStore` backend must share. Run it with a harness factory per backend; the same
 * expectations hold for the embedded store and MongoDB.
 */
const mixedSchema = z.object({ _id: z.string(), v: z.unknown().optional() });

export function describeDocumentStoreContract(openHarness: HarnessFactory): void {
  let harness: StoreHarness;
  beforeAll(async () => {
    harness = await openHarness();
  });
  afterAll(async () => {
    await harness.dispose();
  });

  const items = (): StoreCollection<Item> => harness.store().collection(freshName('items'), itemSchema);
  const seeded = async () => {
    const collection = items();
    expect(await collection.insertMany(SAMPLE)).toEqual({ ok: true, insertedCount: SAMPLE.length });
    return collection;
  };
  const ids = async (collection: StoreCollection<Item>, filter: Filter<Item>) =>
    (await collection.findMany(filter)).map((item) => item._id).sort();

  describe('create and read', () => {
    test('a document reads back as written, Dates and nested values included', async () => {
      const collection = items();
      const item: Item = { _id: 'one', name: 'One', at: day(5), nested: { level: 2 }, tags: ['t'], note: null };
      expect(await collection.insertOne(item)).toEqual({ ok: true });
      expect(await collection.findOne({ _id: 'one' })).toEqual(item);
      expect(await collection.findOne({ _id: 'missing' })).toBeNull();
    });

    test('undefined fields are dropped rather than stored', async () => {
      const collection = items();
      await collection.insertOne({ _id: 'u', name: 'U', note: undefined });
      expect(await collection.findOne({ _id: 'u' }, { projection: { note: 1 } })).toEqual({ _id: 'u' });
    });

    test('a second document with the same _id is a duplicate key, not an exception', async () => {
      const collection = items();
      await collection.insertOne({ _id: 'same', name: 'first' });
      expect(await collection.insertOne({ _id: 'same', name: 'second' })).toEqual({
        ok: false,
        reason: 'duplicateKey',
        fields: ['_id'],
      });
      expect((await collection.findOne({ _id: 'same' }))?.name).toBe('first');
    });

    test('insertMany stops at the first duplicate, keeping the documents before it', async () => {
      const collection = items();
      await collection.insertOne({ _id: 'k2', name: 'existing' });
      const outcome = await collection.insertMany([
        { _id: 'k1', name: 'one' },
        { _id: 'k2', name: 'two' },
        { _id: 'k3', name: 'three' },
      ]);
      expect(outcome).toEqual({ ok: false, reason: 'duplicateKey', fields: ['_id'], insertedCount: 1 });
      expect(await ids(collection, {})).toEqual(['k1', 'k2']);
    });

    test('a document that does not match the schema is reported, naming the field but not the value', async () => {
      const name = freshName('loose');
      const loose = harness.store().collection(name, z.object({ _id: z.string(), name: z.number() }));
      await loose.insertOne({ _id: 'bad', name: 42 });
      const strict = harness.store().collection(name, itemSchema);
      const read = strict.findOne({ _id: 'bad' });
      await expect(read).rejects.toBeInstanceOf(StoredDocumentInvalidError);
      await expect(read).rejects.toThrow(/name/);
      await expect(read).rejects.not.toThrow(/42/);
    });

    test('documents survive closing and reopening the store', async () => {
      const name = freshName('durable');
      await harness
        .store()
        .collection(name, itemSchema)
        .insertOne({ _id: 'kept', name: 'kept', at: day(9) });
      const reopened = await harness.reopen();
      expect(await reopened.collection(name, itemSchema).findOne({ _id: 'kept' })).toEqual({
        _id: 'kept',
        name: 'kept',
        at: day(9),
      });
    });
  });

  describe('query operators', () => {
    const cases: [string, Filter<Item>, string[]][] = [
      ['implicit equality', { name: 'bravo' }, ['b']],
      ['several fields are all required', { name: 'bravo', count: 3 }, []],
      ['$eq', { count: { $eq: 2 } }, ['b']],
      ['$ne also matches a missing field', { count: { $ne: 2 } }, ['a', 'c', 'd']],
      ['$gt on numbers', { count: { $gt: 1 } }, ['b', 'c']],
      ['$gte on numbers', { count: { $gte: 2 } }, ['b', 'c']],
      ['$lt on Dates', { at: { $lt: day(2) } }, ['a']],
      ['$lte on Dates', { at: { $lte: day(2) } }, ['a', 'b']],
      ['$gt on strings', { name: { $gt: 'bravo' } }, ['c', 'd']],
      ['a range', { count: { $gt: 1, $lt: 3 } }, ['b']],
      ['comparisons skip other types and missing fields', { count: { $lt: 100 } }, ['a', 'b', 'c']],
      ['$in', { name: { $in: ['alpha', 'delta', 'zulu'] } }, ['a', 'd']],
      ['$nin also matches a missing field', { count: { $nin: [1, 2] } }, ['c', 'd']],
      ['$exists: true', { count: { $exists: true } }, ['a', 'b', 'c']],
      ['$exists: false', { count: { $exists: false } }, ['d']],
      ['$exists: true includes null values', { note: { $exists: true } }, ['b', 'c']],
      ['null matches null and missing', { note: null }, ['a', 'b', 'd']],
      ['a value matches an array containing it', { tags: 'y' }, ['a', 'b']],
      ['$in on an array field', { tags: { $in: ['x'] } }, ['a']],
      ['an array matches an equal array', { tags: ['x', 'y'] }, ['a']],
      ['dotted path into a sub-document', { 'nested.level': { $gte: 2 } }, ['d']],
      ['dotted path through an array of sub-documents', { 'lines.sku': 'q' }, ['c']],
      ['$or', { $or: [{ name: 'alpha' }, { count: 3 }] }, ['a', 'c']],
      ['$and', { $and: [{ count: { $gte: 1 } }, { tags: 'y' }] }, ['a', 'b']],
      ['$nor', { $nor: [{ name: 'alpha' }, { count: { $exists: false } }] }, ['b', 'c']],
      ['$not', { count: { $not: { $gt: 1 } } }, ['a', 'd']],
      ['an empty filter matches everything', {}, ['a', 'b', 'c', 'd']],
    ];
    let collection: StoreCollection<Item>;
    beforeAll(async () => {
      collection = await seeded();
    });

    test.each(cases)('%s', async (_name, filter, expected) => {
      expect(await ids(collection, filter)).toEqual(expected);
      expect(await collection.countDocuments(filter)).toBe(expected.length);
    });

    test('sort, skip and limit', async () => {
      const byCount = await collection.findMany({ count: { $exists: true } }, { sort: { count: -1 } });
      expect(byCount.map((item) => item._id)).toEqual(['c', 'b', 'a']);
      const page = await collection.findMany({}, { sort: { name: 1 }, skip: 1, limit: 2 });
      expect(page.map((item) => item._id)).toEqual(['b', 'c']);
      const sortedByTwoKeys = await collection.findMany({}, { sort: { 'nested.level': -1, name: 1 } });
      expect(sortedByTwoKeys.map((item) => item._id)).toEqual(['d', 'a', 'b', 'c']);
      expect((await collection.findOne({}, { sort: { at: -1 } }))?._id).toBe('c');
    });

    test("sort follows MongoDB's order over missing, null and mixed types, ascending and descending", async () => {
      const mixed = harness.store().collection(freshName('mixed'), mixedSchema);
      const date = new Date('2026-01-01T00:00:00.000Z');
      await mixed.insertMany([
        { _id: 'date', v: date },
        { _id: 'true', v: true },
        { _id: 'false', v: false },
        { _id: 'object', v: { a: 1 } },
        { _id: 'b', v: 'b' },
        { _id: 'A', v: 'A' },
        { _id: 'three', v: 3 },
        { _id: 'minus', v: -1.5 },
        { _id: 'null', v: null },
        { _id: 'missing' },
        { _id: 'array', v: [10, 0.5] },
      ]);
      const ascending = await mixed.findMany({}, { sort: { v: 1, _id: 1 } });
      // An array sorts by its smallest element ascending (0.5) and its largest descending (10).
      expect(ascending.map((item) => item._id)).toEqual([
        'missing',
        'null',
        'minus',
        'array',
        'three',
        'A',
        'b',
        'object',
        'false',
        'true',
        'date',
      ]);
      const descending = await mixed.findMany({}, { sort: { v: -1, _id: 1 } });
      expect(descending.map((item) => item._id)).toEqual([
        'date',
        'true',
        'false',
        'object',
        'b',
        'A',
        'array',
        'three',
        'minus',
        'missing',
        'null',
      ]);
      expect(await mixed.findMany({ v: { $gte: 0 } }, { sort: { v: 1 }, projection: { _id: 1 } })).toEqual([
        { _id: 'array' },
        { _id: 'three' },
      ]);
    });

    test('projections include or exclude fields', async () => {
      expect(await collection.findOne({ _id: 'a' }, { projection: { name: 1 } })).toEqual({ _id: 'a', name: 'alpha' });
      expect(await collection.findOne({ _id: 'a' }, { projection: { name: 1, _id: 0 } })).toEqual({ name: 'alpha' });
      const excluded = await collection.findMany({ _id: 'b' }, { projection: { lines: 0, tags: 0, at: 0 } });
      expect(excluded).toEqual([{ _id: 'b', name: 'bravo', count: 2, note: null }]);
    });

    test('unsupported operators and undefined values are refused, not ignored', async () => {
      const unsupported: Filter<Item>[] = [{ name: { $regex: 'a' } }, { name: /a/ }, { $where: 'true' }];
      for (const filter of unsupported) {
        await expect(collection.findMany(filter)).rejects.toBeInstanceOf(UnsupportedOperationError);
      }
      await expect(collection.findOne({ email: undefined })).rejects.toBeInstanceOf(UnsupportedOperationError);
    });
  });

  describe('updates', () => {
    test('$set, $unset, $inc and $push, counted as MongoDB counts them', async () => {
      const collection = await seeded();
      const outcome = await collection.updateOne(
        { _id: 'a' },
        {
          $set: { name: 'ALPHA', 'nested.label': 'uno' },
          $unset: { at: '' },
          $inc: { count: 10 },
          $push: { tags: 'z' },
        },
      );
      expect(outcome).toEqual({ ok: true, matchedCount: 1, modifiedCount: 1, upsertedCount: 0, upsertedId: undefined });
      expect(await collection.findOne({ _id: 'a' })).toEqual({
        _id: 'a',
        name: 'ALPHA',
        count: 11,
        tags: ['x', 'y', 'z'],
        nested: { level: 1, label: 'uno' },
      });
      await collection.updateOne({ _id: 'd' }, { $inc: { count: 2 }, $push: { tags: { $each: ['p', 'q'] } } });
      expect(await collection.findOne({ _id: 'd' })).toMatchObject({ count: 2, tags: ['p', 'q'] });
    });

    test('an update that changes nothing matches but modifies nothing; no match is not an error', async () => {
      const collection = await seeded();
      expect(await collection.updateOne({ _id: 'b' }, { $set: { name: 'bravo' } })).toMatchObject({
        matchedCount: 1,
        modifiedCount: 0,
      });
      expect(await collection.updateOne({ _id: 'zz' }, { $set: { name: 'x' } })).toEqual({
        ok: true,
        matchedCount: 0,
        modifiedCount: 0,
        upsertedCount: 0,
        upsertedId: undefined,
      });
    });

    test('an upsert inserts the filter equalities, $set and $setOnInsert; a second one only updates', async () => {
      const collection = items();
      const update = { $set: { count: 1 }, $setOnInsert: { note: 'first' } };
      expect(await collection.updateOne({ _id: 'up', name: 'upserted' }, update, { upsert: true })).toEqual({
        ok: true,
        matchedCount: 0,
        modifiedCount: 0,
        upsertedCount: 1,
        upsertedId: 'up',
      });
      expect(await collection.findOne({ _id: 'up' })).toEqual({ _id: 'up', name: 'upserted', count: 1, note: 'first' });
      const again = { $set: { count: 2 }, $setOnInsert: { note: 'second' } };
      expect(await collection.updateOne({ _id: 'up', name: 'upserted' }, again, { upsert: true })).toMatchObject({
        matchedCount: 1,
        modifiedCount: 1,
        upsertedCount: 0,
      });
      expect(await collection.findOne({ _id: 'up' })).toMatchObject({ count: 2, note: 'first' });
    });

    test('an upsert must name its _id, since both backends store only string ids chosen by the app', async () => {
      const collection = items();
      await expect(
        collection.updateOne({ name: 'x' }, { $set: { count: 1 } }, { upsert: true }),
      ).rejects.toBeInstanceOf(UnsupportedOperationError);
      const withId = await collection.updateOne(
        { name: 'x' },
        { $set: { count: 1 }, $setOnInsert: { _id: 'chosen' } },
        { upsert: true },
      );
      expect(withId).toMatchObject({ upsertedId: 'chosen' });
    });

    test('findOneAndUpdate returns the document before or after, and can choose by sort', async () => {
      const collection = await seeded();
      const after = await collection.findOneAndUpdate(
        { _id: 'd' },
        { $inc: { count: 1 } },
        { returnDocument: 'after' },
      );
      expect(after).toEqual({ ok: true, document: expect.objectContaining({ _id: 'd', count: 1 }) });
      const before = await collection.findOneAndUpdate(
        { _id: 'd' },
        { $inc: { count: 1 } },
        { returnDocument: 'before' },
      );
      expect(before).toEqual({ ok: true, document: expect.objectContaining({ count: 1 }) });
      const highest = await collection.findOneAndUpdate(
        { count: { $exists: true } },
        { $set: { note: 'top' } },
        { sort: { count: -1 }, returnDocument: 'after' },
      );
      expect(highest).toMatchObject({ ok: true, document: { _id: 'c', note: 'top' } });
      const missing = await collection.findOneAndUpdate(
        { _id: 'zz' },
        { $set: { count: 1 } },
        { returnDocument: 'after' },
      );
      expect(missing).toEqual({ ok: true, document: null });
      const upserted = await collection.findOneAndUpdate(
        { _id: 'new' },
        { $setOnInsert: { name: 'new' } },
        { upsert: true, returnDocument: 'before' },
      );
      expect(upserted).toEqual({ ok: true, document: null });
      expect(await collection.findOne({ _id: 'new' })).toEqual({ _id: 'new', name: 'new' });
    });

    test('unsupported update operators, replacements and conflicting paths are refused', async () => {
      const collection = await seeded();
      await expect(collection.updateOne({ _id: 'a' }, { $rename: { name: 'title' } })).rejects.toBeInstanceOf(
        UnsupportedOperationError,
      );
      await expect(collection.updateOne({ _id: 'a' }, { name: 'replaced' })).rejects.toBeInstanceOf(
        UnsupportedOperationError,
      );
      await expect(
        collection.updateOne({ _id: 'a' }, { $set: { nested: {} }, $unset: { 'nested.level': '' } }),
      ).rejects.toBeInstanceOf(UnsupportedOperationError);
      expect((await collection.findOne({ _id: 'a' }))?.name).toBe('alpha');
    });
  });

  describe('deletes and counts', () => {
    test('deleteOne removes one match, deleteMany every match', async () => {
      const collection = await seeded();
      expect(await collection.deleteOne({ tags: 'y' })).toEqual({ deletedCount: 1 });
      expect(await collection.countDocuments({ tags: 'y' })).toBe(1);
      expect(await collection.deleteMany({ count: { $exists: true } })).toEqual({ deletedCount: 2 });
      expect(await collection.countDocuments()).toBe(1);
      expect(await collection.deleteMany({ _id: 'nothing' })).toEqual({ deletedCount: 0 });
    });
  });

  describe('indexes', () => {
    test('a unique index refuses a second document with the same value, on insert, update and upsert', async () => {
      const collection = items();
      await collection.createIndex({ email: 1 }, { unique: true, sparse: true, name: 'email_unique' });
      await collection.createIndex({ email: 1 }, { unique: true, sparse: true, name: 'email_unique' });
      await collection.insertOne({ _id: '1', name: 'one', email: 'one@example.org' });
      await collection.insertOne({ _id: '2', name: 'two', email: 'two@example.org' });
      await collection.insertOne({ _id: '3', name: 'no email' });
      await collection.insertOne({ _id: '4', name: 'no email either' });
      const duplicate = { ok: false, reason: 'duplicateKey', fields: ['email'] };
      expect(await collection.insertOne({ _id: '5', name: 'five', email: 'one@example.org' })).toEqual(duplicate);
      expect(await collection.updateOne({ _id: '2' }, { $set: { email: 'one@example.org' } })).toEqual(duplicate);
      const upsert = await collection.updateOne(
        { _id: '6' },
        { $set: { name: 'six', email: 'two@example.org' } },
        { upsert: true },
      );
      expect(upsert).toEqual(duplicate);
      expect(
        await collection.findOneAndUpdate(
          { _id: '3' },
          { $set: { email: 'two@example.org' } },
          { returnDocument: 'after' },
        ),
      ).toEqual(duplicate);
      expect(await ids(collection, {})).toEqual(['1', '2', '3', '4']);
      expect((await collection.findOne({ _id: '2' }))?.email).toBe('two@example.org');
    });

    test('a compound unique index allows repeats of one field but not of the pair', async () => {
      const collection = items();
      await collection.createIndex({ name: 1, count: 1 }, { unique: true });
      await collection.insertOne({ _id: '1', name: 'n', count: 1 });
      expect(await collection.insertOne({ _id: '2', name: 'n', count: 2 })).toEqual({ ok: true });
      expect(await collection.insertOne({ _id: '3', name: 'n', count: 1 })).toMatchObject({
        ok: false,
        reason: 'duplicateKey',
      });
    });

    test('a TTL index can be created again with another expiry, as when RETENTION_DAYS changes', async () => {
      const collection = items();
      await collection.createIndex({ at: 1 }, { expireAfterSeconds: 3600, name: 'at_ttl' });
      await expect(collection.createIndex({ at: 1 }, { expireAfterSeconds: 7200, name: 'at_ttl' })).resolves.toBe(
        undefined,
      );
    });
  });

  describe('concurrency', () => {
    test('concurrent $inc updates lose nothing', async () => {
      const collection = items();
      await collection.insertOne({ _id: 'counter', name: 'counter', count: 0 });
      await Promise.all(
        Array.from({ length: 50 }, () => collection.updateOne({ _id: 'counter' }, { $inc: { count: 1 } })),
      );
      expect((await collection.findOne({ _id: 'counter' }))?.count).toBe(50);
    });

    test('concurrent upserts of one _id create it once and apply every $inc', async () => {
      const collection = items();
      await Promise.all(
        Array.from({ length: 20 }, () =>
          collection.updateOne(
            { _id: 'tally' },
            { $inc: { count: 1 }, $setOnInsert: { name: 'tally' } },
            { upsert: true },
          ),
        ),
      );
      expect(await collection.findOne({ _id: 'tally' })).toEqual({ _id: 'tally', name: 'tally', count: 20 });
    });

    test('of two conditional updates of the same version, exactly one wins', async () => {
      const collection = items();
      await collection.insertOne({ _id: 'doc', name: 'doc', version: 1 });
      const results = await Promise.all(
        ['first', 'second'].map((writer) =>
          collection.updateOne({ _id: 'doc', version: 1 }, { $set: { version: 2, name: writer } }),
        ),
      );
      expect(results.map((result) => (result.ok ? result.modifiedCount : -1)).sort()).toEqual([0, 1]);
    });

    test('concurrent claims with findOneAndUpdate never hand out one document twice', async () => {
      const collection = items();
      await collection.insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: `job${i}`, name: 'pending' })));
      const claims = await Promise.all(
        Array.from({ length: 15 }, () =>
          collection.findOneAndUpdate({ name: 'pending' }, { $set: { name: 'claimed' } }, { returnDocument: 'after' }),
        ),
      );
      const claimed = claims.flatMap((claim) => (claim.ok && claim.document ? [claim.document._id] : []));
      expect(claimed).toHaveLength(10);
      expect(new Set(claimed).size).toBe(10);
    });
  });
}
