/**
 * The store port's own query language (a subset of MongoDB's, see `StoreCollection`), so that nothing outside
 * `src/storage/mongodb` depends on the MongoDB driver's types. The MongoDB adapter hands these to the driver.
 */

/** A field's condition: a value (equality, or membership for an array field), or operators. */
export type Condition =
  | unknown
  | {
      $eq?: unknown;
      $ne?: unknown;
      $gt?: unknown;
      $gte?: unknown;
      $lt?: unknown;
      $lte?: unknown;
      $in?: readonly unknown[];
      $nin?: readonly unknown[];
      $exists?: boolean;
      $not?: Condition;
    };

/**
 * A filter on documents of type `T`: field names (dotted paths reach into sub-documents) to conditions, and
 * `$and`/`$or`/`$nor` of filters. The type parameter names the documents; paths are checked at run time by
 * `validateFilter`.
 */
export type Filter<T> = { [path: string]: Condition } & {
  $and?: ReadonlyArray<Filter<T>>;
  $or?: ReadonlyArray<Filter<T>>;
  $nor?: ReadonlyArray<Filter<T>>;
};

/** Fields of `T` with their types, or other (dotted) paths. */
type Fields<T> = { readonly [P in keyof T]?: T[P] } & Readonly<Record<string, unknown>>;

/**
 * An update: `$set $unset $inc $push` (with `$each`) `$setOnInsert`, each from paths to values. Anything else is
 * refused at run time by `validateUpdate`.
 */
export type Update<T> = {
  $set?: Fields<T>;
  $unset?: Readonly<Record<string, '' | 1 | true>>;
  $inc?: Readonly<Record<string, number>>;
  $push?: Readonly<Record<string, unknown>>;
  $setOnInsert?: Fields<T>;
} & Readonly<Record<string, unknown>>;
