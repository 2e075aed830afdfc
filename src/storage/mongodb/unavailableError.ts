import {
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  MongoWriteConcernError,
} from 'mongodb';
import { StoreUnavailableError } from '../storageErrors';

/**
 * The driver's "cannot reach the database" errors, as the port's `StoreUnavailableError` (so callers degrade the same
 * way on both backends); any other error is returned as it was. The message names the driver's error class only:
 * driver messages can quote a connection string.
 */
export function asStoreError<E>(error: E): E | StoreUnavailableError {
  const unavailable =
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoWriteConcernError;
  return unavailable ? new StoreUnavailableError(`MongoDB is unavailable (${error.name})`, { cause: error }) : error;
}
