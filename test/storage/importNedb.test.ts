import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { importNedbFolder } from '../../src/storage/embedded/importNedb';
import { silentLogger } from './support/storeHarness';

const noteSchema = z.object({ _id: z.string(), text: z.string(), at: z.date().optional() });

describe('import-nedb: an nedb data folder moved into the SQLite store', () => {
  let nedbDir: string;
  let dataDir: string;
  beforeEach(() => {
    nedbDir = mkdtempSync(path.join(os.tmpdir(), 'nedb-'));
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'store-import-'));
  });
  afterEach(() => {
    rmSync(nedbDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('later lines override earlier ones, deleted documents stay deleted, Dates come back as Dates', async () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    writeFileSync(
      path.join(nedbDir, 'notes.db'),
      [
        '{"$$indexCreated":{"fieldName":"text","unique":false,"sparse":false}}',
        '{"_id":"a","text":"first"}',
        `{"_id":"b","text":"kept","at":{"$$date":${at.getTime()}}}`,
        '{"_id":"c","text":"gone"}',
        '{"_id":"a","text":"second"}',
        '{"$$deleted":true,"_id":"c"}',
        '{"_id":"d","text":"cut off mid-wr',
      ].join('\n'),
    );
    writeFileSync(path.join(nedbDir, 'other.db'), '{"_id":"x","text":"x"}\n');
    const store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger });
    try {
      const outcome = await importNedbFolder(store, nedbDir);
      expect(outcome).toEqual({
        ok: true,
        collections: { notes: { imported: 2, alreadyPresent: 0 }, other: { imported: 1, alreadyPresent: 0 } },
      });
      const notes = store.collection('notes', noteSchema);
      expect(await notes.findMany({}, { sort: { _id: 1 } })).toEqual([
        { _id: 'a', text: 'second' },
        { _id: 'b', text: 'kept', at },
      ]);
      expect(await importNedbFolder(store, nedbDir)).toMatchObject({
        ok: true,
        collections: { notes: { imported: 0, alreadyPresent: 2 } },
      });
    } finally {
      await store.close();
    }
  });

  test('a damaged line before the end stops the import before anything is written, naming file and line', async () => {
    writeFileSync(path.join(nedbDir, 'notes.db'), '{"_id":"a","text":"a"}\nnot json\n{"_id":"b","text":"b"}\n');
    const store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger });
    try {
      expect(await importNedbFolder(store, nedbDir)).toEqual({
        ok: false,
        problem: 'notes.db line 2 is not JSON; nothing was imported',
      });
      expect(await store.collection('notes', noteSchema).countDocuments()).toBe(0);
    } finally {
      await store.close();
    }
  });
});
