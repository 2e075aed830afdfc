import type { Database, Statement } from 'better-sqlite3';
import { UnsupportedOperationError } from '../storageErrors';
import type { IndexKeys, IndexOptions } from '../storeCollection';
import { decodeDocument, encodeDocument, jsonPath, sqlKey, sqlReachable } from './documentCodec';

interface TableIndex {
  sqlName: string;
  fields: string[];
  unique: boolean;
  sparse: boolean;
  expireAfterSeconds: number | undefined;
}

/**
 * One collection's table (`"c_<name>"`: `id` the document's `_id`, `doc` its JSON) and what this process knows of
 * its indexes: which fields SQL may filter on (indexed fields that hold no arrays anywhere on their path, since SQL
 * compares an array as its JSON text), which are unique (to name the fields of a duplicate key) and which carry a TTL.
 */
export class CollectionTable {
  readonly table: string;
  private readonly indexes = new Map<string, TableIndex>();
  /** Indexed paths whose documents hold an array on the way (MongoDB's multikey): SQL cannot narrow by them. */
  private readonly multikey = new Set<string>();
  private readonly statements = new Map<string, Statement<unknown[], unknown>>();
  private indexed: ReadonlySet<string> = new Set();

  constructor(
    private readonly db: Database,
    readonly name: string,
  ) {
    this.table = `"c_${name}"`;
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.table} (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`);
    db.exec(
      `CREATE TABLE IF NOT EXISTS store_indexes (name TEXT PRIMARY KEY NOT NULL, collection TEXT NOT NULL, definition TEXT NOT NULL)`,
    );
    db.exec(
      `CREATE TABLE IF NOT EXISTS store_multikey (collection TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (collection, path))`,
    );
    const known = db
      .prepare<[string], { name: string; definition: string }>(
        `SELECT name, definition FROM store_indexes WHERE collection = ?`,
      )
      .all(name);
    for (const row of known) this.indexes.set(row.name, JSON.parse(row.definition) as TableIndex);
    this.noteIndexedPaths();
    const arrays = db
      .prepare<[string], { path: string }>(`SELECT path FROM store_multikey WHERE collection = ?`)
      .all(name);
    for (const row of arrays) this.multikey.add(row.path);
  }

  /** Creates the index, or replaces one of the same name whose definition differs. Runs inside a write. */
  ensureIndex(keys: IndexKeys, options: IndexOptions): void {
    const fields = Object.keys(keys);
    if (fields.length === 0) throw new UnsupportedOperationError('an index needs at least one field');
    if (options.expireAfterSeconds !== undefined && fields.length !== 1) {
      throw new UnsupportedOperationError('a TTL index has exactly one field');
    }
    const unreachable = fields.find((field) => !sqlReachable(field));
    if (unreachable) throw new UnsupportedOperationError(`cannot index the field ${JSON.stringify(unreachable)}`);
    const name =
      options.name ??
      Object.entries(keys)
        .map(([field, direction]) => `${field}_${direction}`)
        .join('_');
    const sqlName = `"i_${this.name}__${name.replace(/"/g, '')}"`;
    const unique = options.unique === true;
    const sparse = options.sparse === true;
    const columns = fields.map(
      (field) => `${columnExpression(field, unique && !sparse)}${keys[field] === -1 ? ' DESC' : ''}`,
    );
    const where =
      unique && sparse
        ? ` WHERE ${fields.map((f) => `json_type(doc, '${jsonPath(f)}') IS NOT NULL`).join(' OR ')}`
        : '';
    const create = `CREATE ${unique ? 'UNIQUE ' : ''}INDEX ${sqlName} ON ${this.table} (${columns.join(', ')})${where}`;
    const existing = this.db
      .prepare<[string], { sql: string }>(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`)
      .get(sqlName.slice(1, -1));
    const created = existing?.sql !== create;
    if (created) {
      if (existing) this.db.exec(`DROP INDEX ${sqlName}`);
      this.uncompress(fields);
      this.db.exec(create);
    }
    const index: TableIndex = { sqlName, fields, unique, sparse, expireAfterSeconds: options.expireAfterSeconds };
    this.indexes.set(sqlName.slice(1, -1), index);
    this.noteIndexedPaths();
    this.db
      .prepare(`INSERT OR REPLACE INTO store_indexes (name, collection, definition) VALUES (?, ?, ?)`)
      .run(sqlName.slice(1, -1), this.name, JSON.stringify(index));
    // Documents written since the index was created were noted as they were written (`noteArrays`).
    for (const field of created ? fields : []) {
      if (this.multikey.has(field)) continue;
      const arrays = prefixes(field).map((prefix) => `json_type(doc, '${jsonPath(prefix)}') = 'array'`);
      if (this.db.prepare(`SELECT 1 FROM ${this.table} WHERE ${arrays.join(' OR ')} LIMIT 1`).get())
        this.markMultikey(field);
    }
  }

  /** The fields some index covers (stored uncompressed, so that SQL sees their values). */
  indexedPaths(): ReadonlySet<string> {
    return this.indexed;
  }

  private noteIndexedPaths(): void {
    this.indexed = new Set([...this.indexes.values()].flatMap((index) => index.fields));
  }

  /** Rewrites documents that hold a newly indexed field compressed, so the index sees its plain value. */
  private uncompress(fields: readonly string[]): void {
    const indexed = new Set([...this.indexed, ...fields]);
    const rows = this.db
      .prepare<[], { id: string; doc: string }>(`SELECT id, doc FROM ${this.table} WHERE instr(doc, '"$deflate":') > 0`)
      .all();
    const rewrite = this.db.prepare(`UPDATE ${this.table} SET doc = ? WHERE id = ?`);
    for (const row of rows) rewrite.run(encodeDocument(decodeDocument(row.doc), indexed), row.id);
  }

  /** Notes indexed paths that a document about to be written reaches through an array. */
  noteArrays(document: Readonly<Record<string, unknown>>): void {
    for (const index of this.indexes.values()) {
      for (const field of index.fields) {
        if (!this.multikey.has(field) && reachesArray(document, field.split('.'))) this.markMultikey(field);
      }
    }
  }

  /** A prepared statement on this connection, compiled once per SQL text. */
  statement(sql: string): Statement<unknown[], unknown> {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Runs inside the write that stores the document, so the mark is committed with it. */
  private markMultikey(field: string): void {
    this.multikey.add(field);
    this.db.prepare(`INSERT OR IGNORE INTO store_multikey (collection, path) VALUES (?, ?)`).run(this.name, field);
  }

  /** The SQL expression a filter on `path` is narrowed by, when an index serves it. */
  columnOf = (path: string): string | undefined => {
    if (this.multikey.has(path)) return undefined;
    let found: string | undefined;
    for (const index of this.indexes.values()) {
      if (!index.fields.includes(path)) continue;
      if (!(index.unique && !index.sparse)) return sqlKey(path);
      found = columnExpression(path, true);
    }
    return found;
  };

  /** The fields of the unique index an SQLite constraint message names (`['_id']` for the primary key). */
  fieldsOfViolation(message: string): string[] {
    if (message.includes(`c_${this.name}.id`)) return ['_id'];
    const named = /index '([^']+)'/.exec(message)?.[1];
    return (named ? this.indexes.get(named)?.fields : undefined) ?? [];
  }

  /** Deletes documents whose TTL field is a Date before `cutoff` (milliseconds since 1970); returns their row ids. */
  deleteExpired(field: string, cutoff: number): number[] {
    const date = `json_extract(doc, '${jsonPath(field)}."$date"')`;
    return this.db
      .prepare(`DELETE FROM ${this.table} WHERE ${sqlKey(field)} < ? AND ${date} IS NOT NULL RETURNING rowid`)
      .pluck()
      .all(cutoff) as number[];
  }

  /** The TTL index, if any: its field and how long documents are kept. */
  ttl(): { field: string; seconds: number } | undefined {
    for (const index of this.indexes.values()) {
      const [field] = index.fields;
      if (index.expireAfterSeconds !== undefined && field) return { field, seconds: index.expireAfterSeconds };
    }
    return undefined;
  }
}

/** A unique index that is not sparse counts a missing field as null, and two nulls collide (SQLite's NULLs do not). */
function columnExpression(field: string, nullsCollide: boolean): string {
  return nullsCollide ? `ifnull(${sqlKey(field)}, x'')` : sqlKey(field);
}

function prefixes(field: string): string[] {
  const parts = field.split('.');
  return parts.map((_, index) => parts.slice(0, index + 1).join('.'));
}

function reachesArray(value: unknown, path: readonly string[]): boolean {
  if (Array.isArray(value)) return true;
  const [head, ...rest] = path;
  if (head === undefined || value === null || typeof value !== 'object') return false;
  return reachesArray((value as Record<string, unknown>)[head], rest);
}
