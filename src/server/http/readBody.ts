import type { IncomingMessage } from 'node:http';
import { parse as parseContentType } from 'content-type';
import getRawBody from 'raw-body';

/**
 * The one way a request body is read, for every route: the restify middleware (`readRequestBody`) and the Direct Line
 * channel's routes, which read their own bodies with their own limits, both come here. Bytes are read by `raw-body`
 * (the length checked against `Content-Length`, never more than the limit buffered); media types are read by
 * `content-type`. Parsing (JSON with its depth, key and control-character checks, or a form) is the caller's.
 */
export type BodyOutcome =
  | { ok: true; body: Buffer }
  /** `tooLarge`: over the limit (declared or sent); `aborted`: the client went away or sent less than it declared. */
  | { ok: false; reason: 'tooLarge' | 'aborted' };

/** After a refusal, what the client still sends is read and dropped up to this much, so it sees the answer. */
const DISCARD_ALLOWANCE_BYTES = 1024 * 1024;

/** Requests whose unread rest is already being dropped (a refusal may be made twice: at the limit and in the route). */
const discarding = new WeakSet<IncomingMessage>();

/** Reads a request body of at most `maxBytes`; a larger one is `tooLarge`, and the rest of it is dropped. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyOutcome> {
  // Already read by someone else: there is nothing left to wait for.
  if (req.readableEnded) return { ok: true, body: Buffer.alloc(0) };
  const declared = declaredLength(req);
  try {
    const body = await getRawBody(req, { limit: maxBytes, length: declared });
    return { ok: true, body };
  } catch (error) {
    if (errorType(error) === 'entity.too.large') {
      discardRestOfBody(req);
      return { ok: false, reason: 'tooLarge' };
    }
    return { ok: false, reason: 'aborted' };
  }
}

/** Whether the request says it carries a body (a `Content-Length` above 0, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || (declaredLength(req) ?? 0) > 0;
}

/** `Content-Length` as a number, when the request sends one that is a whole number. */
export function declaredLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  if (header === undefined || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header);
}

/** Whether the body is compressed (any `Content-Encoding` but `identity`): never read, as it may inflate without bound. */
export function isCompressed(req: IncomingMessage): boolean {
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  return encoding !== undefined && encoding !== '' && encoding !== 'identity';
}

/** The body's media type in lower case (`application/json`), parameters set aside; undefined when none is sent. */
export function mediaTypeOf(req: IncomingMessage): string | undefined {
  const header = req.headers['content-type'];
  if (header === undefined) return undefined;
  try {
    return parseContentType(header).type;
  } catch {
    return undefined;
  }
}

/** `application/json` or a structured `+json` type (`application/vnd.x+json`). */
export function isJsonMediaType(mediaType: string | undefined): boolean {
  return mediaType !== undefined && /^application\/(?:[\w.+-]+\+)?json$/.test(mediaType);
}

/**
 * Drops the rest of a refused body, so the client, still sending, sees the answer; past the allowance, the connection
 * is cut instead of read for ever.
 */
export function discardRestOfBody(req: IncomingMessage): void {
  if (req.readableEnded || discarding.has(req)) return;
  discarding.add(req);
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_ALLOWANCE_BYTES) req.socket.destroy();
  });
  req.resume();
}

function errorType(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'type' in error ? error.type : undefined;
}
