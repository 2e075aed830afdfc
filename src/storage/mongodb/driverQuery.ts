import type { Document, Filter as DriverFilter, PushOperator, UpdateFilter as DriverUpdate } from 'mongodb';
import type { Filter, Update } from '../queryTypes';

/**
 * The port's filter rebuilt as the driver's `Filter`, part by part, so the compiler checks each part against the
 * driver's own types rather than taking a cast's word for it. The port's language is a subset of MongoDB's with the
 * same shape (checked at run time by `validateFilter` before this is called): field paths to conditions, and
 * `$and`/`$or`/`$nor` of filters. Paths are dotted strings, which is why the driver's untyped `Document` form is
 * the one to meet; the documents read back are parsed by the collection's schema.
 */
export function driverFilter<T>(filter: Filter<T>): DriverFilter<Document> {
  const { $and, $or, $nor, ...conditions } = filter;
  const translated: DriverFilter<Document> = {};
  for (const [path, condition] of Object.entries(conditions)) translated[path] = condition;
  if ($and) translated.$and = $and.map((part) => driverFilter(part));
  if ($or) translated.$or = $or.map((part) => driverFilter(part));
  if ($nor) translated.$nor = $nor.map((part) => driverFilter(part));
  return translated;
}

/**
 * The port's update (`$set $unset $inc $push $setOnInsert`) rebuilt as the driver's `UpdateFilter`, operator by
 * operator; `validateUpdate` has refused any other operator before this is called.
 */
export function driverUpdate<T>(update: Update<T>): DriverUpdate<Document> {
  const translated: DriverUpdate<Document> = {};
  if (update.$set) translated.$set = { ...update.$set };
  if (update.$unset) translated.$unset = { ...update.$unset };
  if (update.$inc) translated.$inc = { ...update.$inc };
  if (update.$push) {
    // `$push` names array fields: met as the driver's push on documents whose fields are arrays.
    const pushes: PushOperator<ArrayFields> = { ...update.$push };
    translated.$push = pushes;
  }
  if (update.$setOnInsert) translated.$setOnInsert = { ...update.$setOnInsert };
  return translated;
}

/** Documents as `$push` sees them: each path it names holds an array. */
type ArrayFields = { [path: string]: readonly unknown[] };
