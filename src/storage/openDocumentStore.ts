import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { DocumentStore } from './documentStore';
import { EmbeddedDocumentStore } from './embedded/embeddedDocumentStore';
import { MongoDocumentStore } from './mongodb/mongoDocumentStore';

export interface OpenDocumentStoreOptions {
  /** When set, MongoDB is used; otherwise the embedded store in `dataDir`. */
  mongodbUri?: string;
  mongodbDb: string;
  dataDir: string;
  logger: Logger;
  /** Embedded store: nedb's periodic compaction (default 10 minutes). */
  compactionIntervalMs?: number;
  /** Embedded store: TTL sweep and early compaction of grown files (default 30 seconds). */
  maintenanceIntervalMs?: number;
}

/**
 * Opens the configured backend (`MONGODB_URI` set: MongoDB, else the embedded store in `DATA_DIR`). Rejects with
 * `StoreUnavailableError` when MongoDB cannot be reached or the data folder cannot be created.
 */
export async function openDocumentStore(options: OpenDocumentStoreOptions): Promise<DocumentStore> {
  if (options.mongodbUri) {
    return MongoDocumentStore.open({ uri: options.mongodbUri, dbName: options.mongodbDb, logger: options.logger });
  }
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  options.logger.info({ backend: 'embedded', dataDir }, 'document store ready');
  return new EmbeddedDocumentStore({
    dataDir,
    logger: options.logger,
    compactionIntervalMs: options.compactionIntervalMs,
    maintenanceIntervalMs: options.maintenanceIntervalMs,
  });
}
