import type { ServerResponse } from 'node:http';
import type { DirectLineError } from '../directLineError';

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
