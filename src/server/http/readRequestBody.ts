import type { Next, Request, RequestHandler, Response } from 'restify';
import {
  CONTROL_CHARACTER_MESSAGE,
  hasControlCharacters,
  isForbiddenKey,
  JSON_PROBLEM_MESSAGES,
  parseJsonSafely,
} from './parseJsonSafely';
import { discardRestOfBody, hasBody, isCompressed, isJsonMediaType, mediaTypeOf, readBody } from './readBody';
import type { Refusal, RenderRefusal } from './refusal';

export interface ReadRequestBodyOptions {
  /** The largest body read, in bytes; a larger one is refused with 413 as soon as that is known. */
  maxBytes: number;
  /** Requests whose routes read their own bodies (the Direct Line channel, with its own limits). */
  skip: (req: Request) => boolean;
  /** Renders a refusal in the error shape of the route that was asked. */
  render: RenderRefusal;
}

const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Reads (with `readBody`, the one body reader) and parses request bodies for every route but those that `skip`, in place of restify's `bodyParser`, and
 * sets `req.body`: JSON (`application/json`, `application/*+json`) or a URL-encoded form (an object of strings, a
 * repeated field as an array of them). Everything else is refused in the route's own error shape:
 * - a body larger than `maxBytes` (413) at once when `Content-Length` says so, else as soon as it has been
 *   exceeded, never buffering more than `maxBytes`;
 * - any `Content-Encoding` (415): a 200 KB gzip body can inflate to gigabytes, and no browser compresses requests;
 * - any other media type (415), multipart included (restify's parser wrote every file to the temp folder);
 * - JSON that does not parse, nests too deeply or uses prototype keys, forms with a `__proto__` field, and either
 *   holding control characters (400).
 * Bodies of GET, HEAD and OPTIONS requests are not read.
 */
export function readRequestBody(options: ReadRequestBodyOptions): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    if (options.skip(req) || req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
      return next();
    }
    const refuse = (refusal: Refusal) => {
      const response = options.render(req, refusal);
      const body = Buffer.from(response.body);
      discardRestOfBody(req);
      res.writeHead(response.status, { ...response.headers, 'content-length': body.length, connection: 'close' });
      res.end(body);
      next(false);
    };
    if (!hasBody(req)) return next();
    if (isCompressed(req)) {
      return refuse({
        status: 415,
        code: 'unsupported_media_type',
        message: 'Send the body uncompressed (no Content-Encoding).',
      });
    }
    const mediaType = mediaTypeOf(req);
    const kind = isJsonMediaType(mediaType) ? 'json' : mediaType === FORM_TYPE ? 'form' : undefined;
    if (!kind) {
      return refuse({
        status: 415,
        code: 'unsupported_media_type',
        message: 'Send the body as JSON (application/json) or as a form (application/x-www-form-urlencoded).',
      });
    }
    void readBody(req, options.maxBytes).then((read) => {
      if (!read.ok) {
        // The client went away: there is nobody to answer.
        if (read.reason === 'aborted') return;
        return refuse({
          status: 413,
          code: 'too_large',
          message: `The request body must be at most ${Math.round(options.maxBytes / 1024)} KB.`,
        });
      }
      const parsed = parseBody(kind, read.body.toString('utf8'));
      if (!parsed.ok) return refuse(parsed.refusal);
      req.body = parsed.value;
      next();
    });
  };
}

type ParseOutcome = { ok: true; value: unknown } | { ok: false; refusal: Refusal };

function parseBody(kind: 'json' | 'form', text: string): ParseOutcome {
  if (kind === 'form') {
    const fields = new Map<string, string | string[]>();
    for (const [name, value] of new URLSearchParams(text)) {
      if (isForbiddenKey(name)) return badRequest('A form may not have a field named "__proto__".');
      if (hasControlCharacters(name) || hasControlCharacters(value)) return badRequest(CONTROL_CHARACTER_MESSAGE);
      const earlier = fields.get(name);
      fields.set(name, earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value]);
    }
    return { ok: true, value: Object.fromEntries(fields) };
  }
  if (text.trim() === '') return { ok: true, value: undefined };
  const parsed = parseJsonSafely(text);
  return parsed.ok ? parsed : badRequest(JSON_PROBLEM_MESSAGES[parsed.problem]);
}

function badRequest(message: string): ParseOutcome {
  return { ok: false, refusal: { status: 400, code: 'bad_request', message } };
}
