import type { IncomingMessage } from 'node:http';
import type { Origin } from '../directLineChannel';

/** A Host header this strict is safe to build URLs from: a name or address and an optional port, nothing else. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The base URLs clients reach this server at, for the `streamUrl` and attachment URLs: `publicUrl` (`PUBLIC_URL`)
 * when configured, else this request's Host header and scheme (`X-Forwarded-Proto` only with `trustProxy`).
 */
export function requestOrigin(req: IncomingMessage, publicUrl: string | undefined, trustProxy: boolean): Origin {
  if (publicUrl) {
    const base = publicUrl.replace(/\/+$/, '');
    return { http: base, ws: base.replace(/^http/, 'ws') };
  }
  const hostHeader = req.headers.host ?? '';
  const host = HOST.test(hostHeader) ? hostHeader : 'localhost';
  const forwarded = trustProxy ? firstValue(req.headers['x-forwarded-proto']) : undefined;
  const secure = forwarded ? forwarded === 'https' : 'encrypted' in req.socket && req.socket.encrypted === true;
  return { http: `${secure ? 'https' : 'http'}://${host}`, ws: `${secure ? 'wss' : 'ws'}://${host}` };
}

/**
 * The client's address, for rate limits: the socket's peer, or with `trustProxy` the address the proxy appended
 * last to `X-Forwarded-For` (earlier entries are whatever the client claimed).
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const last = firstValue(req.headers['x-forwarded-for'])?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

function firstValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}
