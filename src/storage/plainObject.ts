// Checks are by shape rather than `instanceof`, so values built in another realm (structuredClone, a test runner's
// sandbox) are recognised too.

/** A JSON-like object (not an array, Date, RegExp or class instance): what documents and sub-documents are. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** `{ $gt: 1 }`: an object whose keys are query operators rather than a sub-document to compare with. */
export function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const [first] = Object.keys(value);
  return first?.startsWith('$') ?? false;
}

/** A deep copy of a stored value: plain objects, arrays and Dates are copied, anything else is shared. */
export function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue);
  if (isDate(value)) return new Date(value.getTime());
  if (isPlainObject(value)) return copyDocument(value);
  return value;
}

export function copyDocument(document: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).map(([key, value]) => [key, copyValue(value)]));
}
