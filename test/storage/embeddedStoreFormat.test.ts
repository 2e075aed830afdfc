import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { decodeDocument, encodeDocument } from '../../src/storage/embedded/documentCodec';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { sortDocuments } from '../../src/storage/embedded/mongoOrder';
import { STORE_FORMAT } from '../../src/storage/embedded/storeFormat';
import { StoreUnavailableError } from '../../src/storage/storageErrors';
import { timeOrderedId } from '../../src/storage/timeOrderedId';
import { silentLogger } from './support/storeHarness';

const noteSchema = z.object({
  _id: z.string(),
  text: z.string(),
  at: z.date().optional(),
  tags: z.array(z.string()).optional(),
  meta: z.object({ body: z.string() }).optional(),
});
type Note = z.infer<typeof noteSchema>;

const LONG = 'Your bins are emptied on the same weekday every week, bank holidays aside. '.repeat(12);

describe('embedded store: how documents are kept', () => {
  let dataDir: string;
  let store: EmbeddedDocumentStore;
  const open = (documentCacheCharacters?: number) =>
    new EmbeddedDocumentStore({
      dataDir,
      logger: silentLogger,
      maintenanceIntervalMs: 3_600_000,
      documentCacheCharacters,
    });
  const rawRows = (table: string): Array<{ id: string; doc: string }> => {
    const db = new Database(path.join(dataDir, 'store.sqlite'), { readonly: true });
    try {
      return db.prepare<[], { id: string; doc: string }>(`SELECT id, doc FROM "${table}"`).all();
    } finally {
      db.close();
    }
  };
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'store-format-'));
    store = open();
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('Dates are kept as milliseconds and long strings compressed, and both read back as they were', async () => {
    const notes = store.collection<Note>('notes', noteSchema);
    const at = new Date('2026-12-29T09:30:00.000Z');
    await notes.insertOne({ _id: 'a', text: LONG, at, meta: { body: LONG }, tags: [LONG, 'short'] });
    await store.close();
    const [row] = rawRows('c_notes');
    expect(row?.doc).toContain(`{"$date":${at.getTime()}}`);
    expect(row?.doc).not.toContain('bank holidays aside');
    expect(row?.doc.length).toBeLessThan(LONG.length);
    store = open();
    const read = await store.collection<Note>('notes', noteSchema).findOne({ _id: 'a' });
    expect(read).toEqual({ _id: 'a', text: LONG, at, meta: { body: LONG }, tags: [LONG, 'short'] });
  });

  test('a long string at an indexed path stays plain, so the index and SQL filters see it', async () => {
    const notes = store.collection<Note>('notes', noteSchema);
    await notes.createIndex({ text: 1 }, { unique: true });
    await notes.insertOne({ _id: 'a', text: LONG });
    expect(await notes.insertOne({ _id: 'b', text: LONG })).toEqual({
      ok: false,
      reason: 'duplicateKey',
      fields: ['text'],
    });
    expect((await notes.findMany({ text: LONG })).map((note) => note._id)).toEqual(['a']);
    await store.close();
    expect(rawRows('c_notes')[0]?.doc).toContain('bank holidays aside');
    store = open();
  });

  test('indexing a field that holds compressed strings rewrites them plain first', async () => {
    const notes = store.collection<Note>('notes', noteSchema);
    await notes.insertMany([
      { _id: 'a', text: LONG },
      { _id: 'b', text: `${LONG}!` },
    ]);
    await notes.createIndex({ text: 1 }, { unique: true });
    expect((await notes.findMany({ text: `${LONG}!` })).map((note) => note._id)).toEqual(['b']);
    expect(await notes.insertOne({ _id: 'c', text: LONG })).toMatchObject({ ok: false, reason: 'duplicateKey' });
  });

  test('a database of store format 0 (Dates as ISO strings) is brought up to date on opening, ranges included', async () => {
    const notes = store.collection<Note>('notes', noteSchema);
    await notes.createIndex({ at: 1 });
    await store.close();
    const db = new Database(path.join(dataDir, 'store.sqlite'));
    const insert = db.prepare(`INSERT INTO "c_notes" (id, doc) VALUES (?, ?)`);
    for (const day of [1, 2, 3]) {
      insert.run(
        `n${day}`,
        JSON.stringify({ _id: `n${day}`, text: 'old', at: { $date: `2026-12-0${day}T12:00:00.000Z` } }),
      );
    }
    db.pragma('user_version = 0');
    db.close();

    store = open();
    const migrated = store.collection<Note>('notes', noteSchema);
    const range = await migrated.findMany(
      { at: { $gte: new Date('2026-12-02T00:00:00Z'), $lt: new Date('2026-12-04T00:00:00Z') } },
      { sort: { at: -1 } },
    );
    expect(range.map((note) => note._id)).toEqual(['n3', 'n2']);
    expect(range[0]?.at).toEqual(new Date('2026-12-03T12:00:00.000Z'));
    await store.close();
    expect(rawRows('c_notes').every((row) => !row.doc.includes('"$date":"'))).toBe(true);
    store = open();
  });

  test('a database written by a newer version is refused with a clear error, not misread', async () => {
    await store.close();
    const db = new Database(path.join(dataDir, 'store.sqlite'));
    db.pragma(`user_version = ${STORE_FORMAT + 1}`);
    db.close();
    expect(() => open()).toThrow(StoreUnavailableError);
    expect(() => open()).toThrow(/newer version/);
    const reset = new Database(path.join(dataDir, 'store.sqlite'));
    reset.pragma(`user_version = ${STORE_FORMAT}`);
    reset.close();
    store = open();
  });

  test('documents read are copies: changing one changes neither the store nor the next read', async () => {
    const notes = store.collection<Note>('notes', noteSchema);
    await notes.insertOne({ _id: 'a', text: 'kept', tags: ['x'], meta: { body: 'kept' } });
    const first = await notes.findOne({ _id: 'a' });
    if (!first) throw new Error('missing');
    first.text = 'changed';
    first.tags?.push('y');
    if (first.meta) first.meta.body = 'changed';
    const projected = await notes.findOne({ _id: 'a' }, { projection: { meta: 1 } });
    (projected?.meta as { body: string }).body = 'changed too';
    expect(await notes.findOne({ _id: 'a' })).toEqual({ _id: 'a', text: 'kept', tags: ['x'], meta: { body: 'kept' } });
  });

  test('every write is seen by the next read, through the cache: update, delete, expiry, vacuum', async () => {
    const notes = store.collection<Note>('notes', noteSchema);
    await notes.createIndex({ at: 1 }, { expireAfterSeconds: 60 });
    const now = Date.now();
    await notes.insertMany([
      { _id: 'old', text: 'old', at: new Date(now - 3_600_000) },
      { _id: 'new', text: 'new', at: new Date(now) },
      { _id: 'gone', text: 'gone', at: new Date(now) },
    ]);
    expect((await notes.findMany({})).map((note) => note._id).sort()).toEqual(['gone', 'new']);
    await notes.updateOne({ _id: 'new' }, { $set: { text: 'newer' } });
    await notes.deleteOne({ _id: 'gone' });
    await store.maintain({ compactAll: true });
    expect(await notes.findMany({})).toEqual([{ _id: 'new', text: 'newer', at: new Date(now) }]);
    await notes.insertOne({ _id: 'after', text: 'after vacuum', at: new Date(now + 1) });
    expect((await notes.findMany({}, { sort: { at: 1 } })).map((note) => note.text)).toEqual(['newer', 'after vacuum']);
  });

  test('with the cache off the store reads the same documents', async () => {
    await store.close();
    store = open(0);
    const notes = store.collection<Note>('notes', noteSchema);
    await notes.insertMany([
      { _id: 'a', text: LONG, at: new Date(2) },
      { _id: 'b', text: 'b', at: new Date(1) },
    ]);
    expect((await notes.findMany({}, { sort: { at: 1 } })).map((note) => note._id)).toEqual(['b', 'a']);
  });
});

