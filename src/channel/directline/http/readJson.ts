import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { JSON_PROBLEM_MESSAGES, parseJsonSafely } from '../../../server/http/parseJsonSafely';
import { fail, type Outcome, succeed } from '../directLineError';
import { hasBody, isCompressed, isJsonMediaType, mediaTypeOf, readBody } from '../../../server/http/readBody';

/**
 * Reads a JSON body of at most `maxBytes`: 413 when larger, 415 when it is not sent as JSON or is compressed, 400
 * when it does not parse, nests too deeply or uses a key that would change an object's prototype. An empty body is
 * `undefined` (routes whose body is optional accept it).
 */
export async function readJson(req: IncomingMessage, maxBytes: number): Promise<Outcome<unknown>> {
  if (isCompressed(req)) return fail('UnsupportedMediaType', 'Send the body uncompressed (no Content-Encoding).');
  if (hasBody(req) && !isJsonMediaType(mediaTypeOf(req))) {
    return fail('UnsupportedMediaType', 'Send the body as JSON (Content-Type: application/json).');
  }
  const read = await readBody(req, maxBytes);
  if (!read.ok) {
    return read.reason === 'tooLarge'
      ? fail('MessageSizeTooBig', `The request body must be at most ${maxBytes} bytes.`)
      : fail('BadArgument', 'The request body was not received in full.');
  }
  if (read.body.length === 0) return succeed(undefined);
  const parsed = parseJsonSafely(read.body.toString('utf8'));
  if (parsed.ok) return succeed(parsed.value);
  return fail(parsed.problem === 'syntax' ? 'BadSyntax' : 'BadArgument', JSON_PROBLEM_MESSAGES[parsed.problem]);
}

/**
 * Validates a payload with its route's schema. The message names the fields and what is wrong with them, never the
 * values sent (which may be a resident's words).
 */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown): Outcome<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return succeed(parsed.data);
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`);
  return fail('BadArgument', `Invalid request: ${problems.slice(0, 5).join('; ')}.`);
}
