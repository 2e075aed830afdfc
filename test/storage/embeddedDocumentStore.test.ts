import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { StoreUnavailableError } from '../../src/storage/storageErrors';
import { describeBotStateStorageContract } from './botStateStorageContract';
import { describeDocumentStoreContract } from './documentStoreContract';
import { embeddedHarness, silentLogger } from './support/storeHarness';

describe('embedded store: document store contract', () => {
  describeDocumentStoreContract(embeddedHarness);
});

describe('embedded store: Bot Framework Storage contract', () => {
  describeBotStateStorageContract(embeddedHarness);
});

const noteSchema = z.object({ _id: z.string(), text: z.string(), expiresAt: z.date().optional() });

describe('embedded store: files', () => {
  let dataDir: string;
  let store: EmbeddedDocumentStore;
  const open = () => new EmbeddedDocumentStore({ dataDir, logger: silentLogger, maintenanceIntervalMs: 3_600_000 });
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'store-files-'));
    store = open();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('each collection is one file in the data folder', async () => {
    await store.collection('notes', noteSchema).insertOne({ _id: 'n1', text: 'hello' });
    expect(readFileSync(path.join(dataDir, 'notes.db'), 'utf8')).toContain('"_id":"n1"');
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
    store.collection('notes', noteSchema);
    await store.close();
    expect(readFileSync(path.join(dataDir, 'notes.db'), 'utf8')).toContain('"$$deleted":true');
    store = open();
    const reopened = store.collection('notes', noteSchema);
    await reopened.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
    expect((await reopened.findMany({})).map((note) => note._id).sort()).toEqual(['new', 'none']);
  });

  test('the TTL index still applies after a restart (nedb forgets it; the adapter re-creates it)', async () => {
    const notes = store.collection('notes', noteSchema);
    await notes.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 3600 });
    await notes.insertOne({ _id: 'two-hours', text: 'x', expiresAt: new Date(Date.now() - 2 * 3_600_000) });
    await store.close();
    store = open();
    const reopened = store.collection('notes', noteSchema);
    await reopened.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 3600 });
    expect(await reopened.findOne({ _id: 'two-hours' })).toBeNull();
  });

  test('compaction leaves one line per live document', async () => {
    const notes = store.collection('notes', noteSchema);
    await notes.insertOne({ _id: 'n', text: 'v0' });
    for (let i = 1; i <= 50; i++) await notes.updateOne({ _id: 'n' }, { $set: { text: `v${i}` } });
    const file = path.join(dataDir, 'notes.db');
    const grown = statSync(file).size;
    await store.maintain({ compactAll: true });
    expect(statSync(file).size).toBeLessThan(grown / 20);
    expect(await notes.findOne({ _id: 'n' })).toEqual({ _id: 'n', text: 'v50' });
  });

  test('maintenance compacts a file early once superseded lines outnumber live documents', async () => {
    const notes = store.collection('notes', noteSchema);
    await notes.insertOne({ _id: 'n', text: 'v' });
    for (let i = 0; i < 1100; i++) await notes.updateOne({ _id: 'n' }, { $set: { text: `v${i}` } });
    const file = path.join(dataDir, 'notes.db');
    const grown = statSync(file).size;
    await store.maintain();
    expect(statSync(file).size).toBeLessThan(grown / 100);
  });

  test('a torn last line (a write cut off by a crash) is dropped and the store opens cleanly', async () => {
    await store.collection('notes', noteSchema).insertMany([
      { _id: 'a', text: 'a' },
      { _id: 'b', text: 'b' },
    ]);
    await store.close();
    appendFileSync(path.join(dataDir, 'notes.db'), '{"_id":"c","te');
    store = open();
    const notes = store.collection('notes', noteSchema);
    expect((await notes.findMany({})).map((note) => note._id).sort()).toEqual(['a', 'b']);
    await notes.insertOne({ _id: 'd', text: 'd' });
    await store.close();
    store = open();
    expect(await store.collection('notes', noteSchema).countDocuments()).toBe(3);
  });

  test('a damaged line inside the file stops the store from loading, naming the file', async () => {
    writeFileSync(path.join(dataDir, 'notes.db'), '{"_id":"a","text":"a"}\nnot json\n{"_id":"b","text":"b"}\n');
    const notes = store.collection('notes', noteSchema);
    const read = notes.findMany({});
    await expect(read).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(read).rejects.toThrow('notes.db');
    expect(await store.ping()).toEqual({ ok: false, problem: expect.stringContaining('notes.db') });
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
