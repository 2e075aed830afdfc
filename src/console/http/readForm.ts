import type { Request } from 'restify';
import type { z } from 'zod';

export type FormOutcome<T> = { ok: true; value: T } | { ok: false; errors: Array<{ field?: string; message: string }> };

/**
 * Parses a posted form (or the console script's JSON) with a zod schema. Each issue's message is written for the
 * CSA and names the field it is about, so the page can link the error to it.
 */
export function readForm<T>(req: Request, schema: z.ZodType<T>): FormOutcome<T> {
  const body: unknown = req.body && typeof req.body === 'object' ? req.body : {};
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      field: typeof issue.path[0] === 'string' ? issue.path[0] : undefined,
      message: issue.message,
    })),
  };
}

/** The query string's value for `name`, if it is a single string. */
export function queryValue(req: Request, name: string): string | undefined {
  const query: unknown = req.query;
  if (!query || typeof query !== 'object') return undefined;
  const value: unknown = Reflect.get(query, name);
  return typeof value === 'string' ? value : undefined;
}
