import { isPlainObject } from '../plainObject';
import { matchesFilter } from './matchesFilter';

/**
 * Turns a MongoDB filter into an nedb query. Matching is always done by `matchesFilter` (through nedb's `$where`),
 * so MongoDB's semantics hold; top-level equality and `$in` conditions on plain strings, numbers and booleans, and
 * ranges (`$gt $gte $lt $lte`) whose bounds are all strings or all numbers, are repeated as nedb conditions only so
 * that nedb can pick candidates from an index (its semantics agree with MongoDB's for those values).
 */
export function nedbQuery(filter: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [key, condition] of Object.entries(filter)) {
    if (key.startsWith('$') || key.includes('.')) continue;
    if (isIndexable(condition) || isRange(condition)) query[key] = condition;
    else if (isPlainObject(condition) && Object.keys(condition).length === 1) {
      if (isIndexable(condition.$eq)) query[key] = condition.$eq;
      else if (Array.isArray(condition.$in) && condition.$in.every(isIndexable)) query[key] = { $in: condition.$in };
    }
  }
  query.$where = function (this: Readonly<Record<string, unknown>>): boolean {
    return matchesFilter(this, filter);
  };
  return query;
}

const RANGE_OPERATORS = new Set(['$gt', '$gte', '$lt', '$lte']);

/** `{ $gt: 'a', $lte: 'b' }`: only range operators, with bounds of one comparable type. */
function isRange(condition: unknown): condition is Record<string, string | number> {
  if (!isPlainObject(condition)) return false;
  const entries = Object.entries(condition);
  if (entries.length === 0 || !entries.every(([operator]) => RANGE_OPERATORS.has(operator))) return false;
  const bounds = entries.map(([, bound]) => bound);
  const allStrings = bounds.every((bound) => typeof bound === 'string');
  const allNumbers = bounds.every((bound) => typeof bound === 'number' && Number.isFinite(bound));
  return allStrings || allNumbers;
}

function isIndexable(value: unknown): boolean {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}
