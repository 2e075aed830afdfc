import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { sendStaticAsset, type StaticAsset } from '../../server/http/staticAsset';
import { consoleScript } from '../client/consoleScript';
import { CONSOLE_STYLES } from '../views/consoleStyles';

const GOVUK_DIR = path.join(path.dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const GOVUK_VERSION: string = require('govuk-frontend/package.json').version;

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/manifest+json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** A plain icon for the browser tab (the GOV.UK crown is for GOV.UK only). */
const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="#0b0c0c"/>' +
  '<path d="M8 10h16v10H14l-4 4v-4H8z" fill="#fff"/></svg>';

/** The version in every asset address: GOV.UK Frontend's and a hash of the console's own files. */
export const ASSET_VERSION = `${GOVUK_VERSION}-${createHash('sha256')
  .update(consoleScript() + CONSOLE_STYLES)
  .digest('hex')
  .slice(0, 10)}`;
export const ASSET_BASE = `/console/assets/${ASSET_VERSION}`;

/**
 * GOV.UK Frontend's stylesheet, script, fonts and images, served from `node_modules` (never a CDN), and the
 * console's own script and styles, under a versioned path and cached for a year. The stylesheet's asset URLs are
 * pointed here, and its GDS Transport font faces are left out (that font is for GOV.UK only).
 */
export function addAssetRoutes(server: Server): void {
  const cache = new Map<string, Promise<StaticAsset | undefined>>();
  server.get('/console/assets/*', async (req: Request, res: Response) => {
    const prefix = `${ASSET_BASE}/`;
    const requested = req.path();
    if (!requested.startsWith(prefix)) return notFound(res);
    const name = requested.slice(prefix.length);
    if (!cache.has(name)) cache.set(name, loadAsset(name));
    const asset = await cache.get(name);
    if (!asset) return notFound(res);
    sendStaticAsset(req, res, asset, { 'cross-origin-resource-policy': 'same-origin' });
  });
}

async function loadAsset(name: string): Promise<StaticAsset | undefined> {
  if (name === 'console.js') return textAsset(consoleScript(), '.js');
  if (name === 'console.css') return textAsset(CONSOLE_STYLES, '.css');
  if (name === 'icon.svg') return textAsset(ICON, '.svg');
  if (name === 'govuk/govuk-frontend.min.css') {
    const css = await readFile(path.join(GOVUK_DIR, 'govuk-frontend.min.css'), 'utf8');
    return textAsset(adaptStylesheet(css), '.css');
  }
  if (name === 'govuk/govuk-frontend.min.js') {
    return textAsset(await readFile(path.join(GOVUK_DIR, 'govuk-frontend.min.js'), 'utf8'), '.js');
  }
  const match = /^govuk\/assets\/(?:(fonts|images)\/)?([\w.-]+)$/.exec(name);
  if (!match || match[2]?.startsWith('.')) return undefined;
  const file = path.join(GOVUK_DIR, 'assets', match[1] ?? '', match[2] ?? '');
  const type = TYPES[path.extname(file)];
  if (!type) return undefined;
  try {
    const body = await readFile(file);
    return { body, type, etag: etagOf(body) };
  } catch {
    return undefined;
  }
}

/** Points GOV.UK Frontend's `/assets/` URLs here and drops the GDS Transport font faces. */
export function adaptStylesheet(css: string): string {
  return css
    .replace(/@font-face\{font-family:GDS Transport;[^}]*\}/g, '')
    .replace(/url\(\/assets\//g, `url(${ASSET_BASE}/govuk/assets/`);
}

function textAsset(text: string, extension: string): StaticAsset {
  const body = Buffer.from(text);
  return { body, gzipped: gzipSync(body), type: TYPES[extension] ?? 'text/plain', etag: etagOf(body) };
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
}

function notFound(res: Response): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
  res.end('Not found');
}
