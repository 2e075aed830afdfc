import { valuesEqual } from './valuesEqual';

/** nedb's error for a write that would give two documents the same key in a unique index. */
export function isUniqueViolation(error: unknown): error is { errorType: 'uniqueViolated'; key?: unknown } {
  return typeof error === 'object' && error !== null && 'errorType' in error && error.errorType === 'uniqueViolated';
}

/**
 * nedb names the duplicate value but not the index: the fields of the unique index (of `uniqueIndexes`) whose value
 * in one of the documents written is `key`, or none when it cannot tell.
 */
export function violatedIndex(uniqueIndexes: Iterable<string[]>, key: unknown, documents: readonly object[]): string[] {
  for (const fields of uniqueIndexes) {
    const matches = documents.some((document) =>
      fields.length === 1
        ? holdsValue(valueAt(document, fields[0] ?? ''), key)
        : fields.every((field) => holdsValue(valueAt(document, field), valueAt(key, field))),
    );
    if (matches) return fields;
  }
  return [];
}

/** An error's message, which for nedb and the file system names files and codes, never document contents. */
export function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}

function holdsValue(value: unknown, key: unknown): boolean {
  return valuesEqual(value, key) || (Array.isArray(value) && value.some((item) => valuesEqual(item, key)));
}

function valueAt(document: unknown, dottedPath: string): unknown {
  let value = document;
  for (const part of dottedPath.split('.')) {
    value = typeof value === 'object' && value !== null && part in value ? Reflect.get(value, part) : undefined;
  }
  return value;
}
