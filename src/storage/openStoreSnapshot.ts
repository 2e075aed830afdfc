import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import type { DocumentStore } from './documentStore';
import { DATABASE_FILE, EmbeddedDocumentStore } from './embedded/embeddedDocumentStore';
import { MongoDocumentStore } from './mongodb/mongoDocumentStore';

export interface StoreSnapshotOptions {
  mongodbUri?: string;
  mongodbDb: string;
  dataDir: string;
  logger: Logger;
}

/**
 * A store to read from while the server may be running, for command-line reports (`kb gaps`). With MongoDB it is the
 * database itself. The embedded store belongs to one process at a time, so its files are copied to a temporary
 * folder and opened there (a write cut off mid-copy is cut off again on opening); nothing is ever written to the
 * server's files, and closing deletes the copy.
 */
export async function openStoreSnapshot(options: StoreSnapshotOptions): Promise<DocumentStore> {
  if (options.mongodbUri) {
    return MongoDocumentStore.open({ uri: options.mongodbUri, dbName: options.mongodbDb, logger: options.logger });
  }
  const copy = await mkdtemp(path.join(os.tmpdir(), 'store-snapshot-'));
  const files = await readdir(options.dataDir).catch(() => []);
  // The database and its write-ahead log, copied as files (the server holds SQLite's lock, which is advisory).
  for (const file of files.filter((name) => name === DATABASE_FILE || name === `${DATABASE_FILE}-wal`)) {
    await copyFile(path.join(options.dataDir, file), path.join(copy, file));
  }
  const store = new EmbeddedDocumentStore({
    dataDir: copy,
    logger: options.logger,
    maintenanceIntervalMs: 3_600_000,
    compactionIntervalMs: 3_600_000,
  });
  return {
    backend: store.backend,
    collection: (name, schema, collectionOptions) => store.collection(name, schema, collectionOptions),
    ping: () => store.ping(),
    close: async () => {
      await store.close();
      await rm(copy, { recursive: true, force: true });
    },
  };
}
