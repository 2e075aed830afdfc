import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import Cursor from '@seald-io/nedb/lib/cursor.js';
import Index from '@seald-io/nedb/lib/indexes.js';
import * as model from '@seald-io/nedb/lib/model.js';
import { isDate } from '@seald-io/nedb/lib/utils.js';
import type { Logger } from 'pino';
import { StoreUnavailableError } from '../storageErrors';
import type { FindManyOptions, IndexOptions, ProjectionSpec } from '../storeCollection';
import {
  type CollectionFile,
  type FileWriteOutcome,
  GuardedCollectionFile,
  MIN_LINES_BEFORE_COMPACTION,
  type RawDocument,
  type ReplaceOutcome,
} from './collectionFile';
import { forEachLine } from './forEachLine';
import { nedbQuery } from './nedbQuery';
import { repairTornTail } from './repairTornTail';
import { isUniqueViolation, messageOf } from './uniqueViolation';
/** Where a document's current line is in the file (bytes), kept on its entry under symbols no field can clash with. */
const OFFSET = Symbol('offset');
const LENGTH = Symbol('length');

/**
 * What memory holds of a document: its `_id`, the top-level fields its indexes (and TTL) need, and where its line is.
 * The rest stays in the file. A class, so that V8 keeps the fields added after construction inside the object.
 */
class Entry {
  [field: string]: unknown;
  [OFFSET]: number;
  [LENGTH]: number;

  constructor(
    readonly _id: string,
    offset: number,
    length: number,
  ) {
    this[OFFSET] = offset;
    this[LENGTH] = length;
  }
}

/** An index as nedb records it in the file (`$$indexCreated`), with its fields. */
interface IndexDefinition {
  fieldName: string;
  unique: boolean;
  sparse: boolean;
  expireAfterSeconds?: number;
}

/** Everything loaded from the file: replaced whole when the file is (re)loaded. */
interface Loaded {
  ids: Index;
  /** Secondary indexes kept in memory, by nedb's name (fields sorted, comma-joined). */
  indexes: Map<string, Index>;
  definitions: Map<string, IndexDefinition>;
  /** Top-level fields every entry carries. */
  entryFields: Set<string>;
  /** The file's descriptor, for positioned reads and writes. */
  fd: number;
  size: number;
  live: number;
  /** Lines in the file that no longer count (superseded versions, deletions, index changes). */
  superseded: number;
}

/**
 * A collection whose documents stay in their file: memory holds, per document, only its `_id`, the fields its indexes
 * need and where its current line is, so memory grows with the index keys, not with the documents (activity logs,
 * analytics events and uploads would otherwise sit in memory for as long as they are kept). The file is nedb's, line
 * for line, so either kind of collection opens it, and nedb's own index, comparison, matching and projection code is
 * used, so both behave the same.
 *
 * Reads and writes are synchronous, positioned file operations (the file is in the operating system's page cache
 * when it is hot), so each operation is atomic in this process as nedb's in-memory ones are; appends are durable as
 * nedb's are (in the operating system once the promise resolves, not fsynced). Compaction copies the live lines to a
 * temporary file in the background while writes go on, then copies what was appended meanwhile, fsyncs and renames
 * it over the file. Non-unique compound indexes are recorded but not kept in memory: nedb only uses them for an
 * equality match on every field, which no repository makes, so they would cost memory for nothing.
 */
export class DiskCollectionFile extends GuardedCollectionFile implements CollectionFile {
  /** TTL seconds by field: as in nedb, set by `ensureIndex` at every start and not read back from the file. */
  private readonly ttl = new Map<string, number>();
  private compacting: Promise<void> | undefined;
  private generation = 0;
  private scratch = Buffer.alloc(64 * 1024);

  private constructor(
    name: string,
    filename: string,
    logger: Logger,
    private state: Loaded,
  ) {
    super(name, filename, logger);
  }

