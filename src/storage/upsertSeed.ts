import { isOperatorObject, isPlainObject } from './plainObject';
import { UnsupportedOperationError } from './storageErrors';

/**
 * The fields MongoDB copies from a filter into the document an upsert inserts: equality conditions (`{ a: 1 }`,
 * `{ a: { $eq: 1 } }`), also inside `$and`. Keys are dotted paths; other operators contribute nothing.
 */
export function upsertSeed(filter: Readonly<Record<string, unknown>>): Map<string, unknown> {
  const seed = new Map<string, unknown>();
  collectEqualities(filter, seed);
  return seed;
}

/**
 * The `_id` an upsert would insert. Documents always carry a string `_id` chosen by the application, so an upsert
 * must name it in the filter or in `$setOnInsert`/`$set`; otherwise MongoDB would invent an ObjectId. Both adapters
 * check this before writing.
 */
export function upsertDocumentId(
  collection: string,
  filter: Readonly<Record<string, unknown>>,
  update: Readonly<Record<string, unknown>>,
): string {
  const candidates = [upsertSeed(filter).get('_id'), fieldOf(update.$setOnInsert, '_id'), fieldOf(update.$set, '_id')];
  const id = candidates.find((candidate) => candidate !== undefined);
  if (typeof id !== 'string') {
    throw new UnsupportedOperationError(
      `an upsert into ${collection} needs a string _id in its filter or $setOnInsert`,
    );
  }
  return id;
}

function collectEqualities(filter: Readonly<Record<string, unknown>>, seed: Map<string, unknown>): void {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const clause of value) if (isPlainObject(clause)) collectEqualities(clause, seed);
      continue;
    }
    if (key.startsWith('$')) continue;
    if (!isOperatorObject(value)) seed.set(key, value);
    else if ('$eq' in value) seed.set(key, value.$eq);
  }
}

function fieldOf(value: unknown, field: string): unknown {
  return isPlainObject(value) ? value[field] : undefined;
}
