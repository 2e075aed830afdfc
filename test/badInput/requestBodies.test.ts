import { gzipSync } from 'node:zlib';
import type { ConsoleClient } from '../support/consoleHarness';
import {
  type BadInputHarness,
  type ErrorShape,
  expectRefusal,
  STAFF_API_KEY,
  startBadInputHarness,
  TEST_SECRET,
} from './support/badInputHarness';

jest.setTimeout(120_000);

const nested = (depth: number) => `{"type":"message","text":"hi","value":${'['.repeat(depth)}${']'.repeat(depth)}}`;

/** A bad body: what is sent, and the status every route must answer it with (`wrongTypes` is per route). */
interface BadBody {
  name: string;
  body: string | Buffer | FormData;
  contentType?: string;
  headers?: Record<string, string>;
  status: number;
}

const BAD_BODIES: BadBody[] = [
  { name: 'truncated JSON', body: '{"type":"message","text":', contentType: 'application/json', status: 400 },
  { name: 'malformed JSON', body: "{type: 'message'}", contentType: 'application/json', status: 400 },
  { name: 'JSON nested 10,000 deep', body: nested(10_000), contentType: 'application/json', status: 400 },
  {
    name: 'a __proto__ key',
    body: '{"type":"message","text":"hi","__proto__":{"isAdmin":true}}',
    contentType: 'application/json',
    status: 400,
  },
  {
    name: 'constructor.prototype',
    body: '{"type":"message","text":"hi","channelData":{"constructor":{"prototype":{"isAdmin":true}}}}',
    contentType: 'application/json',
    status: 400,
  },
  { name: 'a text/plain body', body: 'hello', contentType: 'text/plain', status: 415 },
  { name: 'a body without a content type', body: Buffer.from('{"type":"message"}'), status: 415 },
  { name: 'an XML body', body: '<activity type="message"/>', contentType: 'application/xml', status: 415 },
  {
    name: 'a gzip-compressed body (200 MB inflated)',
    body: gzipSync(Buffer.alloc(200 * 1024 * 1024)),
    contentType: 'application/json',
    headers: { 'content-encoding': 'gzip' },
    status: 415,
  },
];

const multipart = () => {
  const form = new FormData();
  form.append('file', new Blob([Buffer.alloc(2 * 1024 * 1024)], { type: 'image/png' }), 'big.png');
  return form;
};

