import type { Database } from 'better-sqlite3';
import { StoreUnavailableError } from '../storageErrors';
import { decodeDocument, encodeDocument } from './documentCodec';

/**
 * The version of the way documents are kept (`PRAGMA user_version`): 0 held Dates as ISO strings; 1 holds them as
 * milliseconds and may compress long strings (see `documentCodec`).
 */
export const STORE_FORMAT = 1;

/**
 * Brings a database written by an earlier format up to date, in one transaction (all or nothing), and refuses one
 * written by a newer version of the assistant rather than misread it.
 */
export function migrateStoreFormat(db: Database, filename: string): { migratedDocuments: number } {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > STORE_FORMAT) {
    throw new StoreUnavailableError(
      `${filename} was written by a newer version of the assistant (store format ${version}; this one reads up to ${STORE_FORMAT})`,
    );
  }
  if (version === STORE_FORMAT) return { migratedDocuments: 0 };
  let migratedDocuments = 0;
  db.transaction(() => {
    const tables = db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'`,
      )
      .all();
    const hasIndexList =
      db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_indexes'`).get() !== undefined;
    for (const { name } of tables) {
      const indexed = new Set<string>();
      if (hasIndexList) {
        const definitions = db
          .prepare<[string], { definition: string }>(`SELECT definition FROM store_indexes WHERE collection = ?`)
          .all(name.slice(2));
        for (const row of definitions) {
          for (const field of (JSON.parse(row.definition) as { fields: string[] }).fields) indexed.add(field);
        }
      }
      const rewrite = db.prepare(`UPDATE "${name}" SET doc = ? WHERE id = ?`);
      const rows = db.prepare<[], { id: string; doc: string }>(`SELECT id, doc FROM "${name}"`).iterate();
      const changed: Array<[string, string]> = [];
      for (const row of rows) {
        const encoded = encodeDocument(decodeDocument(row.doc), indexed);
        if (encoded !== row.doc) changed.push([encoded, row.id]);
      }
      for (const [doc, id] of changed) rewrite.run(doc, id);
      migratedDocuments += changed.length;
    }
    db.pragma(`user_version = ${STORE_FORMAT}`);
  })();
  return { migratedDocuments };
}
