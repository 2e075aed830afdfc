import type { DocumentStore } from '../../src/storage/documentStore';

/**
 * One store shared by several apps in one process, as several instances share one MongoDB: each app's `close`
 * leaves it open; the test closes it with `closeShared`.
 */
export function sharedStore(inner: DocumentStore): DocumentStore & { closeShared(): Promise<void> } {
  return {
    get backend() {
      return inner.backend;
    },
    collection: (name, schema) => inner.collection(name, schema),
    ping: () => inner.ping(),
    close: async () => undefined,
    closeShared: () => inner.close(),
  };
}
