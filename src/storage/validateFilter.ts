import { isOperatorObject, isPlainObject } from './plainObject';
import { UnsupportedOperationError } from './storageErrors';

const FIELD_OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists', '$not']);
const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor']);

/**
 * Refuses a filter that uses anything outside the supported subset, or holds `undefined` (which MongoDB would
 * silently drop, turning `{ email: undefined }` into "every document"). Both backends call it, so they agree.
 */
export function validateFilter(filter: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(filter)) {
    if (LOGICAL_OPERATORS.has(key)) {
      if (!Array.isArray(value) || value.length === 0) {
        throw new UnsupportedOperationError(`${key} needs a non-empty array of filters`);
      }
      for (const clause of value) {
        if (!isPlainObject(clause)) throw new UnsupportedOperationError(`${key} needs a non-empty array of filters`);
        validateFilter(clause);
      }
    } else if (key.startsWith('$')) {
      throw new UnsupportedOperationError(`query operator ${key} is not supported`);
    } else {
      validateCondition(key, value);
    }
  }
}

function validateCondition(field: string, condition: unknown): void {
  if (!isOperatorObject(condition)) {
    assertPlainValue(field, condition);
    return;
  }
  for (const [operator, operand] of Object.entries(condition)) {
    if (!FIELD_OPERATORS.has(operator)) {
      throw new UnsupportedOperationError(`query operator ${operator} (on ${field}) is not supported`);
    }
    if ((operator === '$in' || operator === '$nin') && !Array.isArray(operand)) {
      throw new UnsupportedOperationError(`${operator} on ${field} needs an array`);
    }
    if (operator === '$not') {
      if (!isOperatorObject(operand)) throw new UnsupportedOperationError(`$not on ${field} needs an operator object`);
      validateCondition(field, operand);
    } else {
      assertPlainValue(field, operand);
    }
  }
}

function assertPlainValue(field: string, value: unknown): void {
  if (value === undefined) throw new UnsupportedOperationError(`filter on ${field} compares with undefined`);
  if (value instanceof RegExp)
    throw new UnsupportedOperationError(`regular expressions (on ${field}) are not supported`);
  if (Array.isArray(value)) {
    for (const item of value) assertPlainValue(field, item);
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('$')) throw new UnsupportedOperationError(`operator ${key} inside a value (on ${field})`);
      assertPlainValue(field, item);
    }
  }
}
