import type { Logger } from 'pino';
import type { Config } from '../config/config';
import type { DocumentStore } from '../storage/documentStore';
import { openDocumentStore } from '../storage/openDocumentStore';
import { openRepositories, type Repositories } from '../storage/repositories/openRepositories';

/** The store and its repositories, as the app, the tests and the benches open them. */
export interface StoreParts {
  store: DocumentStore;
  repositories: Repositories;
}

/**
 * Opens the configured store (or uses `given`, which the caller then hands over: it is closed with the app) and
 * its repositories with the configured retention and outbox policy. Rejects with `StoreUnavailableError` when the
 * configured store cannot be opened.
 */
export async function createStore(
  config: Pick<
    Config,
    | 'MONGODB_URI'
    | 'MONGODB_DB'
    | 'DATA_DIR'
    | 'RETENTION_DAYS'
    | 'ANALYTICS_RETENTION_DAYS'
    | 'OUTBOX_MAX_ATTEMPTS'
    | 'OUTBOX_RETRY_BASE_SECONDS'
  >,
  logger: Logger,
  clock: () => Date,
  given?: DocumentStore,
): Promise<StoreParts> {
  const store =
    given ??
    (await openDocumentStore({
      mongodbUri: config.MONGODB_URI,
      mongodbDb: config.MONGODB_DB,
      dataDir: config.DATA_DIR,
      logger,
    }));
  const repositories = await openRepositories(store, {
    retentionDays: config.RETENTION_DAYS,
    analyticsRetentionDays: config.ANALYTICS_RETENTION_DAYS,
    clock,
    outbox: {
      maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
      backoff: { baseMs: config.OUTBOX_RETRY_BASE_SECONDS * 1000, maxMs: 3_600_000 },
    },
  });
  return { store, repositories };
}
