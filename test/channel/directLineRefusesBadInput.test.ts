import { type ChannelHarness, startChannelHarness, TEST_SECRET } from '../support/directLineHarness';
import { upgradeStatus as openSocket } from '../support/webSocketUpgrade';

jest.setTimeout(60_000);

/** A clock the test moves, so tokens can expire without waiting half an hour. */
let now = Date.now();
const clock = () => new Date(now);

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('the Direct Line channel refuses bad input with a clear 4xx and keeps serving', () => {
  let harness: ChannelHarness;
  let token: string;
  let conversationId: string;

  beforeAll(async () => {
    harness = await startChannelHarness({ dependencies: { clock } });
    ({ token, conversationId } = await harness.webchatToken());
    expect((await call('POST', `/conversations`, { token })).status).toBe(201);
  });
  afterAll(async () => {
    await harness.close();
  });

  async function call(
    method: string,
    route: string,
    options: { token?: string; body?: string | FormData; contentType?: string } = {},
  ): Promise<{ status: number; code: string | undefined; body: unknown }> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.contentType) headers['content-type'] = options.contentType;
    const response = await fetch(`${harness.domain}${route}`, { method, headers, body: options.body });
    const text = await response.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    const error = typeof body === 'object' && body !== null ? Reflect.get(body, 'error') : undefined;
    const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
    return { status: response.status, code: typeof code === 'string' ? code : undefined, body };
  }

  const postMessage = (options: { token?: string; body?: string; contentType?: string }, id = conversationId) =>
    call('POST', `/conversations/${id}/activities`, { contentType: 'application/json', ...options });

  afterEach(async () => {
    // Whatever was refused, the server still serves this conversation.
    const health = await fetch(`${harness.url}/healthz`);
    expect(health.status).toBe(200);
    const read = await call('GET', `/conversations/${conversationId}/activities`, { token });
    expect(read.status).toBe(200);
  });

  test('no token, a forged one and a garbled one', async () => {
    const body = JSON.stringify({ type: 'message', text: 'hello' });
    expect(await postMessage({ body })).toMatchObject({ status: 401, code: 'Unauthorized' });
    const [header, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const otherPayload = Buffer.from(JSON.stringify({ ...claims, conv: 'someone-else' })).toString('base64url');
    const forged = `${header}.${otherPayload}.${token.split('.')[2]}`;
    expect(await postMessage({ token: forged, body }, 'someone-else')).toMatchObject({ status: 403 });
    expect(await postMessage({ token: 'not.a.token', body })).toMatchObject({ status: 403 });
    expect(await postMessage({ token: 'x'.repeat(10_000), body })).toMatchObject({ status: 403 });
  });

  test('an expired token, and one that is refreshed in time', async () => {
    const { token: shortLived } = await harness.webchatToken();
    const refreshed = await call('POST', '/tokens/refresh', { token: shortLived });
    expect(refreshed.status).toBe(200);
    now += 31 * 60_000;
    try {
      const expired = await call('POST', '/tokens/refresh', { token: shortLived });
      expect(expired).toMatchObject({ status: 403, code: 'TokenExpired' });
      expect(await postMessage({ token: shortLived, body: '{"type":"message","text":"hi"}' })).toMatchObject({
        status: 403,
        code: 'TokenExpired',
      });
      ({ token } = await harness.webchatToken());
      ({ conversationId } = parseClaims(token));
      expect((await call('POST', '/conversations', { token })).status).toBe(201);
    } finally {
      now = Date.now();
    }
  });

  test("another conversation's id with a valid token", async () => {
    const other = await harness.webchatToken();
    expect((await call('POST', '/conversations', { token: other.token })).status).toBe(201);
    const body = JSON.stringify({ type: 'message', text: 'hello' });
    expect(await postMessage({ token, body }, other.conversationId)).toMatchObject({ status: 403, code: 'Forbidden' });
    expect(await call('GET', `/conversations/${other.conversationId}/activities`, { token })).toMatchObject({
      status: 403,
    });
    expect(await call('GET', `/conversations/${other.conversationId}`, { token })).toMatchObject({ status: 403 });
  });

  test('malformed, truncated and wrongly typed JSON', async () => {
    expect(await postMessage({ token, body: '{"type":"message","text":' })).toMatchObject({
      status: 400,
      code: 'BadSyntax',
    });
    expect(await postMessage({ token, body: '{"type":"message","text":42}' })).toMatchObject({
      status: 400,
      code: 'BadArgument',
    });
    expect(await postMessage({ token, body: '{"type":"conversationUpdate"}' })).toMatchObject({ status: 400 });
    expect(await postMessage({ token, body: '[1,2,3]' })).toMatchObject({ status: 400 });
    expect(await postMessage({ token, body: '' })).toMatchObject({ status: 400 });
  });

  test('an oversized activity, and an over-long message', async () => {
    const huge = JSON.stringify({ type: 'message', text: 'a', channelData: { padding: 'x'.repeat(100_000) } });
    expect(await postMessage({ token, body: huge })).toMatchObject({ status: 413, code: 'MessageSizeTooBig' });
    const long = JSON.stringify({ type: 'message', text: 'word '.repeat(2000) });
    expect(await postMessage({ token, body: long })).toMatchObject({ status: 413 });
  });

  test('a wrong content type', async () => {
    expect(
      await postMessage({ token, body: 'type=message&text=hi', contentType: 'application/x-www-form-urlencoded' }),
    ).toMatchObject({ status: 415, code: 'UnsupportedMediaType' });
    const upload = await call('POST', `/conversations/${conversationId}/upload`, {
      token,
      body: JSON.stringify({ file: 'x' }),
      contentType: 'application/json',
    });
    expect(upload).toMatchObject({ status: 415 });
  });

  test('uploads: not an image, too large, and a valid photo', async () => {
    const form = (bytes: Buffer, name: string) => {
      const data = new FormData();
      data.append('file', new Blob([bytes], { type: 'image/png' }), name);
      return data;
    };
    const route = `/conversations/${conversationId}/upload`;
    const script = Buffer.from('<script>alert(1)</script>');
    expect(await call('POST', route, { token, body: form(script, 'photo.png') })).toMatchObject({
      status: 415,
      code: 'UnsupportedMediaType',
    });
    const tooLarge = Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)]);
    expect(await call('POST', route, { token, body: form(tooLarge, 'big.png') })).toMatchObject({ status: 413 });
    expect(await call('POST', route, { body: form(PNG, 'photo.png') })).toMatchObject({ status: 401 });
    const valid = await call('POST', route, { token, body: form(PNG, 'photo.png') });
    expect(valid.status).toBe(200);
  });

  test('the secret may generate tokens; a token may not', async () => {
    const generated = await call('POST', '/tokens/generate', { token: TEST_SECRET });
    expect(generated.status).toBe(200);
    expect(await call('POST', '/tokens/generate', { token })).toMatchObject({ status: 403 });
    expect(await call('POST', '/tokens/generate', { token: `${TEST_SECRET}x` })).toMatchObject({ status: 403 });
  });

  test('a WebSocket stream with a bad token or for another conversation is refused before it opens', async () => {
    const streamUrl = (t: string, id = conversationId) =>
      `${harness.domain.replace(/^http/, 'ws')}/conversations/${id}/stream?watermark=&t=${encodeURIComponent(t)}`;
    await expect(openSocket(streamUrl('forged.token.value'))).resolves.toBe(403);
    const other = await harness.webchatToken();
    const grant = await call('POST', '/conversations', { token: other.token });
    const otherStream = String(Reflect.get(grant.body as object, 'streamUrl'));
    const t = new URL(otherStream).searchParams.get('t') ?? '';
    await expect(openSocket(streamUrl(t, conversationId))).resolves.toBe(403);
    await expect(openSocket(otherStream)).resolves.toBe('open');
  });

  test('invisible characters, markup and very long words are stored as text, not acted on', async () => {
    const text = `\u200b<img src=x onerror=alert(1)> ${'a'.repeat(3000)}\u202e`;
    const posted = await postMessage({ token, body: JSON.stringify({ type: 'message', text }) });
    expect(posted.status).toBe(200);
  });

  test('control characters and broken Unicode are not text: 400', async () => {
    for (const text of ['bins\u0000', '\u001b[2Jbins', 'bins\u0085']) {
      const posted = await postMessage({ token, body: JSON.stringify({ type: 'message', text }) });
      expect(posted).toMatchObject({ status: 400, code: 'BadArgument' });
    }
    expect(await postMessage({ token, body: '{"type":"message","text":"bins \\ud83d"}' })).toMatchObject({
      status: 400,
      code: 'BadArgument',
    });
  });
});

function parseClaims(token: string): { conversationId: string } {
  const payload: unknown = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
  const conv = typeof payload === 'object' && payload !== null ? Reflect.get(payload, 'conv') : undefined;
  return { conversationId: String(conv) };
}
