import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import * as codec from '../../src/storage/embedded/documentCodec';
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
  });
});