describe('document codec', () => {
  test('round-trips Dates, nested and in arrays, and leaves $-free strings alone', () => {
    const document = { _id: 'x', at: new Date(5), list: [new Date(6), { when: new Date(7) }], text: 'plain' };
    expect(decodeDocument(encodeDocument(document))).toEqual(document);
  });

  test('reads rows of format 0, whose Dates are ISO strings', () => {
    expect(decodeDocument('{"_id":"x","at":{"$date":"2026-12-05T00:00:00.000Z"}}')).toEqual({
      _id: 'x',
      at: new Date('2026-12-05T00:00:00.000Z'),
    });
  });

  test('keeps a long string plain when compressing would not make it smaller', () => {
    const noise = randomBytes(450).toString('base64');
    const encoded = encodeDocument({ _id: 'x', text: noise });
    expect(encoded).toContain(noise);
    expect(decodeDocument(encoded)).toEqual({ _id: 'x', text: noise });
  });
});

describe('MongoDB order for a one-field sort', () => {
  test('Dates sort as instants, either way, ties keeping their order', () => {
    const rows = [
      { id: 1, at: new Date(3) },
      { id: 2, at: new Date(1) },
      { id: 3, at: new Date(3) },
      { id: 4, at: new Date(2) },
    ];
    expect(sortDocuments([...rows], { at: 1 }).map((row) => row.id)).toEqual([2, 4, 1, 3]);
    expect(sortDocuments([...rows], { at: -1 }).map((row) => row.id)).toEqual([1, 3, 4, 2]);
  });

  test('mixed types, missing values and arrays keep MongoDB order (nulls, numbers, strings, then dates)', () => {
    const rows = [
      { id: 'date', v: new Date(0) },
      { id: 'number', v: 5 },
      { id: 'missing' },
      { id: 'string', v: 'a' },
      { id: 'array', v: [9, 1] },
    ];
    expect(sortDocuments([...rows], { v: 1 }).map((row) => row.id)).toEqual([
      'missing',
      'array',
      'number',
      'string',
      'date',
    ]);
  });
});

describe('time-ordered ids', () => {
  test('ids made later sort after ids made earlier', async () => {
    const first = timeOrderedId();
    await new Promise((resolve) => setTimeout(resolve, 3));
    const second = timeOrderedId();
    expect(first < second).toBe(true);
    expect(second).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
