import type { IncomingMessage } from 'node:http';
import { isIPv4, isIPv6 } from 'node:net';

/** The public base URLs of this request's server, for URLs handed to the client. */
export interface Origin {
  /** `https://host` (attachment URLs) */
  http: string;
  /** `wss://host` (stream URLs) */
  ws: string;
}

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
 * last to `X-Forwarded-For` (earlier entries are whatever the client claimed). An IPv6 address is reduced to its /64
 * (`2001:db8:1:2::/64`): one household or server is usually given a whole /64, and could otherwise take a fresh
 * address for every request. IPv4-mapped IPv6 addresses are given as IPv4.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const last = firstValue(req.headers['x-forwarded-for'])?.split(',').at(-1)?.trim();
    if (last) return limitedAddress(last);
  }
  return limitedAddress(req.socket.remoteAddress ?? 'unknown');
}

/** What rate limits count an address as: IPv4 as it is, IPv6 as its /64. Anything unreadable is returned as given. */
export function limitedAddress(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIPv4(bare) || !isIPv6(bare)) return address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  const [head = '', tail = ''] = bare.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = bare.includes('::') && tail !== '' ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(0, missing)).fill('0'), ...tailGroups];
  const prefix = groups
    .slice(0, 4)
    .map((group) => (/^[0-9a-f]{1,4}$/i.test(group) ? parseInt(group, 16).toString(16) : group));
  return `${prefix.join(':')}::/64`;
}

function firstValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}
