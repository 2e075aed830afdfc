import { gzipSync } from 'node:zlib';
import {
  type BadInputHarness,
  type Conversation,
  expectRefusal,
  PNG,
  type Reply,
  shapeOf,
  startBadInputHarness,
} from './support/badInputHarness';
import { describeRoute, fillPath, type PublicRoute, PUBLIC_ROUTES } from './support/publicRoutes';

jest.setTimeout(180_000);

const nested = (depth: number) => `{"type":"message","text":"hi","value":${'['.repeat(depth)}${']'.repeat(depth)}}`;

/** A bad body: what is sent, and the status every route that reads JSON or forms must answer it with. */
interface BadBody {
  name: string;
  body: () => string | Buffer | FormData;
  contentType?: string;
  headers?: Record<string, string>;
  status: number;
}

const BAD_BODIES: BadBody[] = [
  { name: 'truncated JSON', body: () => '{"type":"message","text":', contentType: 'application/json', status: 400 },
  { name: 'malformed JSON', body: () => "{type: 'message'}", contentType: 'application/json', status: 400 },
  {
    name: 'JSON cut off inside a string',
    body: () => '{"text":"bin colle',
    contentType: 'application/json',
    status: 400,
  },
  { name: 'JSON nested 10,000 deep', body: () => nested(10_000), contentType: 'application/json', status: 400 },
  {
    name: 'a __proto__ key',
    body: () => '{"type":"message","text":"hi","__proto__":{"isAdmin":true}}',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'constructor.prototype',
    body: () => '{"type":"message","text":"hi","channelData":{"constructor":{"prototype":{"isAdmin":true}}}}',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'a NUL character in a string',
    body: () => '{"type":"message","text":"bins\\u0000"}',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'half a surrogate pair',
    body: () => '{"type":"message","text":"bins \\ud83d"}',
    contentType: 'application/json',
    status: 400,
  },
  { name: 'a text/plain body', body: () => 'hello', contentType: 'text/plain', status: 415 },
  { name: 'a body without a content type', body: () => Buffer.from('{"type":"message"}'), status: 415 },
  { name: 'an XML body', body: () => '<activity type="message"/>', contentType: 'application/xml', status: 415 },
  {
    name: 'a gzip-compressed body (200 MB inflated)',
    body: () => gzipSync(Buffer.alloc(200 * 1024 * 1024)),
    contentType: 'application/json',
    headers: { 'content-encoding': 'gzip' },
    status: 415,
  },
];

/** Every route that reads a body, and what its wrongly typed body is: a value of the wrong type in each field. */
const BODY_ROUTES = PUBLIC_ROUTES.filter((route) => route.body !== undefined);

const WRONG_TYPES: Record<string, unknown> = {
  'POST /v3/directline/tokens/generate': { user: { id: 42, name: ['Sam'] } },
  'POST /v3/directline/conversations': { locale: ['en-GB'], user: 'me' },
  'POST /v3/directline/conversations/:conversationId/activities': { type: 'message', text: { $ne: '' } },
  'POST /api/messages': {
    type: 'message',
    text: 42,
    channelId: 'emulator',
    from: { id: 'resident' },
    conversation: { id: 'c1' },
    deliveryMode: 'expectReplies',
  },
  'POST /api/requests/:reference/status': { status: ['resolved'], note: 7 },
  'POST /api/webchat/token': { token: 42 },
};