  static async open(name: string, filename: string, logger: Logger): Promise<DiskCollectionFile> {
    await mkdir(path.dirname(filename), { recursive: true });
    // A crash between removing the old file and renaming the new one (nedb's compaction) leaves only the new one.
    if (!existsSync(filename) && existsSync(`${filename}~`)) await rename(`${filename}~`, filename);
    const cut = await repairTornTail(filename);
    if (cut > 0) logger.warn({ collection: name, bytes: cut }, 'cut an unfinished write off the end of the data file');
    let state: Loaded;
    try {
      state = await load(filename);
    } catch (error) {
      throw new StoreUnavailableError(`cannot load ${filename}: ${messageOf(error)}`, { cause: error });
    }
    const file = new DiskCollectionFile(name, filename, logger, state);
    for (const [indexName, definition] of state.definitions) {
      if (definition.unique) file.uniqueIndexes.set(indexName, indexName.split(','));
    }
    return file;
  }

  async find(filter: RawDocument, options: FindManyOptions & { projection?: ProjectionSpec }): Promise<RawDocument[]> {
    this.assertUsable();
    const query = nedbQuery(filter);
    const found: RawDocument[] = [];
    let skipped = 0;
    for (const entry of this.candidates(query, true)) {
      const document = this.read(entry);
      if (!model.match(document, query)) continue;
      if (!options.sort && options.skip && skipped < options.skip) {
        skipped++;
        continue;
      }
      found.push(document);
      if (!options.sort && options.limit && found.length >= options.limit) break;
    }
    let result = found;
    if (options.sort) {
      const criteria = Object.entries(options.sort);
      result.sort((a, b) => {
        for (const [field, direction] of criteria) {
          const order = model.compareThings(model.getDotValue(a, field), model.getDotValue(b, field));
          if (order !== 0) return direction * order;
        }
        return 0;
      });
      const skip = options.skip ?? 0;
      result = result.slice(skip, skip + (options.limit || result.length));
    }
    if (options.projection && Object.keys(options.projection).length > 0) {
      result = new Cursor(undefined).projection({ ...options.projection })._project(result);
    }
    return result;
  }

  async count(filter: RawDocument): Promise<number> {
    this.assertUsable();
    const query = nedbQuery(filter);
    let count = 0;
    const everything = Object.keys(filter).length === 0;
    for (const entry of this.candidates(query, true)) {
      if (everything || model.match(this.read(entry), query)) count++;
    }
    return count;
  }

  async insert(documents: RawDocument[]): Promise<FileWriteOutcome> {
    const entries: Entry[] = [];
    const lines: string[] = [];
    try {
      for (const document of documents) {
        model.checkObject(document);
        lines.push(model.serialize(document));
        entries.push(this.entryOf(document));
      }
      this.indexAll(entries);
    } catch (error) {
      return this.duplicateOrFail(error, documents);
    }
    try {
      this.append(lines, entries);
    } catch (error) {
      for (const entry of entries) this.unindex(entry);
      return this.failWrite(error);
    }
    this.state.live += entries.length;
    return { ok: true };
  }

  async replace(id: string, document: RawDocument): Promise<ReplaceOutcome> {
    const [current] = this.candidates({ _id: id }, true);
    if (!current) return { ok: true, replaced: false };
    const replacement = { ...model.deepCopy(document), _id: id };
    let entry: Entry;
    let line: string;
    try {
      if (document._id !== undefined && document._id !== id) throw new Error("You cannot change a document's _id");
      model.checkObject(replacement);
      line = model.serialize(replacement);
      entry = this.entryOf(replacement);
      this.reindex(current, entry);
    } catch (error) {
      return this.duplicateOrFail(error, [document]);
    }
    try {
      this.append([line], [entry]);
    } catch (error) {
      this.reindex(entry, current);
      return this.failWrite(error);
    }
    this.state.superseded++;
    return { ok: true, replaced: true };
  }

