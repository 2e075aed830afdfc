import { isDate, isPlainObject } from './plainObject';
import { UnsupportedOperationError } from './storageErrors';

/**
 * A deep copy of a document as both backends store it: `undefined` fields dropped (as JSON and the MongoDB
 * adapter's `ignoreUndefined` do), field names and value types checked (strings, finite numbers, booleans, null,
 * Dates, arrays, plain objects), so both backends accept exactly the same documents.
 */
export function toStorableDocument(document: object): Record<string, unknown> {
  const copy = storableValue(document, '(document)');
  if (!isPlainObject(copy)) throw new UnsupportedOperationError('a document must be a plain object');
  return copy;
}

function storableValue(value: unknown, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (isDate(value) && !Number.isNaN(value.getTime())) return new Date(value.getTime());
  if (Array.isArray(value)) {
    return value.map((item, index) => (item === undefined ? null : storableValue(item, `${path}.${index}`)));
  }
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      if (key === '' || key.startsWith('$') || key.includes('.')) {
        throw new UnsupportedOperationError(`field name ${JSON.stringify(key)} (in ${path}) cannot be stored`);
      }
      copy[key] = storableValue(item, path === '(document)' ? key : `${path}.${key}`);
    }
    return copy;
  }
  throw new UnsupportedOperationError(`${path} holds a value that cannot be stored (${describe(value)})`);
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (isDate(value)) return 'an invalid Date';
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}
