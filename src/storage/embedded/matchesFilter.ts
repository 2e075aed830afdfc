import { isDate, isOperatorObject, isPlainObject } from '../plainObject';
import { UnsupportedOperationError } from '../storageErrors';
import { valuesEqual } from './valuesEqual';

type Plain = Readonly<Record<string, unknown>>;

/**
 * Whether a document matches a MongoDB filter, with MongoDB's semantics for the supported operators: `null`
 * matches a missing field, a condition on an array field matches when the array or any element does, dotted paths
 * reach through arrays of sub-documents, and comparisons only match values of the same type. The filter is assumed
 * to have passed `validateFilter`.
 */
export function matchesFilter(document: unknown, filter: Plain): boolean {
  for (const [key, condition] of Object.entries(filter)) {
    if (!matchesClause(document, key, condition)) return false;
  }
  return true;
}

function matchesClause(document: unknown, key: string, condition: unknown): boolean {
  if (key === '$and') return clausesOf(condition).every((clause) => matchesFilter(document, clause));
  if (key === '$or') return clausesOf(condition).some((clause) => matchesFilter(document, clause));
  if (key === '$nor') return !clausesOf(condition).some((clause) => matchesFilter(document, clause));
  return matchesCondition(valuesAtPath(document, pathOf(key), 0), condition);
}

/** Dotted paths split once, not once per document (a query checks thousands against the same filter). */
const PATHS = new Map<string, readonly string[]>();

function pathOf(key: string): readonly string[] {
  let path = PATHS.get(key);
  if (!path) {
    path = key.split('.');
    if (PATHS.size > 1000) PATHS.clear();
    PATHS.set(key, path);
  }
  return path;
}

function matchesCondition(values: unknown[], condition: unknown): boolean {
  if (!isOperatorObject(condition)) return values.some((value) => equalsOrContains(value, condition));
  return Object.entries(condition).every(([operator, operand]) => matchesOperator(values, operator, operand));
}

function matchesOperator(values: unknown[], operator: string, operand: unknown): boolean {
  switch (operator) {
    case '$eq':
      return values.some((value) => equalsOrContains(value, operand));
    case '$ne':
      return !values.some((value) => equalsOrContains(value, operand));
    case '$in':
      return arrayOf(operand).some((item) => values.some((value) => equalsOrContains(value, item)));
    case '$nin':
      return !arrayOf(operand).some((item) => values.some((value) => equalsOrContains(value, item)));
    case '$exists':
      return operand ? values.some((value) => value !== undefined) : values.every((value) => value === undefined);
    case '$not':
      return !matchesCondition(values, operand);
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      return values.some((value) => elementsOf(value).some((element) => compares(element, operator, operand)));
    default:
      throw new UnsupportedOperationError(`query operator ${operator} is not supported`);
  }
}

/** The values a dotted path reaches; a path through an array of sub-documents reaches into each of them. */
function valuesAtPath(value: unknown, path: readonly string[], from: number): unknown[] {
  const head = path[from];
  if (head === undefined) return [value];
  if (Array.isArray(value)) {
    const reached = /^\d+$/.test(head) ? valuesAtPath(value[Number(head)], path, from + 1) : [];
    for (const element of value) if (isPlainObject(element)) reached.push(...valuesAtPath(element, path, from));
    return reached.length > 0 ? reached : [undefined];
  }
  return isPlainObject(value) ? valuesAtPath(value[head], path, from + 1) : [undefined];
}

function equalsOrContains(value: unknown, target: unknown): boolean {
  if (target === null && value === undefined) return true;
  if (valuesEqual(value, target)) return true;
  return Array.isArray(value) && value.some((element) => valuesEqual(element, target));
}

function compares(value: unknown, operator: string, operand: unknown): boolean {
  if (operand === null) return (operator === '$gte' || operator === '$lte') && (value === null || value === undefined);
  const order = compareSameType(value, operand);
  if (order === undefined) return false;
  if (operator === '$gt') return order > 0;
  if (operator === '$gte') return order >= 0;
  if (operator === '$lt') return order < 0;
  return order <= 0;
}

function compareSameType(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (isDate(a) && isDate(b)) return a.getTime() - b.getTime();
  return undefined;
}

function elementsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function clausesOf(value: unknown): Plain[] {
  return Array.isArray(value) ? value.filter(isPlainObject) : [];
}
