import { type Db, MongoClient } from 'mongodb';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { DocumentStore, InsertWatch, PingOutcome } from '../documentStore';
import { StoreUnavailableError } from '../storageErrors';
import type { StoreCollection, StoredDocument } from '../storeCollection';
import { describeMongoHost, redactCredentials } from './describeMongoHost';
import { MongoCollection } from './mongoCollection';
import { asStoreError } from './unavailableError';

export interface MongoStoreOptions {
  uri: string;
  dbName: string;
  logger: Logger;
  /** How long to wait for a server at start and for each operation's server selection (default 10 s). */
  serverSelectionTimeoutMs?: number;
}

/**
 * The MongoDB backend: one client, majority write concern (a write is acknowledged once a majority of the replica
 * set has it), `undefined` fields ignored as the embedded store ignores them. Opening pings the server, so a wrong
 * URI stops start-up with a message naming the host (never the credentials).
 */
export class MongoDocumentStore implements DocumentStore {
  readonly backend = 'mongodb';

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly uri: string,
  ) {}

  static async open(options: MongoStoreOptions): Promise<MongoDocumentStore> {
    const host = describeMongoHost(options.uri);
    const client = new MongoClient(options.uri, {
      appName: 'council-assistant',
      writeConcern: { w: 'majority' },
      ignoreUndefined: true,
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? 10_000,
    });
    try {
      await client.connect();
      await client.db(options.dbName).command({ ping: 1 });
    } catch (error) {
      await client.close().catch(() => undefined);
      const reason = redactCredentials(error instanceof Error ? error.message : String(error), options.uri);
      throw new StoreUnavailableError(`cannot reach MongoDB at ${host}: ${reason}`);
    }
    options.logger.info({ backend: 'mongodb', host, db: options.dbName }, 'document store ready');
    return new MongoDocumentStore(client, client.db(options.dbName), options.uri);
  }

  collection<T extends StoredDocument>(name: string, schema: z.ZodType<T>): StoreCollection<T> {
    return new MongoCollection(name, this.db, schema);
  }

  /** A change stream of the collection's inserts (a replica set or Atlas is needed; a standalone server errors). */
  watchInserts<T extends StoredDocument>(
    name: string,
    schema: z.ZodType<T>,
    onInsert: (document: T) => void,
    onError: (error: Error) => void,
  ): InsertWatch {
    const stream = this.db.collection(name).watch([{ $match: { operationType: 'insert' } }]);
    let failed = false;
    stream.on('change', (change) => {
      if (change.operationType !== 'insert') return;
      const parsed = schema.safeParse(change.fullDocument);
      if (parsed.success) onInsert(parsed.data);
    });
    stream.on('error', (error: Error) => {
      if (failed) return;
      failed = true;
      void stream.close().catch(() => undefined);
      onError(asStoreError(error));
    });
    return { close: () => stream.close() };
  }

  async ping(): Promise<PingOutcome> {
    try {
      await this.db.command({ ping: 1 });
      return { ok: true };
    } catch (error) {
      const reason = redactCredentials(error instanceof Error ? error.message : String(error), this.uri);
      return { ok: false, problem: `MongoDB at ${describeMongoHost(this.uri)} did not answer: ${reason}` };
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
