import type { Logger } from 'pino';
import type { Request, Response } from 'restify';
import { DirectLineError, type Outcome } from '../directLineError';
import { StoreUnavailableError } from '../../../storage/storageErrors';
import { sendError, sendJson } from '../http/sendResponse';

/** What a route answers with: JSON (a value, or text that already is JSON), or an uploaded file. */
export type RouteReply =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'rawJson'; status: number; json: string }
  | { kind: 'file'; contentType: string; bytes: Buffer };

export type RouteWork = (req: Request) => Promise<Outcome<RouteReply>>;

/**
 * Adapts a route's work to restify: the work never sees the response, refusals become Direct Line errors, and an
 * unexpected failure is logged (without the request's content) and answered with a 500, so the server keeps serving.
 */
export function directLineRoute(
  logger: Logger,
  name: string,
  work: RouteWork,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    let outcome: Outcome<RouteReply>;
    try {
      outcome = await work(req);
    } catch (error) {
      if (error instanceof StoreUnavailableError) {
        logger.warn({ route: name, problem: error.message }, 'direct line request: store unavailable');
        outcome = {
          ok: false,
          error: new DirectLineError('ServiceUnavailable', 'The service is briefly unavailable; try again shortly.', 5),
        };
      } else {
        logger.error({ err: error, route: name }, 'direct line request failed');
        outcome = {
          ok: false,
          error: new DirectLineError('ServiceError', 'The request could not be completed; try again.'),
        };
      }
    }
    if (res.headersSent) return;
    if (!outcome.ok) {
      sendError(res, outcome.error);
      return;
    }
    const reply = outcome.value;
    if (reply.kind === 'json') sendJson(res, reply.status, reply.body);
    else if (reply.kind === 'rawJson') sendJson(res, reply.status, reply.json, true);
    else sendFile(res, reply.contentType, reply.bytes);
  };
}

export function json(status: number, body: unknown): Outcome<RouteReply> {
  return { ok: true, value: { kind: 'json', status, body } };
}

/** The query string of a request, read here so the routes work with or without restify's queryParser. */
export function queryOf(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

function sendFile(res: Response, contentType: string, bytes: Buffer): void {
  res.writeHead(200, {
    'Content-Type': contentType,
    'Content-Length': bytes.length,
    'Cache-Control': 'private, max-age=3600',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
    'Content-Disposition': 'inline',
  });
  res.end(bytes);
}