  async remove(filter: RawDocument, multi: boolean): Promise<number> {
    this.assertUsable();
    const query = nedbQuery(filter);
    const removed: Entry[] = [];
    for (const entry of this.candidates(query, false)) {
      if (!model.match(this.read(entry), query)) continue;
      removed.push(entry);
      if (!multi) break;
    }
    try {
      this.delete(removed);
    } catch (error) {
      return this.failWrite(error);
    }
    return removed.length;
  }

  async ensureIndex(fields: string[], options: IndexOptions): Promise<void> {
    const indexName = [...fields].sort().join(',');
    if (indexName === '_id') return;
    const { state } = this;
    state.indexes.delete(indexName);
    state.definitions.delete(indexName);
    this.ttl.delete(indexName);
    this.uniqueIndexes.delete(indexName);
    const definition: IndexDefinition = {
      fieldName: indexName,
      unique: options.unique ?? false,
      sparse: options.sparse ?? false,
      expireAfterSeconds: options.expireAfterSeconds,
    };
    try {
      this.append([model.serialize({ $$indexRemoved: indexName })], []);
      this.carryFields(fields.map((field) => field.split('.')[0] ?? field));
      if (keptInMemory(definition)) {
        const index = new Index(definition);
        index.insert(state.ids.getAll());
        state.indexes.set(indexName, index);
      }
      this.append([model.serialize({ $$indexCreated: definition })], []);
    } catch (error) {
      state.indexes.delete(indexName);
      if (isUniqueViolation(error)) {
        throw new StoreUnavailableError(`cannot create unique index on ${indexName} in ${this.name}: duplicates exist`);
      }
      return this.failWrite(error);
    }
    state.definitions.set(indexName, definition);
    state.superseded += 2;
    if (definition.unique) this.uniqueIndexes.set(indexName, fields);
    if (options.expireAfterSeconds !== undefined) this.ttl.set(indexName, options.expireAfterSeconds);
  }

  async sweepExpired(): Promise<number> {
    if (this.ttl.size === 0) return 0;
    const now = Date.now();
    const expired = (this.state.ids.getAll() as Entry[]).filter((entry) => this.isExpired(entry, now));
    try {
      this.delete(expired);
    } catch (error) {
      return this.failWrite(error);
    }
    return expired.length;
  }

  needsCompaction(): boolean {
    return this.state.superseded > Math.max(MIN_LINES_BEFORE_COMPACTION, this.state.live);
  }

  compact(): Promise<void> {
    this.assertUsable();
    this.compacting ??= this.compactNow().finally(() => {
      this.compacting = undefined;
    });
    return this.compacting;
  }

  async close(): Promise<void> {
    await this.drainQueue();
    await this.compacting?.catch(() => undefined);
    if (!this.closed) closeSync(this.state.fd);
    this.closed = true;
  }

  /**
   * The entries a query's candidates come from, chosen as nedb chooses (an equality, then a compound equality, then
   * `$in`, then a range on an indexed field, else every document), in index order. Unless `expire` is false, entries
   * past their TTL are deleted on the way, as nedb does when a read reaches them.
   */
  private candidates(query: RawDocument, expire: boolean): Entry[] {
    const entries = this.rawCandidates(query) as Entry[];
    if (!expire || this.ttl.size === 0) return entries;
    const now = Date.now();
    const expired = new Set(entries.filter((entry) => this.isExpired(entry, now)));
    if (expired.size === 0) return entries;
    this.delete([...expired]);
    return entries.filter((entry) => !expired.has(entry));
  }

