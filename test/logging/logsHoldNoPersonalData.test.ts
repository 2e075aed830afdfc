import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { SMTPServer } from 'smtp-server';
import { createLogger } from '../../src/logging/createLogger';
import { ConsoleClient, createAccount } from '../support/consoleHarness';
import {
  type ChannelHarness,
  type ResidentClient,
  startChannelHarness,
  TEST_SECRET,
} from '../support/directLineHarness';
import { FakeOpenAiServer } from '../support/fakeOpenAiServer';
import { metaOf } from '../support/testBot';

jest.setTimeout(120_000);

/** Everything the resident tells the bot, and the CSA repeats: none of it may reach a log. */
const RESIDENT = {
  name: 'Jane Doe-Smith',
  email: 'jane.doe@example.com',
  phone: '07700 900123',
  postcode: 'EM1 1AA',
  address: '12 Mill Lane',
  nationalInsurance: 'QQ 12 34 56 C',
  card: '4111 1111 1111 1111',
  words: 'purple elephant sofa',
};

/** Every secret the server holds or hands out. Tokens, the session and the CSRF token are added as they appear. */
const SECRETS = {
  DIRECTLINE_SECRET: TEST_SECRET,
  STAFF_API_KEY: 'staff-api-key-that-must-never-be-logged-0123456789',
  METRICS_TOKEN: 'metrics-token-never-logged-0123',
  MicrosoftAppPassword: 'microsoft-app-password-never-logged',
  OPENAI_API_KEY: 'sk-openai-key-that-must-never-be-logged',
  CRM_WEBHOOK_SECRET: 'crm-webhook-secret-that-must-never-be-logged-0123',
  SMTP_PASSWORD: 'smtp-password-never-logged',
  CONSOLE_ADMIN_PASSWORD: 'console admin password never logged',
};

const CSA = {
  email: 'sam.csa@eastmere.example',
  displayName: 'Sam Jones',
  role: 'csa' as const,
  password: 'csa password never logged',
};

/** How a value may appear: as typed, without spaces, percent-encoded, in any case. */
function variants(value: string): string[] {
  const forms = [value, value.replace(/\s+/g, ''), encodeURIComponent(value)];
  return [...new Set(forms.map((form) => form.toLowerCase()))];
}

