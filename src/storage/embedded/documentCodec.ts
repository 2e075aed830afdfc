import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { isDate, isPlainObject } from '../plainObject';

/**
 * How a document is kept in a SQLite row: JSON, with two kinds of marker object (stored field names never start
 * with `$`, so neither can be mistaken for a sub-document):
 * - each Date as `{"$date": <milliseconds since 1970>}`, so SQL compares Dates as numbers through `sqlKey` (rows
 *   written before store format 1 hold an ISO string there; `migrateDocument` rewrites them);
 * - a long string (`COMPRESS_FROM` characters or more) as `{"$deflate": "<base64 of raw deflate>"}` when that is
 *   smaller, as MongoDB's own storage engine compresses documents. Never at an indexed path (`indexed`), so
 *   indexes and SQL filters always see plain values.
 */
export function encodeDocument(
  document: Readonly<Record<string, unknown>>,
  indexed: ReadonlySet<string> = NO_PATHS,
): string {
  return JSON.stringify(storable(document, '', indexed));
}

/** Strings from this many characters may be compressed; shorter ones gain too little to pay for the base64. */
export const COMPRESS_FROM = 512;
const NO_PATHS: ReadonlySet<string> = new Set();

function storable(value: unknown, path: string, indexed: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return value.length >= COMPRESS_FROM && !indexed.has(path) ? compressed(value) : value;
  if (value === null || typeof value !== 'object') return value;
  if (isDate(value)) return { $date: value.getTime() };
  if (Array.isArray(value)) return value.map((item) => storable(item, path, indexed));
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined) continue;
    out[key] = storable(child, path === '' ? key : `${path}.${key}`, indexed);
  }
  return out;
}

/**
 * A 4 KB window and small hash (about 32 KB of native memory a call, against zlib's default 256 KB): the strings are
 * a few KB at most, so the ratio barely changes, and the soak's resident memory stopped growing with each write.
 * Inflating needs no options (zlib's default window reads any smaller one).
 */
const DEFLATE = { windowBits: 12, memLevel: 5 } as const;

function compressed(text: string): unknown {
  const packed = deflateRawSync(text, DEFLATE).toString('base64');
  return packed.length < Buffer.byteLength(text) * 0.9 ? { $deflate: packed } : text;
}

export function decodeDocument(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  if (!isPlainObject(parsed)) throw new TypeError('a stored row is not a JSON object');
  // Most rows hold a marker or none; walking only rows that mention one is cheaper than a reviver on every value.
  if (text.includes('"$date":') || text.includes('"$deflate":')) revive(parsed);
  return parsed;
}

/** Replaces marker objects in place with the Dates and strings they stand for. */
function revive(container: Record<string, unknown> | unknown[]): void {
  if (Array.isArray(container)) {
    for (let index = 0; index < container.length; index++) {
      const value = container[index];
      if (value !== null && typeof value === 'object') container[index] = revived(value);
    }
    return;
  }
  for (const key in container) {
    const value = container[key];
    if (value !== null && typeof value === 'object') container[key] = revived(value);
  }
}

function revived(value: object): unknown {
  if (!Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const date = record.$date;
    if (date !== undefined && onlyKey(record, '$date')) {
      if (typeof date === 'number' || typeof date === 'string') return new Date(date);
    }
    const packed = record.$deflate;
    if (typeof packed === 'string' && onlyKey(record, '$deflate')) {
      return inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8');
    }
  }
  revive(value as Record<string, unknown> | unknown[]);
  return value;
}

function onlyKey(record: Record<string, unknown>, only: string): boolean {
  for (const key in record) if (key !== only) return false;
  return true;
}

/** Dotted paths SQL can reach (letters, digits, `_` and `-` in each part). */
const SQL_PATH = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

export function sqlReachable(path: string): boolean {
  return SQL_PATH.test(path);
}

/** A JSON path for `json_extract`: `contact.email` gives `$."contact"."email"`. */
export function jsonPath(path: string): string {
  return `$${path
    .split('.')
    .map((part) => `."${part}"`)
    .join('')}`;
}

/**
 * The SQL value of a field, as indexes and pushed-down filters compare it: a Date's milliseconds, otherwise what
 * `json_extract` gives (text, number, 0/1, or JSON text for objects and arrays); NULL when missing or null.
 */
export function sqlKey(path: string): string {
  const at = jsonPath(path);
  return `coalesce(json_extract(doc, '${at}."$date"'), json_extract(doc, '${at}'))`;
}

/**
 * The value a filter operand is compared with in SQL, or undefined when SQL cannot compare it exactly enough (a
 * long string is left to `matchesFilter`: at a path that is not indexed it may be stored compressed).
 */
export function sqlOperand(value: unknown): string | number | undefined {
  if (typeof value === 'string') return value.length < COMPRESS_FROM ? value : undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (isDate(value) && !Number.isNaN(value.getTime())) return value.getTime();
  return undefined;
}