  private rawCandidates(query: RawDocument): object[] {
    const { ids, indexes } = this.state;
    const indexOf = (name: string) => (name === '_id' ? ids : indexes.get(name));
    const entries = Object.entries(query).filter(([field]) => indexOf(field));
    const equality = entries.filter(([, value]) => isEqualityValue(value)).pop();
    if (equality) return indexOf(equality[0])?.getMatching(equality[1]) ?? [];
    for (const [name, index] of indexes) {
      const fields = name.split(',');
      if (fields.length < 2) continue;
      const values = fields.map((field) => query[field]);
      if (values.every(isEqualityValue))
        return index.getMatching(Object.fromEntries(fields.map((f, i) => [f, values[i]])));
    }
    const inList = entries.filter(([, value]) => hasOperator(value, ['$in'])).pop();
    if (inList) return indexOf(inList[0])?.getMatching((inList[1] as { $in: unknown }).$in) ?? [];
    const range = entries.filter(([, value]) => hasOperator(value, ['$lt', '$lte', '$gt', '$gte'])).pop();
    if (range) return indexOf(range[0])?.getBetweenBounds(range[1] as Record<string, unknown>) ?? [];
    return ids.getAll();
  }

  private isExpired(entry: Entry, now: number): boolean {
    for (const [field, seconds] of this.ttl) {
      const value = entry[field];
      if (isDate(value) && now > value.getTime() + seconds * 1000) return true;
    }
    return false;
  }

  /** The document as stored: its current line, read from the file and parsed. */
  private read(entry: Entry): RawDocument {
    const length = entry[LENGTH];
    if (this.scratch.length < length) this.scratch = Buffer.alloc(Math.max(length, this.scratch.length * 2));
    let done = 0;
    while (done < length) {
      const bytes = readSync(this.state.fd, this.scratch, done, length - done, entry[OFFSET] + done);
      if (bytes === 0) throw new StoreUnavailableError(`${this.filename} is shorter than its index says`);
      done += bytes;
    }
    return model.deserialize(this.scratch.toString('utf8', 0, length));
  }

  /** What memory keeps of a document: `_id` and the fields indexes need (copied, so callers cannot change them). */
  private entryOf(document: RawDocument): Entry {
    const entry = new Entry(String(document._id), 0, 0);
    for (const field of this.state.entryFields) {
      if (field in document) entry[field] = model.deepCopy(document[field]);
    }
    return entry;
  }

  /** Makes every entry carry `fields` too, reading the documents that lack them from the file. */
  private carryFields(fields: readonly string[]): void {
    const missing = fields.filter((field) => field !== '_id' && !this.state.entryFields.has(field));
    if (missing.length === 0) return;
    for (const entry of this.state.ids.getAll() as Entry[]) {
      const document = this.read(entry);
      for (const field of missing) if (field in document) entry[field] = document[field];
    }
    for (const field of missing) this.state.entryFields.add(field);
  }

  /** Adds entries to every index, all or nothing (throws nedb's unique violation). */
  private indexAll(entries: Entry[]): void {
    const all = [this.state.ids, ...this.state.indexes.values()];
    const done: Index[] = [];
    try {
      for (const index of all) {
        index.insert(entries);
        done.push(index);
      }
    } catch (error) {
      for (const index of done) index.remove(entries);
      throw error;
    }
  }

  private unindex(entry: Entry): void {
    for (const index of [this.state.ids, ...this.state.indexes.values()]) index.remove(entry);
  }

  /** Swaps `from` for `to` in every index, all or nothing (throws nedb's unique violation). */
  private reindex(from: Entry, to: Entry): void {
    const done: Index[] = [];
    try {
      for (const index of [this.state.ids, ...this.state.indexes.values()]) {
        index.update(from, to);
        done.push(index);
      }
    } catch (error) {
      for (const index of done) index.update(to, from);
      throw error;
    }
  }

  /** Takes entries out of the indexes and appends their deletion (nedb's `$$deleted` lines). */
  private delete(entries: Entry[]): void {
    if (entries.length === 0) return;
    for (const entry of entries) this.unindex(entry);
    try {
      this.append(
        entries.map((entry) => model.serialize({ $$deleted: true, _id: entry._id })),
        [],
      );
    } catch (error) {
      for (const entry of entries) this.indexAll([entry]);
      throw error;
    }
    this.state.live -= entries.length;
    this.state.superseded += entries.length * 2;
  }

