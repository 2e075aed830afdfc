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
  const parsed: unknown = JSON.parse(text, (_key, value: unknown) =>
    isPlainObject(value) && typeof value.$date === 'string' && Object.keys(value).length === 1
      ? new Date(value.$date)
      : value,
  );
  if (!isPlainObject(parsed)) throw new TypeError('a stored row is not a JSON object');
  return parsed;
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
