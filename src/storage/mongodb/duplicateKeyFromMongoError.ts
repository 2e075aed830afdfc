import { isPlainObject } from '../plainObject';
import type { DuplicateKey } from '../storeCollection';

const DUPLICATE_KEY_CODES = new Set([11000, 11001]);
const INDEX_IN_MESSAGE = /index: (\S+) dup key/;

/**
 * The `DuplicateKey` outcome for a MongoDB duplicate-key error (E11000, also inside a bulk write error), or
 * undefined for any other error. The fields come from the error's `keyPattern`, else from the index name in its
 * message (looked up among the indexes this adapter created, else parsed from MongoDB's default `a_1_b_-1`
 * naming). The duplicate value, which the server also reports, is deliberately dropped.
 */
export function duplicateKeyFromMongoError(
  error: unknown,
  indexFields: ReadonlyMap<string, string[]>,
): DuplicateKey | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = 'code' in error ? error.code : undefined;
  if (typeof code !== 'number' || !DUPLICATE_KEY_CODES.has(code)) return undefined;
  const keyPattern = 'keyPattern' in error ? error.keyPattern : undefined;
  if (isPlainObject(keyPattern)) return { ok: false, reason: 'duplicateKey', fields: Object.keys(keyPattern) };
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  const indexName = INDEX_IN_MESSAGE.exec(message)?.[1];
  const fields = indexName ? (indexFields.get(indexName) ?? fieldsOfDefaultIndexName(indexName)) : [];
  return { ok: false, reason: 'duplicateKey', fields };
}

/** MongoDB's default index name joins `field_direction` pairs: `email_1`, `conversationId_1_seq_-1`. */
export function defaultIndexName(keys: Readonly<Record<string, 1 | -1>>): string {
  return Object.entries(keys)
    .map(([field, direction]) => `${field}_${direction}`)
    .join('_');
}

function fieldsOfDefaultIndexName(name: string): string[] {
  const fields: string[] = [];
  const pattern = /(.+?)_(-?1)(?:_|$)/g;
  for (let match = pattern.exec(name); match; match = pattern.exec(name)) fields.push(match[1] ?? '');
  return fields;
}
