import { copyValue, isPlainObject } from '../plainObject';
import { UnsupportedOperationError } from '../storageErrors';
import type { ProjectedDocument, ProjectionSpec } from '../storeCollection';

/**
 * MongoDB's projection: only inclusions (`1`) or only exclusions (`0`), except that `_id: 0` may join inclusions;
 * `_id` is kept unless excluded. Dotted paths reach into sub-documents and arrays of them.
 */
export function projectDocument(document: Readonly<Record<string, unknown>>, spec: ProjectionSpec): ProjectedDocument {
  const entries = Object.entries(spec);
  const inclusions = entries.filter(([path, flag]) => flag === 1 && path !== '_id');
  const exclusions = entries.filter(([path, flag]) => flag === 0 && path !== '_id');
  if (inclusions.length > 0 && exclusions.length > 0) {
    throw new UnsupportedOperationError('a projection cannot mix inclusions and exclusions (other than _id)');
  }
  const keepId = spec._id !== 0;
  if (inclusions.length > 0 || (spec._id === 1 && exclusions.length === 0)) {
    const projected: Record<string, unknown> = {};
    if (keepId && '_id' in document) projected._id = document._id;
    for (const [path] of inclusions) include(document, projected, path.split('.'));
    return projected;
  }
  const projected = copyValue(document) as Record<string, unknown>;
  if (!keepId) delete projected._id;
  for (const [path] of exclusions) exclude(projected, path.split('.'));
  return projected;
}

function include(source: unknown, target: Record<string, unknown>, path: readonly string[]): void {
  const [head, ...rest] = path;
  if (head === undefined || !isPlainObject(source) || !(head in source)) return;
  const value = source[head];
  if (rest.length === 0) {
    target[head] = copyValue(value);
    return;
  }
  if (Array.isArray(value)) {
    const existing = Array.isArray(target[head]) ? (target[head] as unknown[]) : [];
    const items = value.filter(isPlainObject).map((element, index) => {
      const into = isPlainObject(existing[index]) ? existing[index] : {};
      include(element, into, rest);
      return into;
    });
    target[head] = items;
    return;
  }
  if (!isPlainObject(value)) return;
  const into = isPlainObject(target[head]) ? target[head] : {};
  include(value, into, rest);
  target[head] = into;
}

function exclude(target: unknown, path: readonly string[]): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (Array.isArray(target)) {
    for (const element of target) exclude(element, path);
    return;
  }
  if (!isPlainObject(target)) return;
  if (rest.length === 0) Reflect.deleteProperty(target, head);
  else exclude(target[head], rest);
}
