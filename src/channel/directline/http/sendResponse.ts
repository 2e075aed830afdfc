import type { ServerResponse } from 'node:http';
import type { Refusal, RefusalResponse } from '../../../server/http/refusal';
import type { DirectLineError, DirectLineErrorCode } from '../directLineError';

/** Sends JSON: a value, or a string that already is JSON (activity pages are assembled from stored JSON). */
export function sendJson(res: ServerResponse, status: number, body: unknown, alreadyJson = false): void {
  const text = alreadyJson && typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Sends a refusal in Direct Line's error shape, with `Retry-After` for 429 and `Connection: close` for 413. */
export function sendError(res: ServerResponse, error: DirectLineError): void {
  if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
  // The client may still be sending a body too large to read: closing is cheaper than draining it.
  if (error.status === 413) res.setHeader('Connection', 'close');
  sendJson(res, error.status, error.toBody());
}

/**
 * A refusal made outside the channel's routes (an unknown Direct Line address, a server error) in Direct Line's error
 * shape, so clients of the channel see one shape whatever went wrong.
 */
export function directLineRefusal(refusal: Refusal): RefusalResponse {
  const code: DirectLineErrorCode =
    refusal.status === 404
      ? 'NotFound'
      : refusal.status === 413
        ? 'MessageSizeTooBig'
        : refusal.status === 415
          ? 'UnsupportedMediaType'
          : refusal.status === 429
            ? 'TooManyRequests'
            : refusal.status >= 500
              ? 'ServiceError'
              : 'BadArgument';
  return {
    status: refusal.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...refusal.headers },
    body: JSON.stringify({ error: { code, message: refusal.message } }),
  };
}