describe('every route that takes a body refuses bad ones with a clear 4xx in its own error shape', () => {
  let harness: BadInputHarness;

  beforeAll(async () => {
    harness = await startBadInputHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  /** Each test posts from a conversation of its own, so the channel's per-conversation limit is never what answers. */
  let conversation: Conversation;
  beforeEach(async () => {
    conversation = await harness.conversation();
  });

  async function post(
    route: PublicRoute,
    body: string | Buffer | FormData,
    headers: Record<string, string>,
  ): Promise<Reply> {
    const credentials = await harness.credentials(route, conversation);
    return harness.send(fillPath(route, harness.validParams(conversation)), {
      method: 'POST',
      headers: { ...credentials.headers, ...headers },
      body,
    });
  }

  function expectFor(route: PublicRoute, reply: Reply, status: number): void {
    try {
      expectRefusal(reply, status, shapeOf(route.area, route.access));
    } catch (error) {
      throw new Error(`${describeRoute(route)}: ${String(error)}`);
    }
  }

  test('the table lists every route that reads a body', () => {
    expect(BODY_ROUTES.length).toBe(30);
    for (const key of Object.keys(WRONG_TYPES)) {
      expect(BODY_ROUTES.map(describeRoute)).toContain(key);
    }
  });

  test.each(BAD_BODIES)('$name', async (bad) => {
    const body = bad.body();
    for (const route of BODY_ROUTES) {
      const headers = { ...(bad.contentType ? { 'content-type': bad.contentType } : {}), ...bad.headers };
      const reply = await post(route, body, headers);
      // The upload takes multipart only: anything else is the wrong media type.
      expectFor(route, reply, route.body === 'multipart' ? 415 : bad.status);
      // The refusal never repeats what was sent.
      if (typeof body === 'string') expect(reply.text).not.toContain(body.slice(0, 20));
    }
    await harness.expectStillServing();
  });

  test('wrong types in well-formed JSON', async () => {
    for (const route of BODY_ROUTES) {
      let body: unknown = WRONG_TYPES[describeRoute(route)];
      if (route.fields) {
        if (route.fields.length === 0) continue;
        const credentials = await harness.credentials(route, conversation);
        body = {
          ...Object.fromEntries(route.fields.map((field, i) => [field, [[42], { a: 1 }, 7][i % 3]])),
          ...(credentials.formToken ? { _csrf: credentials.formToken } : {}),
        };
        const reply = await harness.send(fillPath(route, harness.validParams(conversation)), {
          method: 'POST',
          headers: { ...credentials.headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expectFor(route, reply, 400);
        continue;
      }
      if (route.body === 'multipart') {
        const form = new FormData();
        form.append(
          'activity',
          new Blob([JSON.stringify({ type: 'message', text: 42 })], { type: 'application/json' }),
        );
        form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
        expectFor(route, await post(route, form, {}), 400);
        continue;
      }
      expect(body).toBeDefined();
      expectFor(route, await post(route, JSON.stringify(body), { 'content-type': 'application/json' }), 400);
    }
    await harness.expectStillServing();
  });

  test('a body over the limit is refused with 413, without reading it all', async () => {
    for (const route of BODY_ROUTES) {
      const size = route.body === 'multipart' ? 11 * 1024 * 1024 : 300 * 1024;
      if (route.body === 'multipart') {
        const form = new FormData();
        form.append('file', new Blob([PNG, Buffer.alloc(size)], { type: 'image/png' }), 'big.png');
        expectFor(route, await post(route, form, {}), 413);
        continue;
      }
      const body = JSON.stringify({ type: 'message', text: 'hi', padding: 'x'.repeat(size) });
      expectFor(route, await post(route, body, { 'content-type': 'application/json' }), 413);
    }
    await harness.expectStillServing();
  });

  test('a body far larger than any limit (20 MB) is cut off, and the server carries on', async () => {
    for (const route of BODY_ROUTES.filter((candidate) => candidate.area !== 'console')) {
      const reply = await post(route, Buffer.alloc(20 * 1024 * 1024, 0x20), {
        'content-type': 'application/json',
      }).catch(() => undefined);
      // The server may close the connection once it has answered; when the client saw the answer, it is a 413.
      if (reply) expectFor(route, reply, route.body === 'multipart' ? 415 : 413);
    }
    await harness.expectStillServing();
  });

  test('multipart bodies are refused outside the upload route, and nothing is written to disk', async () => {
    for (const route of BODY_ROUTES.filter((candidate) => candidate.body !== 'multipart')) {
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(2 * 1024 * 1024)], { type: 'image/png' }), 'big.png');
      expectFor(route, await post(route, form, {}), 415);
    }
    await harness.expectStillServing();
  });

  test('an upload may not be compressed either', async () => {
    const route = BODY_ROUTES.find((candidate) => candidate.body === 'multipart');
    if (!route) throw new Error('no upload route');
    const boundary = 'x-boundary';
    const multipart = Buffer.concat([
      Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.png"\r\n\r\n`),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const reply = await post(route, gzipSync(multipart), {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-encoding': 'gzip',
    });
    expectFor(route, reply, 415);
  });

  test('a form may not carry a __proto__ field or control characters', async () => {
    const route = BODY_ROUTES.find((candidate) => candidate.path === '/console/availability');
    if (!route) throw new Error('no availability route');
    const form = (body: string) => post(route, body, { 'content-type': 'application/x-www-form-urlencoded' });
    expectFor(route, await form('availability=away&__proto__=away'), 400);
    expectFor(route, await form('availability=away%00'), 400);
    expectFor(route, await form('availability=away&note=%1B%5B2J'), 400);
    expect(Reflect.get({}, 'availability')).toBeUndefined();
    await harness.expectStillServing();
  });
});