  /** Appends lines at the end of the file and records where the first `entries.length` of them are. */
  private append(lines: string[], entries: Entry[]): void {
    this.assertUsable();
    const state = this.state;
    const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
    let written = 0;
    try {
      while (written < bytes.length) {
        written += writeSync(state.fd, bytes, written, bytes.length - written, state.size + written);
      }
    } catch (error) {
      // Leave no partial line behind the end that memory knows: the next append would not cover all of it.
      if (written > 0) ftruncateSync(state.fd, state.size);
      throw error;
    }
    let offset = state.size;
    for (const [index, line] of lines.entries()) {
      const length = Buffer.byteLength(line, 'utf8');
      const entry = entries[index];
      if (entry) {
        entry[OFFSET] = offset;
        entry[LENGTH] = length;
      }
      offset += length + 1;
    }
    state.size += bytes.length;
  }

  /**
   * Copies the index definitions, then each live document's line, to `<file>~` while writes go on; then, without
   * yielding, copies what was appended meanwhile, fsyncs, renames it over the file and moves the entries.
   */
  private async compactNow(): Promise<void> {
    const state = this.state;
    const generation = this.generation;
    const temporary = `${this.filename}~`;
    const snapshotSize = state.size;
    const entries = (state.ids.getAll() as Entry[]).sort((a, b) => a[OFFSET] - b[OFFSET]);
    const moved = new Map<Entry, number>();
    const output = await open(temporary, 'w');
    let fd: number | undefined;
    try {
      let position = 0;
      const head = [...state.definitions.values()].map((definition) => model.serialize({ $$indexCreated: definition }));
      const headBytes = Buffer.from(head.map((line) => `${line}\n`).join(''), 'utf8');
      await output.write(headBytes, 0, headBytes.length, position);
      position += headBytes.length;
      const batch: Buffer[] = [];
      let batchBytes = 0;
      for (const entry of entries) {
        if (this.state !== state || this.closed) return;
        if (entry[OFFSET] >= snapshotSize) continue;
        const line = Buffer.alloc(entry[LENGTH] + 1, 0x0a);
        readSync(state.fd, line, 0, entry[LENGTH], entry[OFFSET]);
        moved.set(entry, position + batchBytes);
        batch.push(line);
        batchBytes += line.length;
        if (batchBytes >= 1024 * 1024) {
          await output.write(Buffer.concat(batch), 0, batchBytes, position);
          position += batchBytes;
          batch.length = 0;
          batchBytes = 0;
        }
      }
      if (batchBytes > 0) await output.write(Buffer.concat(batch), 0, batchBytes, position);
      position += batchBytes;
      await output.sync();
      await output.close();
      if (this.state !== state || this.generation !== generation || this.closed) return;

      // From here on nothing yields: the file is swapped and the entries moved in one go.
      fd = openSync(temporary, 'r+');
      const tail = Buffer.alloc(state.size - snapshotSize);
      if (tail.length > 0) {
        readSync(state.fd, tail, 0, tail.length, snapshotSize);
        writeSync(fd, tail, 0, tail.length, position);
      }
      fsyncSync(fd);
      renameSync(temporary, this.filename);
      syncDirectory(path.dirname(this.filename));
      for (const entry of state.ids.getAll() as Entry[]) {
        const offset = moved.get(entry);
        if (offset !== undefined) entry[OFFSET] = offset;
        else entry[OFFSET] = entry[OFFSET] - snapshotSize + position;
      }
      closeSync(state.fd);
      state.fd = fd;
      fd = undefined;
      state.size = position + tail.length;
      state.superseded = 0;
      this.generation++;
    } finally {
      await output.close().catch(() => undefined);
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** A write that failed may have left the file behind memory: it is loaded again (cutting a torn line first). */
  protected async reload(): Promise<void> {
    this.generation++;
    await repairTornTail(this.filename);
    const reloaded = await load(this.filename);
    closeSync(this.state.fd);
    this.state = reloaded;
    this.carryFields([...this.ttl.keys()]);
  }
}

/**
 * Reads a data file line by line: the last line of each `_id` wins (a `$$deleted` line removes it), and index lines
 * define or drop indexes, as nedb reads them. Any line that does not parse is damage: loading fails (a torn last line
 * is cut before this). An index defined after documents were read makes those documents be read again for its fields.
 */
async function load(filename: string): Promise<Loaded> {
  const handle = await open(filename, 'a+');
  const live = new Map<string, Entry>();
  const definitions = new Map<string, IndexDefinition>();
  const entryFields = new Set<string>();
  let lines = 0;
  let lateFields = false;
  let size: number;
  try {
    size = await forEachLine(handle, (text, offset, length) => {
      if (text === '') return;
      lines++;
      let line: RawDocument;
      try {
        line = model.deserialize(text);
      } catch {
        throw new Error(`line ${lines} of ${filename} is damaged`);
      }
      const created = line.$$indexCreated as IndexDefinition | undefined;
      if (typeof line._id === 'string' && line._id !== '') {
        if (line.$$deleted === true) live.delete(line._id);
        else live.set(line._id, entryFrom(line, entryFields, offset, length));
      } else if (created && typeof created.fieldName === 'string') {
        definitions.set(created.fieldName, {
          fieldName: created.fieldName,
          unique: created.unique,
          sparse: created.sparse,
        });
        for (const field of created.fieldName.split(',')) {
          const topLevel = field.split('.')[0] ?? field;
          if (!entryFields.has(topLevel)) {
            entryFields.add(topLevel);
            lateFields ||= live.size > 0;
          }
        }
      } else if (typeof line.$$indexRemoved === 'string') {
        definitions.delete(line.$$indexRemoved);
      }
    });
  } finally {
    await handle.close();
  }
  const fd = openSync(filename, 'r+');
  const state: Loaded = {
    ids: new Index({ fieldName: '_id', unique: true }),
    indexes: new Map(),
    definitions,
    entryFields,
    fd,
    size,
    live: live.size,
    superseded: lines - live.size - definitions.size,
  };
  try {
    const entries = [...live.values()];
    if (lateFields) {
      const scratch = Buffer.alloc(64 * 1024);
      for (const [position, entry] of entries.entries()) {
        const buffer = entry[LENGTH] > scratch.length ? Buffer.alloc(entry[LENGTH]) : scratch;
        readSync(fd, buffer, 0, entry[LENGTH], entry[OFFSET]);
        const document = model.deserialize(buffer.toString('utf8', 0, entry[LENGTH]));
        entries[position] = entryFrom(document, entryFields, entry[OFFSET], entry[LENGTH]);
      }
    }
    state.ids.insert(entries);
    for (const [name, definition] of definitions) {
      if (!keptInMemory(definition)) continue;
      const index = new Index(definition);
      index.insert(entries);
      state.indexes.set(name, index);
    }
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  return state;
}

function entryFrom(document: RawDocument, fields: ReadonlySet<string>, offset: number, length: number): Entry {
  const entry = new Entry(String(document._id), offset, length);
  for (const field of fields) if (field in document) entry[field] = document[field];
  return entry;
}

/** Whether an index is held in memory: all but non-unique compound ones (see the class comment). */
function keptInMemory(definition: IndexDefinition): boolean {
  return definition.unique || !definition.fieldName.includes(',');
}

/** nedb's "basic match": a value an index can look up directly. */
function isEqualityValue(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null ||
    isDate(value)
  );
}

function hasOperator(value: unknown, operators: readonly string[]): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    operators.some((operator) => Object.prototype.hasOwnProperty.call(value, operator))
  );
}

/** fsyncs a folder so that a rename in it survives a power cut (not possible on every platform: then skipped). */
function syncDirectory(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Some platforms cannot open or fsync a folder; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
