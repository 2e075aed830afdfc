import { TokenSigner } from '../../src/channel/directline/tokenSigner';
import { upgradeStatus } from '../support/webSocketUpgrade';
import {
  type BadInputHarness,
  type Conversation,
  expectRefusal,
  METRICS_TOKEN,
  OTHER_CSA,
  type Reply,
  STAFF_API_KEY,
  startBadInputHarness,
  TEST_SECRET,
} from './support/badInputHarness';
import { describeRoute, fillPath, type PublicRoute, PUBLIC_ROUTES } from './support/publicRoutes';

jest.setTimeout(180_000);

const MINUTE = 60_000;

/** The routes a conversation's token opens, and the attachment route (token, or the URL's own token). */
const TOKEN_ROUTES = PUBLIC_ROUTES.filter(
  (route) => route.access === 'directLineToken' || route.access === 'attachment',
);

/** Parts of a compact JWT, and one put back together with other claims but the old signature. */
function forge(token: string, change: Record<string, unknown>): string {
  const [header = '', payload = '', signature = ''] = token.split('.');
  const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const forged = Buffer.from(JSON.stringify({ ...(claims as object), ...change })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}

/**
 * The same text with one character changed, so it always differs from the original (a fixed suffix such as "AA"
 * would equal the real one's ending one time in a thousand). The character changed is the first of the last segment,
 * whose every bit counts when base64url is decoded.
 */
function garble(text: string): string {
  const at = text.lastIndexOf('.') + 1;
  const replacement = text[at] === 'A' ? 'B' : 'A';
  return `${text.slice(0, at)}${replacement}${text.slice(at + 1)}`;
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
}

describe('credentials: invalid, expired and forged tokens and keys, and other people’s conversations', () => {
  let harness: BadInputHarness;
  let victim: Conversation;

  beforeAll(async () => {
    harness = await startBadInputHarness();
    victim = await harness.conversation();
  });

  afterAll(async () => {
    await harness?.close();
  });

  /** Calls `route` with `authorization`, for `conversation`'s ids (an empty body where it reads one). */
  async function call(route: PublicRoute, authorization: string | undefined, conversation: Conversation) {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('x')], { type: 'image/png' }), 'x.png');
    const body = route.body === 'json' ? '{}' : route.body === 'multipart' ? form : undefined;
    return harness.send(fillPath(route, harness.validParams(conversation)), {
      method: route.method,
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(route.body === 'json' ? { 'content-type': 'application/json' } : {}),
      },
      body,
    });
  }

  function expectCode(reply: Reply, status: number, code: string, what: string): void {
    try {
      expectRefusal(reply, status, 'directLine');
      expect(JSON.parse(reply.text)).toMatchObject({ error: { code } });
    } catch (error) {
      throw new Error(`${what}: ${String(error)}`);
    }
  }

  test('Direct Line: no token, a garbled, an over-long, a forged and a foreign-signed one are refused on every route', async () => {
    const { attacker } = harness.fixtures;
    const otherServer = new TokenSigner('another-servers-secret-that-is-32-characters-long', () => new Date());
    const foreign = otherServer.sign(
      { scope: 'conversation', conversationId: attacker.conversationId, userId: 'dl_someone' },
      1800,
    ).token;
    const [header = '', payload = ''] = attacker.token.split('.');
    const cases: Array<[string, string | undefined, number, string]> = [
      ['no token', undefined, 401, 'Unauthorized'],
      ['not a bearer token', `Basic ${Buffer.from('a:b').toString('base64')}`, 401, 'Unauthorized'],
      ['a garbled token', 'Bearer not.a.token', 403, 'Forbidden'],
      ['a token of 10,000 characters', `Bearer ${'x'.repeat(10_000)}`, 403, 'Forbidden'],
      [
        'claims changed under the old signature',
        `Bearer ${forge(attacker.token, { user: 'dl_admin' })}`,
        403,
        'Forbidden',
      ],
      [
        'an unsigned token (alg none)',
        `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`,
        403,
        'Forbidden',
      ],
      ['the signature cut off', `Bearer ${header}.${payload}.`, 403, 'Forbidden'],
      ['a token signed with another secret', `Bearer ${foreign}`, 403, 'Forbidden'],
      ['the secret with one more character', `Bearer ${TEST_SECRET}x`, 403, 'Forbidden'],
    ];
    for (const route of TOKEN_ROUTES) {
      for (const [name, authorization, status, code] of cases) {
        expectCode(await call(route, authorization, attacker), status, code, `${describeRoute(route)}, ${name}`);
      }
    }
    await harness.expectStillServing();
  });

  test('Direct Line: an expired token is refused on every route with TokenExpired; a fresh one works again', async () => {
    const conversation = await harness.conversation();
    await harness.travel(31 * MINUTE, async () => {
      for (const route of TOKEN_ROUTES) {
        expectCode(
          await call(route, `Bearer ${conversation.token}`, conversation),
          403,
          'TokenExpired',
          `${describeRoute(route)} with an expired token`,
        );
      }
      const stream = await openSocket(harness, conversation.conversationId, conversation.token);
      expect(stream).toBe(403);
    });
    const read = await harness.send(`/v3/directline/conversations/${conversation.conversationId}/activities`, {
      headers: { authorization: `Bearer ${conversation.token}` },
    });
    expect(read.status).toBe(200);
    await harness.expectStillServing();
  });

  test("Direct Line: a valid token on another conversation's id is refused on every route, and the WebSocket too", async () => {
    const { attacker } = harness.fixtures;
    for (const route of TOKEN_ROUTES.filter((candidate) => candidate.path.includes(':conversationId'))) {
      expectCode(
        await call(route, `Bearer ${attacker.token}`, victim),
        403,
        'Forbidden',
        `${describeRoute(route)} with another conversation's id`,
      );
    }
    // A token changed to name the other conversation fails its signature instead.
    const forged = forge(attacker.token, { conv: victim.conversationId });
    for (const route of TOKEN_ROUTES.filter((candidate) => candidate.path.includes(':conversationId'))) {
      expectCode(await call(route, `Bearer ${forged}`, victim), 403, 'Forbidden', `${describeRoute(route)} forged`);
    }
    expect(await openSocket(harness, victim.conversationId, attacker.token)).toBe(403);
    expect(await openSocket(harness, victim.conversationId, forged)).toBe(403);

    // The attachment URL's own token opens that attachment only, in its own conversation.
    const read = await harness.send(`/v3/directline/conversations/${attacker.conversationId}/activities`, {
      headers: { authorization: `Bearer ${attacker.token}` },
    });
    const t = /attachments\/[\w-]+\/[\w-]+\?t=([\w.-]+)/.exec(read.text)?.[1];
    expect(t).toBeDefined();
    const ownUrl = `/v3/directline/attachments/${attacker.conversationId}/${attacker.attachmentId}?t=${t ?? ''}`;
    expect((await harness.send(ownUrl)).status).toBe(200);
    const otherUrl = `/v3/directline/attachments/${victim.conversationId}/${victim.attachmentId}?t=${t ?? ''}`;
    expectCode(await harness.send(otherUrl), 403, 'Forbidden', "an attachment token on another conversation's file");
    await harness.expectStillServing();
  });

  test('Direct Line: a token for one use is not a token for another', async () => {
    const { attacker } = harness.fixtures;
    const started = await harness.send('/v3/directline/conversations', {
      method: 'POST',
      headers: { authorization: `Bearer ${attacker.token}` },
    });
    const streamToken = new URL(String(JSON.parse(started.text).streamUrl)).searchParams.get('t') ?? '';
    expect(claimsOf(streamToken)).toMatchObject({ scope: 'stream' });
    for (const route of TOKEN_ROUTES.filter((candidate) => candidate.access === 'directLineToken')) {
      expectCode(await call(route, `Bearer ${streamToken}`, attacker), 403, 'Forbidden', `${describeRoute(route)}`);
    }
    // Only the secret generates tokens: a token cannot mint more.
    const generate = await harness.send('/v3/directline/tokens/generate', {
      method: 'POST',
      headers: { authorization: `Bearer ${attacker.token}` },
    });
    expectCode(generate, 403, 'Forbidden', 'tokens/generate with a token');
  });

  test('the web chat token endpoint never resumes a conversation for a forged or expired token', async () => {
    const forged = forge(victim.token, { user: 'dl_attacker' });
    const garbled = garble(victim.token);
    for (const token of [forged, garbled]) {
      const reply = await harness.send('/api/webchat/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text)).toMatchObject({ resumed: false });
      expect(JSON.parse(reply.text).conversationId).not.toBe(victim.conversationId);
    }
    await harness.travel(31 * MINUTE, async () => {
      const reply = await harness.send('/api/webchat/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: victim.token }),
      });
      expect(JSON.parse(reply.text).conversationId).not.toBe(victim.conversationId);
    });
  });

  test("/api/messages cannot speak in a web chat resident's conversation", async () => {
    for (const channelId of ['directline', 'emulator', 'msteams']) {
      const reply = await harness.send('/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          text: 'talk to a person',
          channelId,
          from: { id: 'intruder' },
          recipient: { id: 'bot' },
          conversation: { id: harness.bystanderConversationId },
          serviceUrl: 'http://127.0.0.1:9',
          deliveryMode: 'expectReplies',
        }),
      });
      expectRefusal(reply, 403, 'api');
    }
    const internal = await harness.send('/api/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'hello',
        channelId: 'directline',
        from: { id: 'intruder' },
        conversation: { id: 'a-new-conversation' },
        serviceUrl: 'urn:council-assistant:directline',
        deliveryMode: 'expectReplies',
      }),
    });
    expectRefusal(internal, 403, 'api');
    await harness.expectStillServing();
  });

  test('the staff API and /metrics: no key, a wrong key, a key with more or less, another scheme', async () => {
    const keyed = PUBLIC_ROUTES.filter((route) => route.access === 'staffKey' || route.access === 'metricsToken');
    for (const route of keyed) {
      const key = route.access === 'staffKey' ? STAFF_API_KEY : METRICS_TOKEN;
      const wrong = [
        undefined,
        `Bearer ${key.slice(0, -1)}X`,
        `Bearer ${key}x`,
        `Bearer ${key.slice(0, -1)}`,
        `Basic ${Buffer.from(`staff:${key}`).toString('base64')}`,
        `Bearer ${TEST_SECRET}`,
        `Bearer ${harness.fixtures.attacker.token}`,
      ];
      for (const authorization of wrong) {
        const reply = await harness.send(fillPath(route, harness.validParams()), {
          method: route.method,
          headers: {
            ...(authorization ? { authorization } : {}),
            ...(route.body ? { 'content-type': 'application/json' } : {}),
          },
          body: route.body ? '{"status":"resolved"}' : undefined,
        });
        expectRefusal(reply, 401, 'api');
      }
    }
    const request = await harness.channel.app.requests.findByReference(harness.fixtures.reference);
    expect(request?.status).toBe('submitted');
  });

  test('the console: a made-up, an expired and a signed-out session, and forms without their token or from elsewhere', async () => {
    const csaPages = PUBLIC_ROUTES.filter((route) => route.area === 'console' && route.access !== 'public');
    const pageOf = (route: PublicRoute) => fillPath(route, harness.validParams());
    const signedOut = await harness.signIn(OTHER_CSA);
    const stolen = [...signedOut.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    expect((await signedOut.post('/console/sign-out')).status).toBe(303);

    const sessions: Array<[string, string]> = [
      ['a made-up session', `console_session=${'a'.repeat(43)}`],
      ['a signed-out session', stolen],
      ['a session cookie with markup', 'console_session=<script>alert(1)</script>'],
    ];
    for (const route of csaPages.filter((candidate) => candidate.access !== 'signInForm')) {
      for (const [name, cookie] of sessions) {
        const reply = await harness.send(pageOf(route), {
          method: route.method,
          headers: {
            cookie,
            origin: harness.url,
            accept: route.access === 'csaScript' ? 'application/json' : 'text/html',
          },
        });
        const expected = route.access === 'csaScript' ? 401 : 303;
        expect({ route: describeRoute(route), name, status: reply.status }).toEqual({
          route: describeRoute(route),
          name,
          status: expected,
        });
      }
    }

    // An hour and a minute without use: the CSA's session has ended.
    const idle = await harness.signIn(OTHER_CSA);
    await harness.travel(61 * MINUTE, async () => {
      expect((await idle.get('/console')).status).toBe(303);
    });

    const forms = csaPages.filter((route) => route.method === 'POST' && route.access !== 'signInForm');
    const csa = await harness.signIn(OTHER_CSA);
    const other = await harness.signIn(OTHER_CSA);
    const cookie = [...csa.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const attempts: Array<[string, Record<string, string>]> = [
      ['no CSRF token', { origin: harness.url }],
      ['another session’s CSRF token', { origin: harness.url, 'x-csrf-token': other.csrfToken }],
      ['a forged CSRF token', { origin: harness.url, 'x-csrf-token': garble(csa.csrfToken) }],
      ['another site', { origin: 'https://evil.example', 'x-csrf-token': csa.csrfToken }],
      ['an opaque origin', { origin: 'null', 'x-csrf-token': csa.csrfToken }],
      ['a cross-site fetch', { 'sec-fetch-site': 'cross-site', 'x-csrf-token': csa.csrfToken }],
    ];
    for (const route of forms) {
      for (const [name, headers] of attempts) {
        const reply = await harness.send(pageOf(route), {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
          body: 'availability=away&text=hello&role=supervisor',
        });
        expect({ route: describeRoute(route), name, status: reply.status }).toEqual({
          route: describeRoute(route),
          name,
          status: 403,
        });
      }
    }
    expect((await csa.get('/console')).status).toBe(200);
  });

  test('the console: a CSA cannot act in a chat another CSA has accepted', async () => {
    const { sessionId } = harness.fixtures;
    const intruder = await harness.signIn(OTHER_CSA);
    const before = (await harness.channel.app.handoff.view(sessionId))?.transcript.length;
    const actions: Array<[string, Record<string, string>]> = [
      ['messages', { text: 'I am not the CSA helping you' }],
      ['articles', { articleId: 'bin-collection-days' }],
      ['transfer', { team: harness.channel.app.handoff.teams()[0] ?? '' }],
      ['end', {}],
      ['accept', {}],
    ];
    for (const [action, form] of actions) {
      const reply = await intruder.post(`/console/chats/${sessionId}/${action}`, form, { accept: 'application/json' });
      expect({ action, allowed: [403, 409].includes(reply.status), status: reply.status }).toMatchObject({
        allowed: true,
      });
    }
    const view = await harness.channel.app.handoff.view(sessionId);
    expect(view?.item.state).toBe('accepted');
    expect(view?.transcript.length).toBe(before);
  });

  test('the console sign-in: a stale form, another visit’s token, and a form from another site are refused', async () => {
    const route = PUBLIC_ROUTES.find(
      (candidate) => candidate.path === '/console/sign-in' && candidate.method === 'POST',
    );
    if (!route) throw new Error('no sign-in route');
    const first = await harness.credentials(route);
    const second = await harness.credentials(route);
    const post = (headers: Record<string, string>, token: string | undefined) =>
      harness.send('/console/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({
          email: OTHER_CSA.email,
          password: OTHER_CSA.password,
          _csrf: token ?? '',
        }).toString(),
      });
    expectRefusal(await post(first.headers, undefined), 403, 'consolePage');
    expectRefusal(await post(first.headers, second.formToken), 403, 'consolePage');
    expectRefusal(
      await post({ ...first.headers, origin: 'https://evil.example' }, first.formToken),
      403,
      'consolePage',
    );
    const signedIn = await post(first.headers, first.formToken);
    expect(signedIn.status).toBe(303);
  });
});

/** Opens the conversation's WebSocket stream with `token`: `'open'`, or the status the upgrade was refused with. */
function openSocket(harness: BadInputHarness, conversationId: string, token: string): Promise<number | 'open'> {
  const base = harness.url.replace(/^http/, 'ws');
  return upgradeStatus(`${base}/v3/directline/conversations/${conversationId}/stream?t=${encodeURIComponent(token)}`);
}
