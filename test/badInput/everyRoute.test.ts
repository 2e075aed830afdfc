import {
  type BadInputHarness,
  type ErrorShape,
  expectRefusal,
  type Reply,
  startBadInputHarness,
} from './support/badInputHarness';
import { describeRoute, fillPath, parameterNames, type PublicRoute, PUBLIC_ROUTES } from './support/publicRoutes';

jest.setTimeout(180_000);

/** What goes into ids in paths and into query values: markup, control and invisible characters, long words. */
const HOSTILE_VALUES = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'bins\u0000',
  '\u001b[2J',
  '\u202egnp.exe',
  'zero\u200bwidth',
  '../../../../etc/passwd',
  '{"$ne":null}',
  '%00%2e%2e%2f',
  'a'.repeat(5000),
];

/** The markup of the hostile values: a page may show it escaped, never as it was sent. */
const RAW_MARKUP = ['<script>alert(1)', '<img src=x onerror'];

/** Every header that says what a response may do in a browser, checked on every response of every route. */
function expectBaselineHeaders(reply: Reply, what: string): void {
  const headers = {
    nosniff: reply.headers.get('x-content-type-options'),
    referrer: reply.headers.get('referrer-policy'),
    framing: reply.headers.get('x-frame-options'),
    csp: reply.headers.get('content-security-policy'),
  };
  try {
    expect(headers).toEqual({
      nosniff: 'nosniff',
      referrer: expect.stringMatching(/^(same-origin|no-referrer|strict-origin(-when-cross-origin)?)$/),
      framing: expect.stringMatching(/^(DENY|SAMEORIGIN)$/),
      csp: expect.stringMatching(/frame-ancestors '(none|self)'/),
    });
    if (/^text\/html/.test(reply.headers.get('content-type') ?? '')) expectStrictPagePolicy(headers.csp ?? '');
  } catch (error) {
    throw new Error(`${what} (${reply.status}): ${String(error)}`);
  }
}

/** A page's policy: scripts from this server only (no inline script, no eval), no plugins, no `<base>`. */
function expectStrictPagePolicy(csp: string): void {
  const directives = new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
  expect(scripts).toEqual(["'self'"]);
  const objects = directives.get('object-src') ?? directives.get('default-src') ?? [];
  expect(objects).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toBeDefined();
}

const expectClientError = (reply: Reply, what: string) => {
  expect({ what, status: reply.status, body: reply.text.slice(0, 200) }).toMatchObject({
    status: expect.any(Number),
  });
  if (reply.status < 400 || reply.status >= 500) {
    throw new Error(`${what}: expected a 4xx, got ${reply.status}: ${reply.text.slice(0, 200)}`);
  }
};

