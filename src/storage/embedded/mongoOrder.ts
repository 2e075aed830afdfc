import { isDate, isPlainObject } from '../plainObject';
import type { SortSpec } from '../storeCollection';

/**
 * MongoDB's BSON comparison order for sorting: missing and null first, then numbers, strings, objects, arrays,
 * booleans, dates. Numbers compare by value, strings by code unit, objects field by field (name, then value),
 * arrays element by element.
 */
export function compareValues(a: unknown, b: unknown): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (isDate(a) && isDate(b)) return a.getTime() - b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return compareLists(a, b);
  if (isPlainObject(a) && isPlainObject(b)) {
    const entriesA = Object.entries(a);
    const entriesB = Object.entries(b);
    for (let i = 0; i < Math.min(entriesA.length, entriesB.length); i++) {
      const [keyA, valueA] = entriesA[i] ?? [];
      const [keyB, valueB] = entriesB[i] ?? [];
      const byType = typeRank(valueA) - typeRank(valueB);
      if (byType !== 0) return byType;
      if (keyA !== keyB) return String(keyA) < String(keyB) ? -1 : 1;
      const byValue = compareValues(valueA, valueB);
      if (byValue !== 0) return byValue;
    }
    return entriesA.length - entriesB.length;
  }
  return 0;
}

function compareLists(a: readonly unknown[], b: readonly unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareValues(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  if (Array.isArray(value)) return 5;
  if (isDate(value)) return 8;
  if (isPlainObject(value)) return 4;
  if (typeof value === 'boolean') return 7;
  return 9;
}

/**
 * The key a document sorts by on one field, as MongoDB picks it: a missing field sorts as null; an array sorts by
 * its smallest element ascending and its largest descending, and an empty array before null.
 */
function sortKey(document: unknown, path: string, direction: 1 | -1): { empty: boolean; value: unknown } {
  const values = valuesAt(document, path.split('.'));
  if (values.length === 0) return { empty: false, value: null };
  if (values.length === 1 && !Array.isArray(values[0])) return { empty: false, value: values[0] };
  const elements = values.flatMap((value) => (Array.isArray(value) ? value : [value]));
  if (elements.length === 0) return { empty: true, value: null };
  let best = elements[0];
  for (const element of elements) if (compareValues(element, best) * direction < 0) best = element;
  return { empty: false, value: best };
}

function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  const [head, ...rest] = path;
  if (head === undefined) return value === undefined ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((element) => valuesAt(element, path));
  return isPlainObject(value) ? valuesAt(value[head], rest) : [];
}

/** Sorts documents by a MongoDB sort specification (keys computed once per document); ties keep their order. */
export function sortDocuments<D>(documents: D[], sort: SortSpec): D[] {
  const fields = Object.entries(sort);
  const [first] = fields;
  if (!first) return documents;
  if (fields.length === 1) {
    const times = instants(documents, first[0].split('.'));
    // One field of Dates or numbers only (the common case: newest first, oldest first): compared as numbers, and
    // not sorted at all when they already are in order.
    if (times) return sortByNumber(documents, times, first[1]);
  }
  const directions = fields.map(([, direction]) => direction);
  const keyed = documents.map((document) => ({
    document,
    keys: fields.map(([path, direction]) => sortKey(document, path, direction)),
  }));
  keyed.sort((a, b) => {
    for (let index = 0; index < directions.length; index++) {
      const keyA = a.keys[index];
      const keyB = b.keys[index];
      if (!keyA || !keyB) continue;
      let order = Number(keyB.empty) - Number(keyA.empty);
      if (order === 0) order = compareValues(keyA.value, keyB.value);
      if (order !== 0) return order * (directions[index] ?? 1);
    }
    return 0;
  });
  keyed.forEach((entry, index) => {
    documents[index] = entry.document;
  });
  return documents;
}

/**
 * Each document's value at `path` as a number, when every one is a Date or every one a finite number (the two never
 * mix in BSON order) and no array lies on the way; otherwise undefined.
 */
function instants(documents: readonly unknown[], path: readonly string[]): Float64Array | undefined {
  const times = new Float64Array(documents.length);
  let dates = 0;
  for (let index = 0; index < documents.length; index++) {
    let value: unknown = documents[index];
    for (const part of path) {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || isDate(value)) return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    let time: number;
    if (isDate(value)) {
      time = value.getTime();
      dates++;
    } else if (typeof value === 'number') time = value;
    else return undefined;
    if (!Number.isFinite(time)) return undefined;
    times[index] = time;
  }
  return dates === 0 || dates === documents.length ? times : undefined;
}

function sortByNumber<D>(documents: D[], times: Float64Array, direction: 1 | -1): D[] {
  let sorted = true;
  for (let index = 1; index < times.length && sorted; index++) {
    if (((times[index] ?? 0) - (times[index - 1] ?? 0)) * direction < 0) sorted = false;
  }
  if (sorted) return documents;
  const order = Array.from(times, (_, index) => index).sort((a, b) => ((times[a] ?? 0) - (times[b] ?? 0)) * direction);
  const copy = documents.slice();
  order.forEach((from, to) => {
    documents[to] = copy[from] as D;
  });
  return documents;
}
