import type { IncomingMessage, ServerResponse } from 'node:http';

/** A file served from memory under a versioned address: its bytes (and gzip-compressed, when worth it) and a strong ETag. */
export interface StaticAsset {
  body: Buffer;
  gzipped?: Buffer;
  /** The `Content-Type`. */
  type: string;
  etag: string;
}

/**
 * Serves a static asset the one way every route does: cached for a year as immutable (its address carries its
 * version), `304` when the client's `If-None-Match` is its ETag, gzip when the client accepts it and a compressed
 * copy exists, and never sniffed. `headers` adds the route's own (cross-origin rules).
 */
export function sendStaticAsset(
  req: IncomingMessage,
  res: ServerResponse,
  asset: StaticAsset,
  headers: Record<string, string> = {},
): void {
  const common = {
    'content-type': asset.type,
    'cache-control': 'public, max-age=31536000, immutable',
    etag: asset.etag,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
    ...headers,
  };
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const gzip = asset.gzipped !== undefined && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip && asset.gzipped ? asset.gzipped : asset.body;
  res.writeHead(200, { ...common, 'content-length': body.length, ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
  res.end(body);
}
