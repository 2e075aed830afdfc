// nedb's own building blocks, reused by the embedded store's on-disk collections so that they index, compare,
// match, sort, project and serialise exactly as nedb's in-memory collections do. Only what is used is declared.

declare module '@seald-io/nedb/lib/indexes.js' {
  /** An AVL tree over one field (or several, comma-joined) of the documents given to it. */
  class Index {
    constructor(options: { fieldName: string; unique?: boolean; sparse?: boolean });
    readonly fieldName: string;
    readonly unique: boolean;
    /** Indexes a document, or several all or nothing; throws `{ errorType: 'uniqueViolated', key }`. */
    insert(document: object | object[]): void;
    remove(document: object | object[]): void;
    /** Re-indexes `oldDocument` as `newDocument`; on a unique violation nothing changes and it throws. */
    update(oldDocument: object, newDocument: object): void;
    getMatching(value: unknown): object[];
    getBetweenBounds(query: Record<string, unknown>): object[];
    getAll(): object[];
  }
  export = Index;
}

declare module '@seald-io/nedb/lib/cursor.js' {
  /** Used here for its projection only (`_project`), which needs no datastore. */
  class Cursor {
    constructor(db: unknown, query?: Record<string, unknown>);
    projection(projection: Record<string, unknown>): this;
    _project(candidates: Record<string, unknown>[]): Record<string, unknown>[];
  }
  export = Cursor;
}

declare module '@seald-io/nedb/lib/model.js' {
  export function serialize(document: unknown): string;
  export function deserialize(line: string): Record<string, unknown>;
  export function deepCopy<T>(value: T): T;
  /** Throws when a field name starts with `$` or contains `.`. */
  export function checkObject(document: unknown): void;
  export function match(document: unknown, query: Record<string, unknown>): boolean;
  export function compareThings(a: unknown, b: unknown): number;
  export function getDotValue(document: unknown, field: string): unknown;
}

declare module '@seald-io/nedb/lib/utils.js' {
  export function isDate(value: unknown): value is Date;
}
