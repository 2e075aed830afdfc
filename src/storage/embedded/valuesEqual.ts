import { isDate, isPlainObject } from '../plainObject';

/**
 * Equality as MongoDB compares BSON values: Dates by instant, arrays element by element, sub-documents field by
 * field in order (`{a: 1, b: 2}` is not `{b: 2, a: 1}`).
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isDate(a) || isDate(b)) {
    return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const aKeys = Object.keys(a);
    const bKeys = Object.keys(b);
    return aKeys.length === bKeys.length && aKeys.every((key, i) => key === bKeys[i] && valuesEqual(a[key], b[key]));
  }
  return false;
}
