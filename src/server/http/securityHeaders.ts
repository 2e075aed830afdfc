import { type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Headers every response starts with, whatever answers it (a page, JSON, a file, a refusal, a 404). A page replaces
 * the Content-Security-Policy with its own; anything else keeps this one, which lets a response load nothing, be
 * framed nowhere and run nothing if a browser is ever tricked into opening it as a document.
 */
export const BASELINE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
};

/** HSTS: a year, for the host alone (a council decides for its other subdomains). */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

export interface SecurityHeadersOptions {
  /** True when this request reached the server over https (directly, or through a trusted proxy or `PUBLIC_URL`). */
  isHttps: (req: IncomingMessage) => boolean;
}

/**
 * A `pre` handler that sets `BASELINE_SECURITY_HEADERS` on every response before any route runs, and
 * `Strict-Transport-Security` on responses served over https. Routes set their own headers over these (Node merges
 * `setHeader` with `writeHead`, the route's values winning).
 */
export function securityHeaders(
  options: SecurityHeadersOptions,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    for (const [name, value] of Object.entries(BASELINE_SECURITY_HEADERS)) res.setHeader(name, value);
    if (options.isHttps(req)) res.setHeader('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    next();
  };
}

/**
 * Answers requests Node cannot parse (a request line or headers over its 16 KB limit, bytes that are not HTTP, a
 * request too slow to arrive) as Node would (431, 400 or 408, then close), but with the baseline security headers.
 */
export function answerUnparsableRequests(server: Server): void {
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    // As Node does: answer unless a response on this connection has started (Node's own check), then close.
    const inFlight: unknown = Reflect.get(socket, '_httpMessage');
    const started = typeof inFlight === 'object' && inFlight !== null && Reflect.get(inFlight, '_headerSent') === true;
    if (error.code !== 'ECONNRESET' && socket.writable && !started) {
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
      const headers = Object.entries(BASELINE_SECURITY_HEADERS)
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n${headers}content-length: 0\r\nconnection: close\r\n\r\n`,
      );
    }
    socket.destroy();
  });
}
