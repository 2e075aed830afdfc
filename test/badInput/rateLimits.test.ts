import {
  type BadInputHarness,
  type Conversation,
  type ErrorShape,
  expectRefusal,
  freshAddress,
  PNG,
  type Reply,
  startBadInputHarness,
  TEST_SECRET,
} from './support/badInputHarness';

jest.setTimeout(120_000);

/** Small limits, so each can be reached in a few requests (the defaults are in `.env.example`). */
const LIMITS = {
  RATE_LIMIT_TOKENS_PER_ADDRESS: '5',
  RATE_LIMIT_TOKENS_PER_CONVERSATION: '4',
  RATE_LIMIT_MESSAGES_PER_ADDRESS: '12',
  RATE_LIMIT_MESSAGES_PER_CONVERSATION: '6',
  RATE_LIMIT_UPLOADS_PER_ADDRESS: '4',
  RATE_LIMIT_UPLOADS_PER_CONVERSATION: '2',
  RATE_LIMIT_SIGN_INS_PER_ADDRESS: '3',
};

/** A refusal for asking too often: 429, a whole number of seconds to wait, in the area's error shape. */
function expectTooMany(reply: Reply, shape: ErrorShape): number {
  expectRefusal(reply, 429, shape);
  const retryAfter = Number(reply.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
  return retryAfter;
}

describe('rate limits per address and per conversation: a clear 429 with Retry-After, and nobody else affected', () => {
  let harness: BadInputHarness;

  beforeAll(async () => {
    harness = await startBadInputHarness({ env: LIMITS });
  });

  afterAll(async () => {
    await harness?.close();
  });

  const webchatToken = (address: string, token?: string) =>
    harness.send('/api/webchat/token', {
      method: 'POST',
      address,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(token ? { token } : {}),
    });

  const post = (conversation: Conversation, address: string, text = 'bin day') =>
    harness.send(`/v3/directline/conversations/${conversation.conversationId}/activities`, {
      method: 'POST',
      address,
      headers: { authorization: `Bearer ${conversation.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text }),
    });

  const upload = (conversation: Conversation, address: string) => {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'photo.png');
    return harness.send(`/v3/directline/conversations/${conversation.conversationId}/upload`, {
      method: 'POST',
      address,
      headers: { authorization: `Bearer ${conversation.token}` },
      body: form,
    });
  };

  test('tokens for new conversations, per address: the web chat endpoint, tokens/generate and the secret share one', async () => {
    const address = freshAddress();
    for (let i = 0; i < 3; i++) expect((await webchatToken(address)).status).toBe(200);
    const generate = () =>
      harness.send('/v3/directline/tokens/generate', {
        method: 'POST',
        address,
        headers: { authorization: `Bearer ${TEST_SECRET}` },
      });
    expect((await generate()).status).toBe(200);
    const start = await harness.send('/v3/directline/conversations', {
      method: 'POST',
      address,
      headers: { authorization: `Bearer ${TEST_SECRET}` },
    });
    expect(start.status).toBe(201);
    const wait = expectTooMany(await webchatToken(address), 'api');
    expectTooMany(await generate(), 'directLine');
    // Another address is not affected; this one may ask again once it has waited.
    expect((await webchatToken(freshAddress())).status).toBe(200);
    await harness.travel(wait * 1000, async () => {
      expect((await webchatToken(address)).status).toBe(200);
    });
  });

  test('tokens for an existing conversation, per conversation: refresh, resume and reconnect share one', async () => {
    const conversation = await harness.conversation();
    const other = await harness.conversation();
    const refresh = (which: Conversation) =>
      harness.send('/v3/directline/tokens/refresh', {
        method: 'POST',
        headers: { authorization: `Bearer ${which.token}` },
      });
    // The conversation was started once already (one of its four).
    expect((await refresh(conversation)).status).toBe(200);
    const resumed = await webchatToken(freshAddress(), conversation.token);
    expect(JSON.parse(resumed.text)).toMatchObject({ resumed: true, conversationId: conversation.conversationId });
    const reconnect = await harness.send(`/v3/directline/conversations/${conversation.conversationId}`, {
      headers: { authorization: `Bearer ${conversation.token}` },
    });
    expect(reconnect.status).toBe(200);
    expectTooMany(await refresh(conversation), 'directLine');
    expectTooMany(await webchatToken(freshAddress(), conversation.token), 'api');
    // From every address: the limit is the conversation's.
    expectTooMany(await refresh(conversation), 'directLine');
    expect((await refresh(other)).status).toBe(200);
  });

  test('messages per conversation: the sender waits, other conversations on the same address do not', async () => {
    const address = freshAddress();
    const noisy = await harness.conversation();
    const quiet = await harness.conversation();
    // `conversation()` uploaded a photo: one of its six messages.
    for (let i = 0; i < 5; i++) expect((await post(noisy, address)).status).toBe(200);
    const wait = expectTooMany(await post(noisy, address), 'directLine');
    expectTooMany(await post(noisy, freshAddress()), 'directLine');
    expect((await post(quiet, address)).status).toBe(200);
    await harness.travel(wait * 1000, async () => {
      expect((await post(noisy, address)).status).toBe(200);
    });
    await harness.expectStillServing();
  });

  test('messages per address: many conversations from one address are bounded together', async () => {
    const address = freshAddress();
    const conversations = [await harness.conversation(), await harness.conversation(), await harness.conversation()];
    let sent = 0;
    for (const conversation of conversations) {
      for (let i = 0; i < 4; i++) {
        expect((await post(conversation, address)).status).toBe(200);
        sent++;
      }
    }
    expect(sent).toBe(12);
    expectTooMany(await post(conversations[0] as Conversation, address), 'directLine');
    // Refused by its address, the message used nothing of its conversation's limit.
    expect((await post(conversations[0] as Conversation, freshAddress())).status).toBe(200);
  });

  test('a token for one conversation cannot use up another conversation’s limit', async () => {
    const victim = await harness.conversation();
    const attacker = await harness.conversation();
    for (let i = 0; i < 10; i++) {
      const reply = await post({ ...victim, token: attacker.token }, freshAddress());
      expect(reply.status).toBe(403);
    }
    expect((await post(victim, freshAddress())).status).toBe(200);
  });

  test('uploads per conversation and per address, on top of the message limits', async () => {
    const address = freshAddress();
    // Each of these uploaded one photo from an address of its own when it started.
    const conversations = [
      await harness.conversation(),
      await harness.conversation(),
      await harness.conversation(),
      await harness.conversation(),
      await harness.conversation(),
    ];
    const [first, ...others] = conversations as [Conversation, ...Conversation[]];
    expect((await upload(first, address)).status).toBe(200);
    // The conversation's second upload is its last; refused, it uses nothing of the address's four.
    expectTooMany(await upload(first, address), 'directLine');
    expect((await post(first, address)).status).toBe(200);
    for (const conversation of others.slice(0, 3)) expect((await upload(conversation, address)).status).toBe(200);
    const last = others[3] as Conversation;
    expectTooMany(await upload(last, address), 'directLine');
    expect((await upload(last, freshAddress())).status).toBe(200);
  });

  test('/api/messages: per conversation and per address', async () => {
    const activity = (conversationId: string) =>
      JSON.stringify({
        type: 'message',
        text: 'hello',
        channelId: 'emulator',
        from: { id: 'user' },
        recipient: { id: 'bot' },
        conversation: { id: conversationId },
        deliveryMode: 'expectReplies',
      });
    const send = (conversationId: string, address: string) =>
      harness.send('/api/messages', {
        method: 'POST',
        address,
        headers: { 'content-type': 'application/json' },
        body: activity(conversationId),
      });
    const address = freshAddress();
    for (let i = 0; i < 6; i++) expect((await send('conversation-a', address)).status).toBe(200);
    expectTooMany(await send('conversation-a', freshAddress()), 'api');
    for (let i = 0; i < 6; i++) expect((await send(`conversation-${i}`, address)).status).toBe(200);
    expectTooMany(await send('conversation-z', address), 'api');
    expect((await send('conversation-z', freshAddress())).status).toBe(200);
  });

  test('console sign-in, per address: a 429 page with the wait, and the right password still works elsewhere', async () => {
    const address = freshAddress();
    const attempt = async (from: string, password: string) => {
      const route = { method: 'POST', path: '/console/sign-in', area: 'console', access: 'signInForm' } as const;
      const form = await harness.credentials(route);
      return harness.send('/console/sign-in', {
        method: 'POST',
        address: from,
        headers: { ...form.headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          email: 'nobody@eastmere.example',
          password,
          _csrf: form.formToken ?? '',
        }).toString(),
      });
    };
    for (let i = 0; i < 3; i++) expect((await attempt(address, `guess ${i}`)).status).toBe(401);
    const refused = await attempt(address, 'guess 4');
    expectTooMany(refused, 'consolePage');
    expect(refused.text).toMatch(/Too many sign-in attempts from your network\. Wait \d+ seconds/);
    expect((await attempt(freshAddress(), 'guess 5')).status).toBe(401);
    await harness.expectStillServing();
  });
});
