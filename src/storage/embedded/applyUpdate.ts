import { copyDocument, copyValue, isPlainObject } from '../plainObject';
import { UnsupportedOperationError } from '../storageErrors';

type Container = Record<string, unknown> | unknown[];

/**
 * Applies a MongoDB update (`$set $unset $inc $push $setOnInsert`) to a copy of a document, with MongoDB's rules:
 * missing parents are created, `$inc` and `$push` start from nothing, `$setOnInsert` applies only when inserting,
 * and `_id` cannot change. The update is assumed to have passed `validateUpdate`.
 */
export function applyUpdate(
  document: Readonly<Record<string, unknown>>,
  update: Readonly<Record<string, unknown>>,
  mode: 'update' | 'insert',
): Record<string, unknown> {
  const next = copyDocument(document);
  for (const [operator, fields] of Object.entries(update)) {
    if (!isPlainObject(fields) || (operator === '$setOnInsert' && mode === 'update')) continue;
    for (const [path, value] of Object.entries(fields)) {
      if (value !== undefined) applyOperator(next, operator, path.split('.'), value);
    }
  }
  if (mode === 'update' && next._id !== document._id) {
    throw new UnsupportedOperationError("an update cannot change a document's _id");
  }
  return next;
}

/** The document an upsert starts from: the filter's equality fields (see `upsertSeed`) set at their paths. */
export function documentFromSeed(seed: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const [path, value] of seed) setPath(document, path.split('.'), copyValue(value));
  return document;
}

function applyOperator(document: Record<string, unknown>, operator: string, path: string[], value: unknown): void {
  switch (operator) {
    case '$set':
    case '$setOnInsert':
      setPath(document, path, copyValue(value));
      return;
    case '$unset':
      unsetPath(document, path);
      return;
    case '$inc':
      updatePath(document, path, (current) => increment(current, value, path));
      return;
    case '$push':
      updatePath(document, path, (current) => push(current, value, path));
      return;
    default:
      throw new UnsupportedOperationError(`update operator ${operator} is not supported`);
  }
}

function setPath(document: Record<string, unknown>, path: string[], value: unknown): void {
  updatePath(document, path, () => value);
}

function updatePath(document: Record<string, unknown>, path: string[], change: (current: unknown) => unknown): void {
  const parent = parentOf(document, path, true);
  const last = path[path.length - 1] ?? '';
  if (parent) assign(parent, last, change(childOf(parent, last)));
}

function unsetPath(document: Record<string, unknown>, path: string[]): void {
  const parent = parentOf(document, path, false);
  const last = path[path.length - 1] ?? '';
  if (!parent || childOf(parent, last) === undefined) return;
  if (Array.isArray(parent)) parent[arrayIndex(last, path)] = null;
  else Reflect.deleteProperty(parent, last);
}

function parentOf(document: Record<string, unknown>, path: string[], create: boolean): Container | undefined {
  let container: Container = document;
  for (const part of path.slice(0, -1)) {
    let child = childOf(container, part);
    if (child === undefined || child === null) {
      if (!create) return undefined;
      child = {};
      assign(container, part, child);
    }
    if (!isPlainObject(child) && !Array.isArray(child)) {
      throw new UnsupportedOperationError(`cannot create field ${path.join('.')}: ${part} is not a sub-document`);
    }
    container = child;
  }
  return container;
}

function childOf(container: Container, key: string): unknown {
  return Array.isArray(container) ? container[Number(key)] : container[key];
}

function assign(container: Container, key: string, value: unknown): void {
  if (!Array.isArray(container)) {
    container[key] = value;
    return;
  }
  const index = arrayIndex(key, [key]);
  while (container.length < index) container.push(null);
  container[index] = value;
}

function arrayIndex(key: string, path: string[]): number {
  if (!/^\d+$/.test(key)) throw new UnsupportedOperationError(`${path.join('.')}: ${key} is not an array index`);
  return Number(key);
}

function increment(current: unknown, by: unknown, path: string[]): number {
  if (typeof by !== 'number') throw new UnsupportedOperationError(`$inc on ${path.join('.')} needs a number`);
  if (current === undefined) return by;
  if (typeof current !== 'number') throw new UnsupportedOperationError(`$inc on ${path.join('.')}: not a number`);
  return current + by;
}

function push(current: unknown, value: unknown, path: string[]): unknown[] {
  if (current !== undefined && !Array.isArray(current)) {
    throw new UnsupportedOperationError(`$push on ${path.join('.')}: not an array`);
  }
  const items = isPlainObject(value) && Array.isArray(value.$each) ? value.$each : [value];
  return [...(current ?? []), ...items.map(copyValue)];
}
