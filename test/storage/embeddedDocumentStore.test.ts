import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { StoreUnavailableError } from '../../src/storage/storageErrors';
import { describeBotStateStorageContract } from './botStateStorageContract';
import { describeDocumentStoreContract } from './documentStoreContract';
import {
  embeddedHarness,
  embeddedTinyCacheHarness,
  embeddedUncachedHarness,
  silentLogger,
} from './support/storeHarness';

describe('embedded store: document store contract', () => {
  describeDocumentStoreContract(embeddedHarness);
});

describe('embedded store: Bot Framework Storage contract', () => {
  describeBotStateStorageContract(embeddedHarness);
});

describe('embedded store without its document cache: document store contract', () => {
  describeDocumentStoreContract(embeddedUncachedHarness);
});

describe('embedded store without its document cache: Bot Framework Storage contract', () => {
  describeBotStateStorageContract(embeddedUncachedHarness);
});

describe('embedded store with a document cache smaller than the data: document store contract', () => {
  describeDocumentStoreContract(embeddedTinyCacheHarness);
});

const noteSchema = z.object({ _id: z.string(), text: z.string(), expiresAt: z.date().optional() });

describe.each([
  ['in memory', 'none'],
  ['documents on disk', 'all'],
] as const)('embedded store: files (%s)', (_kind, onDisk) => {
  let dataDir: string;
  let store: EmbeddedDocumentStore;
  const open = () =>
    new EmbeddedDocumentStore({ dataDir, logger: silentLogger, maintenanceIntervalMs: 3_600_000, onDisk });
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'store-files-'));
    store = open();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const rows = (table: string): Array<{ id: string; doc: string }> => {
    const db = new Database(path.join(dataDir, 'store.sqlite'), { readonly: true });
    try {
      return db.prepare<[], { id: string; doc: string }>(`SELECT id, doc FROM "${table}"`).all();
    } finally {
      db.close();
    }
  };
  const filesText = (): string =>
    readdirSync(dataDir)
      .map((file) => readFileSync(path.join(dataDir, file)).toString('latin1'))
      .join('\n');

  test('the store is one SQLite database in the data folder, a table per collection, documents as JSON', async () => {
    await store.collection('notes', noteSchema).insertOne({ _id: 'n1', text: 'hello' });
    await store.close();
    expect(rows('c_notes')).toEqual([{ id: 'n1', doc: '{"_id":"n1","text":"hello"}' }]);
  });

  test('a TTL index removes documents once their date has passed, deterministically on a sweep', async () => {
    const notes = store.collection('notes', noteSchema);
    await notes.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    const past = new Date(Date.now() - 1000);
    const future = new Date(Date.now() + 3_600_000);
    await notes.insertMany([
      { _id: 'old', text: 'old', expiresAt: past },
      { _id: 'new', text: 'new', expiresAt: future },
      { _id: 'none', text: 'no date' },
    ]);
    await store.maintain();
    await store.close();
    expect(
      rows('c_notes')
        .map((row) => row.id)
        .sort(),
    ).toEqual(['new', 'none']);
    store = open();
    const reopened = store.collection('notes', noteSchema);
    await reopened.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    expect((await reopened.findMany({})).map((note) => note._id).sort()).toEqual(['new', 'none']);
  });

  test('the TTL index still applies after a restart (expired documents are not read before the sweep)', async () => {
    const notes = store.collection('notes', noteSchema);
    await notes.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 3600 });
    await notes.insertOne({ _id: 'two-hours', text: 'x', expiresAt: new Date(Date.now() - 2 * 3_600_000) });
    await store.close();
    store = open();
    const reopened = store.collection('notes', noteSchema);
    await reopened.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 3600 });
    expect(await reopened.findOne({ _id: 'two-hours' })).toBeNull();
  });

  test('purgeDeleted leaves no trace of deleted documents in the database or its log', async () => {
    const notes = store.collection('notes', noteSchema);
    await notes.insertOne({ _id: 'n', text: 'erase-me-7f3a' });
    for (let i = 1; i <= 50; i++) await notes.insertOne({ _id: `k${i}`, text: `keep ${i}` });
    await notes.deleteOne({ _id: 'n' });
    await store.purgeDeleted?.();
    expect(filesText()).not.toContain('erase-me-7f3a');
    await store.close();
    expect(filesText()).not.toContain('erase-me-7f3a');
    store = open();
    expect(await store.collection('notes', noteSchema).countDocuments()).toBe(50);
  });

  test('rewriting one document many times keeps the database small', async () => {
    const notes = store.collection('notes', noteSchema);
    await notes.insertOne({ _id: 'n', text: 'v' });
    for (let i = 0; i < 1100; i++) await notes.updateOne({ _id: 'n' }, { $set: { text: `v${i}` } });
    await store.close();
    expect(statSync(path.join(dataDir, 'store.sqlite')).size).toBeLessThan(64 * 1024);
  });

  test('a torn page at the end of the database file (an extension cut off by a crash) loses nothing', async () => {
    await store.collection('notes', noteSchema).insertMany([
      { _id: 'a', text: 'a' },
      { _id: 'b', text: 'b' },
    ]);
    await store.close();
    appendFileSync(path.join(dataDir, 'store.sqlite'), Buffer.alloc(1500, 0x5a));
    store = open();
    const notes = store.collection('notes', noteSchema);
    expect((await notes.findMany({})).map((note) => note._id).sort()).toEqual(['a', 'b']);
    await notes.insertOne({ _id: 'd', text: 'd' });
    await store.close();
    store = open();
    expect(await store.collection('notes', noteSchema).countDocuments()).toBe(3);
  });

  test('a file that is not a database stops the store from opening, naming the file', () => {
    const damaged = mkdtempSync(path.join(os.tmpdir(), 'store-damaged-'));
    writeFileSync(path.join(damaged, 'store.sqlite'), 'not a database at all\n'.repeat(500));
    try {
      expect(() => new EmbeddedDocumentStore({ dataDir: damaged, logger: silentLogger })).toThrow(
        StoreUnavailableError,
      );
      expect(() => new EmbeddedDocumentStore({ dataDir: damaged, logger: silentLogger })).toThrow('store.sqlite');
    } finally {
      rmSync(damaged, { recursive: true, force: true });
    }
  });

  test('a second process cannot open the same data folder', () => {
    expect(() => open()).toThrow(StoreUnavailableError);
    expect(() => open()).toThrow('in use by another process');
  });

  test('collection names cannot reach outside the data folder', () => {
    for (const name of ['../escape', 'a/b', '', '.hidden', 'x'.repeat(65)]) {
      expect(() => store.collection(name, noteSchema)).toThrow('invalid collection name');
    }
  });

  test('after close, operations are refused and ping says why', async () => {
    const notes = store.collection('notes', noteSchema);
    await notes.insertOne({ _id: 'a', text: 'a' });
    await store.close();
    await expect(notes.insertOne({ _id: 'b', text: 'b' })).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.ping()).toEqual({ ok: false, problem: 'the store is closed' });
  });
});

