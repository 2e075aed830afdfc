import { v7 } from 'uuid';

/**
 * A new document id for append-mostly collections (analytics events, the audit log, transcripts): a UUID version 7
 * (RFC 9562), whose first 48 bits are the time. Ids made one after another sort together, so each insert lands at
 * the end of the id index instead of on a random page of it (fewer pages written per commit, in SQLite and in
 * MongoDB's B-trees alike). They reveal when the document was made, which the documents record anyway.
 */
export function timeOrderedId(): string {
  return v7();
}
