/**
 * A document read back does not match its collection's schema: a bug (a writer and a reader disagree) or a damaged
 * file. The message names the collection, the document and the fields, never the values.
 */
export class StoredDocumentInvalidError extends Error {
  override readonly name = 'StoredDocumentInvalidError';

  constructor(
    readonly collection: string,
    readonly documentId: string,
    readonly fields: string[],
  ) {
    super(`document ${JSON.stringify(documentId)} in ${collection} does not match its schema (${fields.join(', ')})`);
  }
}

/**
 * A filter or update the embedded store does not implement. It is thrown on both backends' shared checks, so code
 * that only works on MongoDB fails in the tests that run on the embedded store.
 */
export class UnsupportedOperationError extends Error {
  override readonly name = 'UnsupportedOperationError';
}

/** The store cannot serve: the server is unreachable, a file cannot be written, or the store was closed. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
