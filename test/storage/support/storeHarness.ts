import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import type { DocumentStore } from '../../../src/storage/documentStore';
import { EmbeddedDocumentStore } from '../../../src/storage/embedded/embeddedDocumentStore';
import { MongoDocumentStore } from '../../../src/storage/mongodb/mongoDocumentStore';

export const silentLogger = pino({ level: 'silent' });

/** A store on throwaway data, for one test file. */
export interface StoreHarness {
  readonly backend: 'embedded' | 'mongodb';
  /** The store tests use; replaced by `reopen`. */
  store(): DocumentStore;
  /** Closes the store and opens a new one on the same data, as a restart would. */
  reopen(): Promise<DocumentStore>;
  /** Embedded only: sweeps expired documents now instead of waiting for the maintenance timer. */
  expireNow?: () => Promise<void>;
  /** Closes the store and deletes its data. */
  dispose(): Promise<void>;
}

export type HarnessFactory = () => Promise<StoreHarness>;

export function embeddedHarness(): Promise<StoreHarness> {
  return embeddedHarnessWith({});
}

/** The embedded store reading every document from SQLite (its document cache off). */
export function embeddedUncachedHarness(): Promise<StoreHarness> {
  return embeddedHarnessWith({ documentCacheCharacters: 0 });
}

/** The embedded store with a document cache far smaller than the data, so that it evicts all the time. */
export function embeddedTinyCacheHarness(): Promise<StoreHarness> {
  return embeddedHarnessWith({ documentCacheCharacters: 2_000 });
}

function embeddedHarnessWith(options: { documentCacheCharacters?: number }): Promise<StoreHarness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'store-'));
  const open = () =>
    new EmbeddedDocumentStore({ dataDir, logger: silentLogger, maintenanceIntervalMs: 3_600_000, ...options });
  let current = open();
  return Promise.resolve({
    backend: 'embedded',
    store: () => current,
    reopen: async () => {
      await current.close();
      current = open();
      return current;
    },
    expireNow: () => current.maintain(),
    dispose: async () => {
      await current.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/** A harness on a fresh database of the server at `MONGODB_URI`, or undefined when it is not set. */
export function mongoHarnessFactory(): HarnessFactory | undefined {
  const uri = process.env.MONGODB_URI;
  if (!uri) return undefined;
  return async () => {
    const dbName = `councilbot_test_${randomUUID().slice(0, 8)}`;
    const open = () => MongoDocumentStore.open({ uri, dbName, logger: silentLogger });
    let current = await open();
    return {
      backend: 'mongodb',
      store: () => current,
      reopen: async () => {
        await current.close();
        current = await open();
        return current;
      },
      dispose: async () => {
        await current.close();
        const client = await MongoClient.connect(uri);
        await client.db(dbName).dropDatabase();
        await client.close();
      },
    };
  };
}

/** The backends this run can test: always the embedded store, and MongoDB when `MONGODB_URI` is set. */
export function availableHarnesses(): [string, HarnessFactory][] {
  const mongo = mongoHarnessFactory();
  return mongo
    ? [
        ['embedded', embeddedHarness],
        ['mongodb', mongo],
      ]
    : [['embedded', embeddedHarness]];
}

let counter = 0;

/** A collection name not used before in this process, so tests sharing a store do not see each other's data. */
export function freshName(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}
