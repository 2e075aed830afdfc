import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type BodyOutcome,
  hasBody,
  isCompressed,
  isJsonMediaType,
  mediaTypeOf,
  readBody,
} from '../../src/server/http/readBody';
import { eventually } from '../support/eventually';

/** A server whose one route reads the body with `readBody` (at most 1 KB) and answers with what it found. */
async function startServer(): Promise<{ url: string; outcomes: BodyOutcome[]; close: () => Promise<void> }> {
  const outcomes: BodyOutcome[] = [];
  const server = http.createServer((req, res) => {
    void readBody(req, 1024).then((read) => {
      outcomes.push(read);
      // Not chained: restify, loaded by other tests in the same worker, patches writeHead to return nothing.
      if (read.ok) {
        res.writeHead(200);
        res.end(`read ${read.body.length}`);
      } else if (read.reason === 'tooLarge') {
        res.writeHead(413, { connection: 'close' });
        res.end('too large');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    outcomes,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function request(headers: Record<string, string>): IncomingMessage {
  return { headers } as unknown as IncomingMessage;
}

describe('the one body reader', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(() => server.close());

  test('reads a body within the limit, declared or chunked', async () => {
    const declared = await fetch(server.url, { method: 'POST', body: 'x'.repeat(1000) });
    expect(await declared.text()).toBe('read 1000');
    const chunked = await fetch(server.url, {
      method: 'POST',
      body: new Blob(['a'.repeat(600), 'b'.repeat(400)]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(await chunked.text()).toBe('read 1000');
  });

  test('refuses a body over the limit, whether its length is declared or only sent, and the client sees why', async () => {
    const declared = await fetch(server.url, { method: 'POST', body: 'x'.repeat(5000) });
    expect(declared.status).toBe(413);
    const chunks = Array.from({ length: 10 }, () => 'y'.repeat(500));
    const sent = await fetch(server.url, {
      method: 'POST',
      body: new Blob(chunks).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(sent.status).toBe(413);
    expect(server.outcomes.map((outcome) => outcome.ok || outcome.reason)).toEqual(['tooLarge', 'tooLarge']);
  });

  test('a far larger body is cut off rather than read to its end', async () => {
    const huge = await fetch(server.url, { method: 'POST', body: 'z'.repeat(8 * 1024 * 1024) }).catch(() => undefined);
    // Either the client reads the 413 or the connection is cut once the allowance is read; never 8 MB buffered.
    if (huge) expect(huge.status).toBe(413);
    expect(server.outcomes).toEqual([{ ok: false, reason: 'tooLarge' }]);
  });

  test('a client that goes away mid-body is aborted, not a body', async () => {
    const { port } = new URL(server.url);
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', headers: { 'content-length': '900' } });
    req.on('error', () => undefined);
    req.write('partial');
    await new Promise((resolve) => setTimeout(resolve, 50));
    req.destroy();
    await eventually(() => server.outcomes.length === 1, { what: 'the aborted read' });
    expect(server.outcomes[0]).toEqual({ ok: false, reason: 'aborted' });
  });
});

describe('reading the body headers', () => {
  test('media types are read with their parameters set aside, in lower case', () => {
    expect(mediaTypeOf(request({ 'content-type': 'Application/JSON; charset=utf-8' }))).toBe('application/json');
    expect(mediaTypeOf(request({ 'content-type': 'application/x-www-form-urlencoded' }))).toBe(
      'application/x-www-form-urlencoded',
    );
    expect(mediaTypeOf(request({ 'content-type': 'text/plain;' }))).toBe('text/plain');
    expect(mediaTypeOf(request({}))).toBeUndefined();
  });

  test('JSON is application/json or a +json type', () => {
    expect(isJsonMediaType('application/json')).toBe(true);
    expect(isJsonMediaType('application/vnd.api+json')).toBe(true);
    expect(isJsonMediaType('text/json')).toBe(false);
    expect(isJsonMediaType(undefined)).toBe(false);
  });

  test('a body is announced by a length above 0 or by chunking; compression by any encoding but identity', () => {
    expect(hasBody(request({ 'content-length': '12' }))).toBe(true);
    expect(hasBody(request({ 'content-length': '0' }))).toBe(false);
    expect(hasBody(request({ 'transfer-encoding': 'chunked' }))).toBe(true);
    expect(hasBody(request({}))).toBe(false);
    expect(isCompressed(request({ 'content-encoding': 'gzip' }))).toBe(true);
    expect(isCompressed(request({ 'content-encoding': 'identity' }))).toBe(false);
    expect(isCompressed(request({}))).toBe(false);
  });
});
