import { isOperatorObject } from '../plainObject';
import { sqlOperand } from './documentCodec';

/** A WHERE clause and its parameters. */
export interface SqlWhere {
  sql: string;
  params: Array<string | number>;
}

const RANGES: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/**
 * The part of a filter SQL can narrow by: equality, `$in` and ranges on `_id` and on indexed fields that hold no
 * arrays (`columnOf` gives their SQL expression, or undefined). The result selects a superset of the matching
 * documents, never fewer; every row is still checked with `matchesFilter`, so the rest of the filter (and any
 * difference in how SQL and MongoDB compare types) is settled there.
 */
export function pushDown(
  filter: Readonly<Record<string, unknown>>,
  columnOf: (path: string) => string | undefined,
): SqlWhere {
  const terms: string[] = [];
  const params: Array<string | number> = [];
  for (const [path, condition] of Object.entries(filter)) {
    if (path.startsWith('$')) continue;
    const column = path === '_id' ? 'id' : columnOf(path);
    if (!column) continue;
    if (!isOperatorObject(condition)) {
      const operand = sqlOperand(condition);
      if (operand === undefined) continue;
      terms.push(`${column} = ?`);
      params.push(operand);
      continue;
    }
    for (const [operator, operand] of Object.entries(condition)) {
      if (operator === '$eq') {
        const value = sqlOperand(operand);
        if (value === undefined) continue;
        terms.push(`${column} = ?`);
        params.push(value);
      } else if (operator === '$in' && Array.isArray(operand) && operand.length > 0) {
        const values = operand.map(sqlOperand);
        if (values.some((value) => value === undefined)) continue;
        terms.push(`${column} IN (${values.map(() => '?').join(', ')})`);
        params.push(...(values as Array<string | number>));
      } else if (operator in RANGES) {
        const value = sqlOperand(operand);
        if (value === undefined) continue;
        terms.push(`${column} ${RANGES[operator]} ?`);
        params.push(value);
      }
    }
  }
  return { sql: terms.length > 0 ? terms.join(' AND ') : '1', params };
}