describe('every route that takes a body refuses bad ones with a clear 4xx in its own error shape', () => {
  let harness: BadInputHarness;
  let resident: { token: string; conversationId: string };
  let csa: ConsoleClient;

  /** Each route: how to reach its body checks (credentials), its error shape, and a body of the wrong types. */
  let routes: Array<{
    name: string;
    path: string;
    shape: ErrorShape;
    headers: () => Record<string, string>;
    tooLargeBytes: number;
    wrongTypes: { body: string; status: number };
  }>;

  beforeAll(async () => {
    harness = await startBadInputHarness();
    resident = await harness.conversation();
    csa = await harness.signedInCsa();
    const sessionOf = (client: ConsoleClient) => ({
      cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      origin: harness.url,
      'x-csrf-token': client.csrfToken,
    });
    const reference = 'SR-AAAAAAAA';
    routes = [
      {
        name: 'POST /api/webchat/token',
        path: '/api/webchat/token',
        shape: 'api',
        headers: () => ({}),
        tooLargeBytes: 300 * 1024,
        wrongTypes: { body: '{"token":42}', status: 400 },
      },
      {
        name: 'POST /api/messages',
        path: '/api/messages',
        shape: 'api',
        headers: () => ({}),
        tooLargeBytes: 300 * 1024,
        wrongTypes: {
          body: JSON.stringify({
            type: 'message',
            text: 42,
            channelId: 'emulator',
            from: { id: 'resident' },
            conversation: { id: 'c1' },
            deliveryMode: 'expectReplies',
          }),
          status: 400,
        },
      },
      {
        name: 'POST /api/requests/{reference}/status',
        path: `/api/requests/${reference}/status`,
        shape: 'api',
        headers: () => ({ authorization: `Bearer ${STAFF_API_KEY}` }),
        tooLargeBytes: 300 * 1024,
        wrongTypes: { body: '{"status":["resolved"],"note":7}', status: 400 },
      },
      {
        name: 'POST /console/sign-in',
        path: '/console/sign-in',
        shape: 'consolePage',
        headers: () => ({ origin: harness.url }),
        tooLargeBytes: 300 * 1024,
        wrongTypes: { body: '{"email":["a@b.example"],"password":{"x":1}}', status: 403 },
      },
      {
        name: 'POST /console/availability (the console script)',
        path: '/console/availability',
        shape: 'consoleJson',
        headers: () => ({ ...sessionOf(csa), accept: 'application/json' }),
        tooLargeBytes: 300 * 1024,
        wrongTypes: { body: '{"availability":42}', status: 400 },
      },
      {
        name: 'POST /v3/directline/tokens/generate',
        path: '/v3/directline/tokens/generate',
        shape: 'directLine',
        headers: () => ({ authorization: `Bearer ${TEST_SECRET}` }),
        tooLargeBytes: 40 * 1024,
        wrongTypes: { body: '{"user":{"id":"has spaces and / slashes"}}', status: 400 },
      },
      {
        name: 'POST /v3/directline/conversations',
        path: '/v3/directline/conversations',
        shape: 'directLine',
        headers: () => ({ authorization: `Bearer ${resident.token}` }),
        tooLargeBytes: 40 * 1024,
        wrongTypes: { body: '{"locale":["en-GB"]}', status: 400 },
      },
      {
        name: 'POST /v3/directline/conversations/{id}/activities',
        path: '/v3/directline/conversations/ID/activities',
        shape: 'directLine',
        headers: () => ({ authorization: `Bearer ${resident.token}` }),
        tooLargeBytes: 40 * 1024,
        wrongTypes: { body: '{"type":"message","text":{"$ne":""}}', status: 400 },
      },
    ];
  });

  afterAll(async () => {
    await harness?.close();
  });

  const send = (route: (typeof routes)[number], body: BadBody['body'], headers: Record<string, string>) =>
    harness.send(route.path.replace('ID', resident.conversationId), {
      method: 'POST',
      headers: { ...route.headers(), ...headers },
      body,
    });

  test.each(BAD_BODIES)('$name', async (bad) => {
    for (const route of routes) {
      const headers = { ...(bad.contentType ? { 'content-type': bad.contentType } : {}), ...bad.headers };
      const reply = await send(route, bad.body, headers);
      try {
        expectRefusal(reply, bad.status, route.shape);
      } catch (error) {
        throw new Error(`${route.name}: ${String(error)}`);
      }
      // The refusal never repeats what was sent.
      if (typeof bad.body === 'string') expect(reply.text).not.toContain(bad.body.slice(0, 20));
    }
    await harness.expectStillServing();
  });

  test('wrong types in well-formed JSON', async () => {
    for (const route of routes) {
      const reply = await send(route, route.wrongTypes.body, { 'content-type': 'application/json' });
      try {
        expectRefusal(reply, route.wrongTypes.status, route.shape);
      } catch (error) {
        throw new Error(`${route.name}: ${String(error)}`);
      }
    }
    await harness.expectStillServing();
  });

  test('a body over the limit is refused with 413', async () => {
    for (const route of routes) {
      const body = JSON.stringify({ type: 'message', text: 'hi', padding: 'x'.repeat(route.tooLargeBytes) });
      const reply = await send(route, body, { 'content-type': 'application/json' });
      try {
        expectRefusal(reply, 413, route.shape);
      } catch (error) {
        throw new Error(`${route.name}: ${String(error)}`);
      }
    }
    await harness.expectStillServing();
  });

  test('multipart bodies are refused outside the upload route, and nothing is written to disk', async () => {
    for (const route of routes) {
      const reply = await send(route, multipart(), {});
      try {
        expectRefusal(reply, 415, route.shape);
      } catch (error) {
        throw new Error(`${route.name}: ${String(error)}`);
      }
    }
    await harness.expectStillServing();
  });

  test('a form may not carry a __proto__ field', async () => {
    const reply = await harness.send('/console/availability', {
      method: 'POST',
      headers: { ...routes[4]?.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'availability=away&__proto__=away',
    });
    expectRefusal(reply, 400, 'consoleJson');
    expect(Reflect.get({}, 'availability')).toBeUndefined();
  });
});