describe('every public route, with bad input in its address', () => {
  let harness: BadInputHarness;

  beforeAll(async () => {
    harness = await startBadInputHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  /** A request to `route` with credentials that get past its checks; POSTs carry an empty body of their kind. */
  async function call(route: PublicRoute, path: string): Promise<Reply> {
    const credentials = await harness.credentials(route);
    const body = route.method !== 'POST' ? undefined : route.body === 'form' ? '' : undefined;
    return harness.send(path, {
      method: route.method,
      headers: {
        ...credentials.headers,
        ...(route.body === 'form' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
  }

  test('the table lists every route the server serves, and nothing else', () => {
    const registered = Object.values(harness.channel.app.server.router.getRoutes())
      .map((route) => `${String(route.method).toUpperCase()} ${String(route.spec.path)}`)
      .sort();
    expect(PUBLIC_ROUTES.map(describeRoute).sort()).toEqual(registered);
  });

  test('over https (here, through the trusted proxy) every response asks browsers to keep to https', async () => {
    const secure = await harness.send('/healthz', { headers: { 'x-forwarded-proto': 'https' } });
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const missing = await harness.send('/nope', { headers: { 'x-forwarded-proto': 'https' } });
    expect(missing.headers.get('strict-transport-security')).toBe('max-age=31536000');
    const plain = await harness.send('/healthz');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  test('with good input, every GET route answers, with the security headers', async () => {
    const params = harness.validParams();
    for (const route of PUBLIC_ROUTES.filter((candidate) => candidate.method === 'GET')) {
      const reply = await call(route, fillPath(route, params));
      const what = `${describeRoute(route)} with good input`;
      // The stream URL wants a WebSocket; everything else works.
      if (route.access === 'directLineStream') expectClientError(reply, what);
      else if (reply.status >= 300) throw new Error(`${what}: ${reply.status} ${reply.text.slice(0, 200)}`);
      expectBaselineHeaders(reply, what);
    }
  });

  test('without credentials, every route that needs them refuses, with the security headers', async () => {
    const params = harness.validParams();
    for (const route of PUBLIC_ROUTES) {
      const reply = await harness.send(fillPath(route, params), {
        method: route.method,
        headers: route.body === 'json' ? { 'content-type': 'application/json' } : {},
        body: route.body === 'json' ? '{}' : undefined,
      });
      const what = `${describeRoute(route)} without credentials`;
      expectBaselineHeaders(reply, what);
      if (route.access === 'public' || route.access === 'directLineStream') {
        expect(reply.status).toBeLessThan(500);
      } else if (route.area === 'console' && route.access !== 'csaScript') {
        expect({ what, status: reply.status, location: reply.headers.get('location') }).toEqual({
          what,
          status: route.access === 'signInForm' ? 403 : 303,
          location: route.access === 'signInForm' ? null : '/console/sign-in',
        });
      } else {
        expect({ what, status: reply.status }).toEqual({ what, status: 401 });
      }
    }
  });

  test('unknown addresses and methods get a 4xx in the area’s own shape, with the security headers', async () => {
    const unknown: Array<[string, ErrorShape]> = [
      ['/nope<script>alert(1)</script>', 'api'],
      ['/api/nope', 'api'],
      ['/v3/directline/nope', 'directLine'],
      ['/console/nope', 'consolePage'],
    ];
    for (const [path, shape] of unknown) {
      for (const method of ['GET', 'POST']) {
        const reply = await harness.send(path, { method });
        expectRefusal(reply, 404, shape);
        expectBaselineHeaders(reply, `${method} ${path}`);
        for (const markup of RAW_MARKUP) expect(reply.text).not.toContain(markup);
      }
    }
    const asset = await harness.send('/console/assets/nope.js');
    expectClientError(asset, 'an unknown console asset');
    expectBaselineHeaders(asset, 'an unknown console asset');
    for (const route of PUBLIC_ROUTES) {
      for (const method of ['PUT', 'DELETE', 'PATCH']) {
        const reply = await harness.send(fillPath(route, harness.validParams()), { method });
        expectClientError(reply, `${method} ${route.path}`);
        expectBaselineHeaders(reply, `${method} ${route.path}`);
      }
    }
    await harness.expectStillServing();
  });

  test.each(HOSTILE_VALUES.map((value) => [JSON.stringify(value).slice(0, 40), value]))(
    'every id in a path holding %s is refused with a 4xx, never shown back as markup',
    async (_name, value) => {
      const params = harness.validParams();
      for (const route of PUBLIC_ROUTES.filter(
        (candidate) => candidate.path.includes(':') || candidate.path.endsWith('*'),
      )) {
        const names = route.path.endsWith('*') ? ['*'] : parameterNames(route);
        for (const name of names) {
          const path = fillPath(route, { ...params, [name]: name === '*' ? encodeURIComponent(value) : value });
          const reply = await call(route, path);
          const what = `${describeRoute(route)} with ${name}=${JSON.stringify(value).slice(0, 30)}`;
          expect(reply.ms).toBeLessThan(5000);
          expectClientError(reply, what);
          expectBaselineHeaders(reply, what);
          for (const markup of RAW_MARKUP) expect(reply.text).not.toContain(markup);
        }
      }
      await harness.expectStillServing();
    },
  );

  test.each(HOSTILE_VALUES.map((value) => [JSON.stringify(value).slice(0, 40), value]))(
    'every query value holding %s is refused or ignored, never shown back as markup',
    async (_name, value) => {
      const params = harness.validParams();
      const names = ['watermark', 't', 'userId', 'type', 'period', 'count', 'service', 'chat', 'done', 'created', 'q'];
      for (const route of PUBLIC_ROUTES.filter((candidate) => candidate.method === 'GET')) {
        const query = names.map((name) => `${name}=${encodeURIComponent(value)}`).join('&');
        const base = fillPath(route, params);
        const reply = await call(route, `${base}${base.includes('?') ? '&' : '?'}${query}`);
        const what = `${describeRoute(route)}?…=${JSON.stringify(value).slice(0, 30)}`;
        expect({ what, status: reply.status }).toEqual({ what, status: expect.any(Number) });
        if (reply.status >= 500) throw new Error(`${what}: ${reply.status} ${reply.text.slice(0, 200)}`);
        expect(reply.ms).toBeLessThan(5000);
        expectBaselineHeaders(reply, what);
        for (const markup of RAW_MARKUP) expect(reply.text).not.toContain(markup);
      }
      await harness.expectStillServing();
    },
  );

  test('query values the routes read are checked: 4xx, not ignored', async () => {
    const params = harness.validParams();
    const checked: Array<[string, string]> = [
      ['GET /v3/directline/conversations/:conversationId/activities', 'watermark=<script>'],
      ['GET /v3/directline/conversations/:conversationId', 'watermark=-1e9'],
      ['GET /console/reports', 'period=%00'],
      ['GET /console/reports', 'count=99999999999999999999'],
      ['GET /console/reports/figures.csv', 'service=<script>'],
      ['POST /v3/directline/conversations/:conversationId/upload', 'userId=<script>'],
    ];
    for (const [key, query] of checked) {
      const route = PUBLIC_ROUTES.find((candidate) => describeRoute(candidate) === key);
      if (!route) throw new Error(`no route ${key}`);
      const reply = await call(route, `${fillPath(route, params)}?${query}`);
      expectClientError(reply, `${key}?${query}`);
    }
  });
});
