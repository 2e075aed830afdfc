import { isDate, isPlainObject } from '../plainObject';

/**
 * How a document is kept in a SQLite row: JSON, with each Date written as `{"$date": "<ISO 8601>"}` (stored field
 * names never start with `$`, so this cannot be mistaken for a sub-document). ISO strings of the same width sort as
 * their instants, so SQL compares Dates through `sqlKey`.
 */
export function encodeDocument(document: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(document, function replace(this: Record<string, unknown>, key: string, value: unknown) {
    const raw = this[key];
    return isDate(raw) ? { $date: raw.toISOString() } : value;
  });
}

export function decodeDocument(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  if (!isPlainObject(parsed)) throw new TypeError('a stored row is not a JSON object');
  // Most rows hold a Date or none; walking only rows that mention one is cheaper than a reviver on every value.
  if (text.includes('"$date":')) reviveDates(parsed);
  return parsed;
}

function reviveDates(container: Record<string, unknown> | unknown[]): void {
  const entries: Array<[string | number, unknown]> = Array.isArray(container)
    ? container.map((value, index) => [index, value])
    : Object.entries(container);
  for (const [key, value] of entries) {
    if (value === null || typeof value !== 'object') continue;
    const date = asDate(value);
    if (date) (container as Record<string | number, unknown>)[key] = date;
    else reviveDates(value as Record<string, unknown> | unknown[]);
  }
}

function asDate(value: object): Date | undefined {
  if (Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.$date !== 'string') return undefined;
  for (const key in record) if (key !== '$date') return undefined;
  return new Date(record.$date);
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
 * The SQL value of a field, as indexes and pushed-down filters compare it: a Date's ISO string, otherwise what
 * `json_extract` gives (text, number, 0/1, or JSON text for objects and arrays); NULL when missing or null.
 */
export function sqlKey(path: string): string {
  const at = jsonPath(path);
  return `coalesce(json_extract(doc, '${at}."$date"'), json_extract(doc, '${at}'))`;
}

/** The value a filter operand is compared with in SQL, or undefined when SQL cannot compare it exactly enough. */
export function sqlOperand(value: unknown): string | number | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (isDate(value) && !Number.isNaN(value.getTime())) return value.toISOString();
  return undefined;
}
