import { isPlainObject } from './plainObject';
import { UnsupportedOperationError } from './storageErrors';

const UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc', '$push', '$setOnInsert']);

/**
 * Refuses an update outside the supported subset (`$set $unset $inc $push $setOnInsert`), a replacement document,
 * a `$push` modifier other than `$each`, and two operators on overlapping paths (which MongoDB refuses too).
 * Fields whose value is `undefined` are ignored, as the MongoDB adapter's `ignoreUndefined` does.
 */
export function validateUpdate(update: Readonly<Record<string, unknown>>): void {
  const operators = Object.entries(update);
  if (operators.length === 0) throw new UnsupportedOperationError('an update needs at least one operator');
  const paths: string[] = [];
  for (const [operator, fields] of operators) {
    if (!UPDATE_OPERATORS.has(operator)) {
      throw new UnsupportedOperationError(
        operator.startsWith('$')
          ? `update operator ${operator} is not supported`
          : 'replacement documents are not supported; use $set',
      );
    }
    if (!isPlainObject(fields)) throw new UnsupportedOperationError(`${operator} needs an object of fields`);
    for (const [path, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      assertFieldPath(path);
      if (operator === '$inc' && (typeof value !== 'number' || !Number.isFinite(value))) {
        throw new UnsupportedOperationError(`$inc on ${path} needs a finite number`);
      }
      if (operator === '$push') assertPushValue(path, value);
      paths.push(path);
    }
  }
  assertNoConflicts(paths);
}

function assertFieldPath(path: string): void {
  if (path.split('.').some((part) => part === '' || part.startsWith('$'))) {
    throw new UnsupportedOperationError(`invalid field path ${JSON.stringify(path)}`);
  }
}

function assertPushValue(path: string, value: unknown): void {
  if (!isPlainObject(value)) return;
  const modifiers = Object.keys(value).filter((key) => key.startsWith('$'));
  if (modifiers.length === 0) return;
  if (modifiers.some((modifier) => modifier !== '$each') || !Array.isArray(value.$each)) {
    throw new UnsupportedOperationError(`$push on ${path} supports only { $each: [...] }`);
  }
}

function assertNoConflicts(paths: string[]): void {
  for (const [index, path] of paths.entries()) {
    for (const other of paths.slice(index + 1)) {
      if (path === other || other.startsWith(`${path}.`) || path.startsWith(`${other}.`)) {
        throw new UnsupportedOperationError(`update paths ${path} and ${other} conflict`);
      }
    }
  }
}
