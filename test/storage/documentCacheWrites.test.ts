import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import * as codec from '../../src/storage/embedded/documentCodec';
import { CollectionTable } from '../../src/storage/embedded/collectionTable';
import { DocumentCache } from '../../src/storage/embedded/documentCache';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { silentLogger } from './support/storeHarness';

const stateSchema = z.object({ _id: z.string(), eTag: z.string(), step: z.number(), at: z.date() });

describe('the document cache keeps what a write leaves', () => {
  test('replace keeps the new version of a cached document, and caches nothing that was not cached', () => {
    const cache = new DocumentCache(10_000);
    cache.put('states', 1, { _id: 'a', step: 1 }, 20);
    cache.replace('states', 1, { _id: 'a', step: 2 }, 20);
    expect(cache.get('states', 1)).toEqual({ _id: 'a', step: 2 });
    expect(Object.isFrozen(cache.get('states', 1))).toBe(true);
    cache.replace('states', 2, { _id: 'b', step: 1 }, 20);
    expect(cache.has('states', 2)).toBe(false);
  });

  test('a document is found by its _id while it is cached, and not once forgotten, evicted or its row reused', () => {
    const cache = new DocumentCache(1_000);
    cache.put('states', 1, { _id: 'a', step: 1 }, 100);
    cache.put('states', 2, { _id: 'b', step: 1 }, 100);
    expect(cache.byId('states', 'a')).toEqual({ _id: 'a', step: 1 });
    expect(cache.byId('other', 'a')).toBeUndefined();
    cache.forget('states', 1);
    expect(cache.byId('states', 'a')).toBeUndefined();
    // A row id given again to another document no longer stands for the first.
    cache.put('states', 2, { _id: 'c', step: 1 }, 100);
    expect(cache.byId('states', 'b')).toBeUndefined();
    expect(cache.byId('states', 'c')).toEqual({ _id: 'c', step: 1 });
    // Past the budget the oldest go, and their ids with them; one read since ('c') is passed over once.
    for (let rowid = 10; rowid < 20; rowid++) cache.put('states', rowid, { _id: `d${rowid}`, step: 1 }, 100);
    expect(cache.byId('states', 'd10')).toBeUndefined();
    expect(cache.has('states', 10)).toBe(false);
    expect(cache.byId('states', 'c')).toEqual({ _id: 'c', step: 1 });
    expect(cache.byId('states', 'd19')).toEqual({ _id: 'd19', step: 1 });
    cache.clear('states');
    expect(cache.byId('states', 'd19')).toBeUndefined();
  });

  test('a document too large for the budget is not kept, and no older version stays in its place', () => {
    const cache = new DocumentCache(1_000);
    cache.put('states', 1, { _id: 'a', step: 1 }, 100);
    cache.put('states', 1, { _id: 'a', step: 2 }, 400);
    expect(cache.byId('states', 'a')).toBeUndefined();
    expect(cache.has('states', 1)).toBe(false);
  });

  describe('in the embedded store', () => {
    let dataDir: string;
    let store: EmbeddedDocumentStore;
    beforeEach(() => {
      dataDir = mkdtempSync(path.join(os.tmpdir(), 'cache-writes-'));
      store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger, maintenanceIntervalMs: 3_600_000 });
    });
    afterEach(async () => {
      jest.restoreAllMocks();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test("a document updated on every turn (a conversation's state) is read back without decoding its row", async () => {
      const states = store.collection('states', stateSchema);
      const at = new Date('2026-12-06T09:00:00Z');
      await states.insertOne({ _id: 'c1', eTag: '1', step: 1, at });
      expect(await states.findOne({ _id: 'c1' })).toEqual({ _id: 'c1', eTag: '1', step: 1, at });
      const decode = jest.spyOn(codec, 'decodeDocument');
      for (let turn = 2; turn <= 5; turn++) {
        const outcome = await states.updateOne(
          { _id: 'c1', eTag: String(turn - 1) },
          { $set: { eTag: String(turn), step: turn, at: new Date(at.getTime() + turn) } },
        );
        expect(outcome).toMatchObject({ ok: true, matchedCount: 1 });
        expect(await states.findOne({ _id: 'c1' })).toEqual({
          _id: 'c1',
          eTag: String(turn),
          step: turn,
          at: new Date(at.getTime() + turn),
        });
      }
      expect(decode).not.toHaveBeenCalled();
      // What is on disk is the same: a store opened afresh reads the last version.
      await store.close();
      store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger, maintenanceIntervalMs: 3_600_000 });
      expect(await store.collection('states', stateSchema).findOne({ _id: 'c1' })).toEqual({
        _id: 'c1',
        eTag: '5',
        step: 5,
        at: new Date(at.getTime() + 5),
      });
    });

    test('an update whose unique key is taken leaves the cached version as it was', async () => {
      const people = store.collection('people', z.object({ _id: z.string(), email: z.string() }));
      await people.createIndex({ email: 1 }, { unique: true });
      await people.insertMany([
        { _id: 'a', email: 'a@example.org' },
        { _id: 'b', email: 'b@example.org' },
      ]);
      expect(await people.findOne({ _id: 'a' })).toEqual({ _id: 'a', email: 'a@example.org' });
      const outcome = await people.updateOne({ _id: 'a' }, { $set: { email: 'b@example.org' } });
      expect(outcome.ok).toBe(false);
      expect(await people.findOne({ _id: 'a' })).toEqual({ _id: 'a', email: 'a@example.org' });
    });

    test('documents read once are found again by _id, one or several, without SQL or decoding', async () => {
      const states = store.collection('states', stateSchema);
      const at = new Date('2026-12-06T09:00:00Z');
      await states.insertOne({ _id: 'c1', eTag: '1', step: 1, at });
      await states.insertMany([
        { _id: 'c2', eTag: '1', step: 2, at },
        { _id: 'c3', eTag: '1', step: 3, at },
      ]);
      // A document inserted is not cached (most are not read back soon); the first read caches it.
      const decode = jest.spyOn(codec, 'decodeDocument');
      expect(await states.findMany({ _id: { $in: ['c1', 'c2', 'c3'] } })).toHaveLength(3);
      expect(decode).toHaveBeenCalledTimes(3);
      decode.mockClear();
      const statement = jest.spyOn(CollectionTable.prototype, 'statement');
      expect(await states.findOne({ _id: 'c1' })).toEqual({ _id: 'c1', eTag: '1', step: 1, at });
      const found = await states.findMany({ _id: { $in: ['c3', 'c2', 'c3'] } }, { sort: { _id: 1 } });
      expect(found.map((state) => state._id)).toEqual(['c2', 'c3']);
      // The rest of the filter still applies.
      expect(await states.findOne({ _id: 'c1', eTag: '2' })).toBeNull();
      expect(statement).not.toHaveBeenCalled();
      expect(decode).not.toHaveBeenCalled();
    });

    test('documents asked for by _id, some cached and some not, are all found once', async () => {
      const states = store.collection('states', stateSchema);
      const at = new Date('2026-12-06T09:00:00Z');
      await states.insertMany([
        { _id: 'a', eTag: '1', step: 1, at },
        { _id: 'b', eTag: '1', step: 2, at },
      ]);
      await store.close();
      store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger, maintenanceIntervalMs: 3_600_000 });
      const reopened = store.collection('states', stateSchema);
      expect((await reopened.findOne({ _id: 'a' }))?.step).toBe(1);
      const found = await reopened.findMany({ _id: { $in: ['a', 'b', 'a', 'missing'] } }, { sort: { _id: 1 } });
      expect(found.map((state) => state.step)).toEqual([1, 2]);
    });

    test('a document deleted is not found through the cache, and one inserted again under its _id is', async () => {
      const states = store.collection('states', stateSchema);
      const at = new Date('2026-12-06T09:00:00Z');
      await states.insertOne({ _id: 'a', eTag: '1', step: 1, at });
      expect(await states.deleteOne({ _id: 'a' })).toEqual({ deletedCount: 1 });
      expect(await states.findOne({ _id: 'a' })).toBeNull();
      expect(await states.findMany({ _id: { $in: ['a'] } })).toEqual([]);
      await states.insertOne({ _id: 'a', eTag: '1', step: 7, at });
      expect((await states.findOne({ _id: 'a' }))?.step).toBe(7);
    });

    test('a cached document past its TTL is not found by _id', async () => {
      const events = store.collection('events', z.object({ _id: z.string(), at: z.date() }));
      await events.createIndex({ at: 1 }, { expireAfterSeconds: 60 });
      await events.insertOne({ _id: 'old', at: new Date(Date.now() - 120_000) });
      await events.insertOne({ _id: 'new', at: new Date() });
      expect(await events.findOne({ _id: 'old' })).toBeNull();
      expect((await events.findMany({ _id: { $in: ['old', 'new'] } })).map((event) => event._id)).toEqual(['new']);
    });

    test('an insert refused for a duplicate key leaves the cache as the database is', async () => {
      const people = store.collection('people', z.object({ _id: z.string(), email: z.string() }));
      await people.createIndex({ email: 1 }, { unique: true });
      await people.insertOne({ _id: 'a', email: 'a@example.org' });
      const outcome = await people.insertMany([
        { _id: 'b', email: 'b@example.org' },
        { _id: 'c', email: 'a@example.org' },
      ]);
      expect(outcome).toMatchObject({ ok: false, insertedCount: 1 });
      expect(await people.findOne({ _id: 'c' })).toBeNull();
      expect(await people.findOne({ _id: 'b' })).toEqual({ _id: 'b', email: 'b@example.org' });
      await store.close();
      store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger, maintenanceIntervalMs: 3_600_000 });
      const reopened = store.collection('people', z.object({ _id: z.string(), email: z.string() }));
      expect((await reopened.findMany({})).map((person) => person._id).sort()).toEqual(['a', 'b']);
    });
  });
});
