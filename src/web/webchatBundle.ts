import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { z } from 'zod';

const gzipAsync = promisify(gzip);
const packageSchema = z.object({ version: z.string() });

/** A static script served with a strong ETag, kept in memory both plain and gzip-compressed. */
export interface StaticScript {
  body: Buffer;
  gzipped: Buffer;
  etag: string;
  version: string;
}

let bundle: Promise<StaticScript> | undefined;

/**
 * Microsoft's official Web Chat bundle, read from `node_modules` (never a CDN) once, compressed once, and then served
 * from memory. The version is part of its URL, so browsers may cache it for a year.
 */
export function loadWebchatBundle(): Promise<StaticScript> {
  bundle ??= (async () => {
    const packageRoot = path.resolve(path.dirname(require.resolve('botframework-webchat')), '..');
    const body = await readFile(path.join(packageRoot, 'dist/webchat.js'));
    const { version } = packageSchema.parse(JSON.parse(await readFile(path.join(packageRoot, 'package.json'), 'utf8')));
    return staticScript(body, version);
  })();
  return bundle;
}

export async function staticScript(body: Buffer, version: string): Promise<StaticScript> {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, gzipped: await gzipAsync(body, { level: 9 }), etag, version };
}