describe('the logs of a conversation full of personal data and secrets, at the most verbose level', () => {
  const lines: string[] = [];
  const consoleOutput: string[] = [];
  const handedOut: Record<string, string> = {};
  let harness: ChannelHarness;
  let openAi: FakeOpenAiServer;
  let crm: Server;
  let smtp: SMTPServer;

  beforeAll(async () => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleOutput.push(
          args
            .map((arg) =>
              arg instanceof Error
                ? `${arg.stack} ${JSON.stringify(arg)}`
                : typeof arg === 'string'
                  ? arg
                  : JSON.stringify(arg),
            )
            .join(' '),
        );
      });
    }
    openAi = await FakeOpenAiServer.start();
    // A CRM that fails, repeating what it was sent, and a mail server that refuses the resident's address, naming it:
    // the failures are logged, and what they say must not be.
    crm = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += String(chunk)));
      req.on('end', () => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'could not store', received: body }));
      });
    });
    crm.listen(0, '127.0.0.1');
    await once(crm, 'listening');
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'council' }),
      onRcptTo: (address, _session, callback) =>
        callback(Object.assign(new Error(`Mailbox <${address.address}> is full`), { responseCode: 552 })),
    });
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');

    const logger = createLogger('trace', { write: (line: string) => void lines.push(line) });
    harness = await startChannelHarness({
      logger,
      env: {
        ...SECRETS,
        LOG_LEVEL: 'trace',
        CONTACT_CENTRE_HOURS: 'always',
        TRUST_PROXY: 'true',
        MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
        MicrosoftAppType: 'MultiTenant',
        OPENAI_BASE_URL: openAi.baseUrl,
        CRM_WEBHOOK_URL: `http://127.0.0.1:${(crm.address() as AddressInfo).port}/requests?key=${SECRETS.CRM_WEBHOOK_SECRET}`,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String((smtp.server.address() as AddressInfo).port),
        SMTP_USER: 'council',
        SMTP_FROM: 'Eastmere District Council <no-reply@eastmere.example>',
        CONSOLE_ADMIN_EMAIL: 'lead@eastmere.example',
      },
      dependencies: { outboxPollMs: 100 },
    });
    await createAccount(harness.app, CSA);
  });

  afterAll(async () => {
    await harness?.close();
    await openAi?.close();
    await new Promise((resolve) => crm?.close(resolve));
    await new Promise((resolve) => smtp?.close(() => resolve(undefined)));
    jest.restoreAllMocks();
  });

  /** Says something and waits for the bot's reply to it. */
  async function ask(client: ResidentClient, text: string): Promise<Activity> {
    const id = await client.say(text);
    const reply = () =>
      client
        .botMessages()
        .filter((activity) => activity.replyToId === id && !['help', 'offerPerson'].includes(metaOf(activity).action))
        .at(-1);
    await client.waitFor(() => reply() !== undefined, 15_000, `the reply to ${JSON.stringify(text)}`);
    return reply() as Activity;
  }

  test('a resident, a service request, a CSA, the staff API and refused requests: nothing personal or secret is logged', async () => {
    // A CSA signs in, so the resident can be handed over.
    const csa = new ConsoleClient(harness.url, { 'x-forwarded-for': '198.51.100.20' });
    expect((await csa.signIn(CSA.email, CSA.password)).status).toBe(303);
    await csa.get('/console');
    handedOut.session = [...csa.cookies.values()].join(' ');
    const cookie = [...csa.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    handedOut.csrf = csa.csrfToken;

    const { token, conversationId } = await harness.webchatToken();
    handedOut.token = token;
    const client = await harness.connect({ token, webSocket: true });
    await client.botReplies(1, 20_000);
    await ask(client, `Hello, my name is ${RESIDENT.name}`);
    await ask(client, `My email is ${RESIDENT.email} and my phone number is ${RESIDENT.phone}`);
    await ask(
      client,
      `I live at ${RESIDENT.address}, ${RESIDENT.postcode}, my NI number is ${RESIDENT.nationalInsurance}`,
    );
    await ask(client, `my card ${RESIDENT.card} was charged twice for my council tax`);
    await ask(client, `there is a ${RESIDENT.words} dumped in the lane, when are the bins collected`);

    // A callback request: the bot asks for a name, how to call and the number, then sends it to the CRM and emails.
    let reply = await ask(client, 'request a callback');
    const answers: Record<string, string> = {
      topic: `My ${RESIDENT.words} and the council tax on ${RESIDENT.address}`,
      name: RESIDENT.name,
      contactBy: 'Email',
      phone: RESIDENT.phone,
      email: RESIDENT.email,
    };
    for (let step = 0; step < 12 && metaOf(reply).action === 'prompt'; step++) {
      const field = String(metaOf(reply).field);
      const suggestion = reply.suggestedActions?.actions[0]?.value;
      reply = await ask(client, answers[field] ?? (typeof suggestion === 'string' ? suggestion : 'Any time'));
    }
    expect(metaOf(reply).action).toBe('requestSummary');
    const submitted = await ask(client, 'Yes, send it');
    const reference = String(metaOf(submitted).reference);
    expect(reference).toMatch(/^SR-/);

    // The resident asks for a person; the CSA accepts, writes and notes personal data, and ends the chat.
    await ask(client, 'talk to a person');
    const session = await harness.app.repositories.handoffs.findLatest(conversationId);
    expect(session).not.toBeNull();
    const sessionId = session?._id ?? '';
    expect((await csa.post(`/console/chats/${sessionId}/accept`)).status).toBe(303);
    await client.say(`It is ${RESIDENT.name} again, ${RESIDENT.phone}`);
    const sent = await csa.post(
      `/console/chats/${sessionId}/messages`,
      { text: `Thanks ${RESIDENT.name}, I will email ${RESIDENT.email} about ${RESIDENT.address}` },
      { accept: 'application/json' },
    );
    expect(sent.status).toBe(200);
    const noted = await csa.post(
      `/console/chats/${sessionId}/notes`,
      { text: `NI ${RESIDENT.nationalInsurance}, card ${RESIDENT.card}` },
      { accept: 'application/json' },
    );
    expect(noted.status).toBe(200);
    await csa.get(`/console/chats/${sessionId}`);
    await csa.get(`/console/requests/${reference}`);
    expect((await csa.post(`/console/chats/${sessionId}/end`)).status).toBe(303);

    // The staff API reads the request and updates it with a note.
    const staff = { authorization: `Bearer ${SECRETS.STAFF_API_KEY}`, 'content-type': 'application/json' };
    expect((await fetch(`${harness.url}/api/requests/${reference}`, { headers: staff })).status).toBe(200);
    const update = await fetch(`${harness.url}/api/requests/${reference}/status`, {
      method: 'POST',
      headers: staff,
      body: JSON.stringify({ status: 'inProgress', note: `Called ${RESIDENT.name} on ${RESIDENT.phone}` }),
    });
    expect(update.status).toBe(200);
    expect(
      (await fetch(`${harness.url}/metrics`, { headers: { authorization: `Bearer ${SECRETS.METRICS_TOKEN}` } })).status,
    ).toBe(200);

    // Refused requests that carry personal data and credentials in every place a request can.
    const refused: Array<[string, RequestInit]> = [
      [`/api/requests/${encodeURIComponent(RESIDENT.email)}`, { headers: staff }],
      [`/console/requests/${encodeURIComponent(RESIDENT.postcode)}`, { headers: { cookie } }],
      [`/nothing/${encodeURIComponent(RESIDENT.email)}/${encodeURIComponent(RESIDENT.phone)}`, {}],
      [
        '/api/webchat/token',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"token":"${RESIDENT.email}` },
      ],
      [
        '/api/messages',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRETS.MicrosoftAppPassword}` },
          body: JSON.stringify({
            type: 'message',
            text: RESIDENT.words,
            channelId: 'msteams',
            from: { id: RESIDENT.email, name: RESIDENT.name },
            conversation: { id: 'c1' },
            serviceUrl: 'https://smba.trafficmanager.net/uk/',
          }),
        },
      ],
      [
        `/v3/directline/conversations/${conversationId}/activities`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}x`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: RESIDENT.words }),
        },
      ],
      [
        `/v3/directline/conversations/${conversationId}/activities`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: `{"type":"message","text":"${RESIDENT.email}\\u0000"}`,
        },
      ],
      [
        '/v3/directline/tokens/generate',
        {
          method: 'POST',
          headers: { authorization: `Bearer ${TEST_SECRET}`, 'content-type': 'application/json' },
          body: JSON.stringify({ user: { id: RESIDENT.email.replace('@', ' at '), name: RESIDENT.name } }),
        },
      ],
      [
        '/console/sign-in',
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: harness.url },
          body: new URLSearchParams({ email: RESIDENT.email, password: SECRETS.CONSOLE_ADMIN_PASSWORD }).toString(),
        },
      ],
      ['/metrics', { headers: { authorization: `Bearer ${SECRETS.STAFF_API_KEY}` } }],
    ];
    for (const [path, init] of refused) {
      const response = await fetch(`${harness.url}${path}`, { redirect: 'manual', ...init });
      expect({ path, status: response.status }).toEqual({ path, status: expect.any(Number) });
      expect(response.status).toBeGreaterThanOrEqual(400);
      await response.arrayBuffer();
    }

    // The CRM and the mail server fail, and the outbox says so in the log.
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !lines.some((line) => line.includes('outbox message failed'))) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    client.end();
    await new Promise((resolve) => setTimeout(resolve, 200));

    // The logs were written, at every level, about all of this.
    const messages = lines.map((line) => String(JSON.parse(line).msg));
    for (const expected of ['turn', 'request refused', 'outbox message failed; will retry', 'language model call']) {
      expect(messages).toContain(expected);
    }
    const levels = new Set(lines.map((line) => Number(JSON.parse(line).level)));
    expect([...levels]).toEqual(expect.arrayContaining([30, 40]));

    const everything = [...lines, ...consoleOutput].join('\n').toLowerCase();
    const forbidden = {
      ...Object.fromEntries(Object.entries(RESIDENT).map(([key, value]) => [`resident ${key}`, value])),
      'the resident’s first name': 'Jane',
      ...SECRETS,
      'the CSA’s password': CSA.password,
      ...handedOut,
    };
    // Handed-out values are looked for whole and in parts (the session is its cookies, space-separated).
    const pieces = (name: string, value: string) => (name in handedOut ? [value, ...value.split(' ')] : [value]);
    const found = Object.entries(forbidden).flatMap(([name, value]) =>
      pieces(name, value)
        .flatMap(variants)
        .filter((variant) => variant.length >= 4 && everything.includes(variant))
        .map((variant) => `${name}: ${variant}`),
    );
    if (found.length > 0) {
      const leaks = [...lines, ...consoleOutput].filter((line) => /jane/i.test(line));
      throw new Error(`${found.join(', ')}\n${leaks.join('\n').slice(0, 3000)}`);
    }
  });
});

describe('the logger', () => {
  test('removes the fields that may hold personal data or secrets, at every level', () => {
    const lines: string[] = [];
    const logger = createLogger('trace', { write: (line: string) => void lines.push(line) });
    const fields = {
      text: RESIDENT.words,
      message: RESIDENT.words,
      email: RESIDENT.email,
      phone: RESIDENT.phone,
      postcode: RESIDENT.postcode,
      token: TEST_SECRET,
      secret: TEST_SECRET,
      password: CSA.password,
      activity: { text: RESIDENT.words, value: { email: RESIDENT.email }, from: { name: RESIDENT.name } },
      req: { headers: { authorization: `Bearer ${TEST_SECRET}`, cookie: `console_session=${TEST_SECRET}` } },
      request: { details: { address: RESIDENT.address }, contact: { email: RESIDENT.email }, answers: [RESIDENT.name] },
    };
    for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const) logger[level](fields, 'fields');
    expect(lines).toHaveLength(6);
    const written = lines.join('\n');
    for (const value of [...Object.values(RESIDENT), TEST_SECRET, CSA.password]) expect(written).not.toContain(value);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ text: '[redacted]', activity: { text: '[redacted]' } });
  });
});