describe('embedded store: documents on disk', () => {
  let dataDir: string;
  let store: EmbeddedDocumentStore;
  const open = (onDisk: 'none' | 'all' | 'cold') =>
    new EmbeddedDocumentStore({ dataDir, logger: silentLogger, maintenanceIntervalMs: 3_600_000, onDisk });
  const eventSchema = z.object({ _id: z.string(), kind: z.string(), n: z.number(), at: z.date() });
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'store-disk-'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('only collections opened as cold keep their documents on disk by default; the files are the same', async () => {
    store = open('cold');
    const cold = store.collection('events', eventSchema, { cold: true });
    await cold.createIndex({ kind: 1 });
    await cold.createIndex({ n: 1 }, { unique: true });
    const at = new Date('2026-01-02T03:04:05.006Z');
    await cold.insertMany([
      { _id: 'e1', kind: 'reply', n: 1, at },
      { _id: 'e2', kind: 'message', n: 2, at },
    ]);
    await cold.updateOne({ _id: 'e2' }, { $set: { kind: 'reply' } });
    await cold.deleteOne({ _id: 'e1' });
    await cold.insertOne({ _id: 'e3', kind: 'reply', n: 3, at });
    await store.close();

    // The same file, opened by nedb with every document in memory, holds the same documents and indexes.
    store = open('none');
    const resident = store.collection('events', eventSchema, { cold: true });
    expect(await resident.findMany({ kind: 'reply' }, { sort: { n: 1 } })).toEqual([
      { _id: 'e2', kind: 'reply', n: 2, at },
      { _id: 'e3', kind: 'reply', n: 3, at },
    ]);
    expect(await resident.insertOne({ _id: 'e4', kind: 'x', n: 3, at })).toMatchObject({ ok: false });
    await resident.insertOne({ _id: 'e5', kind: 'message', n: 5, at });
    await store.close();

    // And back: nedb rewrote the file with its index lines last, so the documents are read twice on loading.
    store = open('all');
    const again = store.collection('events', eventSchema);
    expect(await again.findMany({ kind: 'message' })).toEqual([{ _id: 'e5', kind: 'message', n: 5, at }]);
    expect(await again.insertOne({ _id: 'e6', kind: 'x', n: 5, at })).toMatchObject({ ok: false, fields: ['n'] });
    expect(await again.countDocuments({ n: { $gte: 3 } })).toBe(2);
  });

  test('an index created over existing documents finds them and enforces uniqueness', async () => {
    store = open('all');
    const events = store.collection('events', eventSchema);
    const at = new Date();
    await events.insertMany([
      { _id: 'a', kind: 'k1', n: 1, at },
      { _id: 'b', kind: 'k2', n: 1, at },
    ]);
    await expect(events.createIndex({ n: 1 }, { unique: true })).rejects.toBeInstanceOf(StoreUnavailableError);
    await events.createIndex({ kind: 1 }, { unique: true });
    expect(await events.findOne({ kind: 'k2' })).toEqual({ _id: 'b', kind: 'k2', n: 1, at });
    expect(await events.insertOne({ _id: 'c', kind: 'k1', n: 2, at })).toMatchObject({ ok: false, fields: ['kind'] });
  });

  test('writes made while the file is being compacted are all kept, and so is everything else', async () => {
    store = open('all');
    const events = store.collection('events', eventSchema);
    await events.createIndex({ kind: 1 });
    const at = new Date();
    const many = Array.from({ length: 3000 }, (_, i) => ({ _id: `e${i}`, kind: `k${i % 7}`, n: i, at }));
    await events.insertMany(many);
    for (let i = 0; i < 3000; i += 3) await events.updateOne({ _id: `e${i}` }, { $inc: { n: 1_000_000 } });
    const compaction = store.maintain({ compactAll: true });
    const writes = (async () => {
      for (let i = 1; i < 3000; i += 30) {
        await events.deleteOne({ _id: `e${i}` });
        await events.updateOne({ _id: `e${i + 1}` }, { $set: { kind: 'changed' } });
        await events.insertOne({ _id: `new${i}`, kind: 'new', n: -i, at });
      }
    })();
    await Promise.all([compaction, writes]);
    const check = async () => {
      expect(await events.countDocuments()).toBe(3000);
      expect(await events.countDocuments({ kind: 'changed' })).toBe(100);
      expect(await events.countDocuments({ kind: 'new' })).toBe(100);
      expect(await events.findOne({ _id: 'e1' })).toBeNull();
      expect(await events.findOne({ _id: 'e3' })).toEqual({ _id: 'e3', kind: 'k3', n: 1_000_003, at });
      expect(await events.findOne({ _id: 'e2999' })).toEqual({ _id: 'e2999', kind: 'k3', n: 2999, at });
    };
    await check();
    await store.maintain({ compactAll: true });
    await check();
    await store.close();
    store = open('all');
    const reopened = store.collection('events', eventSchema);
    await reopened.createIndex({ kind: 1 });
    expect(await reopened.countDocuments({ kind: 'new' })).toBe(100);
    expect(await reopened.findMany({ _id: { $in: ['e1', 'e2', 'new1'] } }, { sort: { _id: 1 } })).toEqual([
      { _id: 'e2', kind: 'changed', n: 2, at },
      { _id: 'new1', kind: 'new', n: -1, at },
    ]);
  });
});
