import type { z } from 'zod';
import type { DocumentStore, PingOutcome } from '../../src/storage/documentStore';
import type { StoreCollection, StoredDocument } from '../../src/storage/storeCollection';
import { StoreUnavailableError } from '../../src/storage/storageErrors';

/**
 * A real store with a switch: while `down`, every operation rejects with `StoreUnavailableError` and the ping fails,
 * as MongoDB does when the server cannot be reached (the adapter maps the driver's network errors to that error).
 */
export class FaultyStore implements DocumentStore {
  down = false;

  constructor(private readonly inner: DocumentStore) {}

  get backend(): DocumentStore['backend'] {
    return this.inner.backend;
  }

  collection<T extends StoredDocument>(name: string, schema: z.ZodType<T>): StoreCollection<T> {
    const collection = this.inner.collection(name, schema);
    return new Proxy(collection, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (this.down) return Promise.reject(new StoreUnavailableError('the store is unreachable (test fault)'));
          return (value as (...callArgs: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }

  async ping(): Promise<PingOutcome> {
    if (this.down) return { ok: false, problem: 'the store is unreachable (test fault)' };
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
