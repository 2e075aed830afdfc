import type { z } from 'zod';
import { StoredDocumentInvalidError } from './storageErrors';

/** Parses a document read from a backend with its collection's schema; see `StoredDocumentInvalidError`. */
export function parseStoredDocument<T>(collection: string, schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const id = typeof raw === 'object' && raw !== null && '_id' in raw ? String(raw._id) : '(no _id)';
  const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(document)'}: ${issue.code}`);
  throw new StoredDocumentInvalidError(collection, id, fields);
}
