import {
  type BadInputHarness,
  type Reply,
  STAFF_API_KEY,
  startBadInputHarness,
  TEST_SECRET,
} from './support/badInputHarness';

jest.setTimeout(120_000);

const MARKUP = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const INVISIBLE = 'bin\u200b day \u202Efdp.exe\u202C \u200fمرحبا\u200e 👨‍👩‍👧';
const CONTROL = ['bin\u0000day', 'bin\u0007day', '\u001b[31mred', 'bin\u0085day', 'half \ud83d pair'];

/**
 * Every field a person types into, and what it is. Free text (`text`) keeps markup, invisible characters and long
 * words as text, up to its length; a field with a format (`format`: an email, an id, a name for the audit log)
 * refuses markup. Both refuse control characters.
 */
interface TextField {
  name: string;
  kind: 'text' | 'format';
  /** Its longest value, in characters. */
  max: number;
  /** Sent as a form: UTF-8 cannot carry half a surrogate pair, so the browser's U+FFFD arrives instead. */
  form?: boolean;
  send: (harness: BadInputHarness, value: string) => Promise<Reply>;
}

const json = (body: unknown) => JSON.stringify(body);

const FIELDS: TextField[] = [
  {
    name: 'a resident’s message (Direct Line)',
    kind: 'text',
    max: 4000,
    send: async (harness, value) => {
      const { attacker } = harness.fixtures;
      return harness.send(`/v3/directline/conversations/${attacker.conversationId}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${attacker.token}`, 'content-type': 'application/json' },
        body: json({ type: 'message', text: value }),
      });
    },
  },
  {
    name: 'a message with an upload (Direct Line)',
    kind: 'text',
    max: 4000,
    send: async (harness, value) => {
      const conversation = await harness.conversation();
      const form = new FormData();
      form.append('activity', new Blob([json({ type: 'message', text: value })], { type: 'application/json' }));
      form.append('file', new Blob([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64)]), 'photo.png');
      return harness.send(`/v3/directline/conversations/${conversation.conversationId}/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${conversation.token}` },
        body: form,
      });
    },
  },
  {
    name: 'a message to /api/messages',
    kind: 'text',
    max: 4000,
    send: (harness, value) =>
      harness.send('/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: json({
          type: 'message',
          text: value,
          channelId: 'emulator',
          from: { id: 'user' },
          recipient: { id: 'bot' },
          conversation: { id: `text-fields-${Math.random()}` },
          deliveryMode: 'expectReplies',
        }),
      }),
  },
  {
    name: 'a user name given to tokens/generate',
    kind: 'text',
    max: 100,
    send: (harness, value) =>
      harness.send('/v3/directline/tokens/generate', {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_SECRET}`, 'content-type': 'application/json' },
        body: json({ user: { name: value } }),
      }),
  },
  {
    name: 'a user id given to tokens/generate',
    kind: 'format',
    max: 64,
    send: (harness, value) =>
      harness.send('/v3/directline/tokens/generate', {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_SECRET}`, 'content-type': 'application/json' },
        body: json({ user: { id: value } }),
      }),
  },
  {
    name: 'a CSA’s message',
    form: true,
    kind: 'text',
    max: 4000,
    send: (harness, value) =>
      harness.csa
        .post(
          `/console/chats/${harness.fixtures.sessionId}/messages`,
          { text: value },
          {
            accept: 'application/json',
          },
        )
        .then(asReply),
  },
  {
    name: 'a CSA’s note',
    form: true,
    kind: 'text',
    max: 2000,
    send: (harness, value) =>
      harness.csa
        .post(
          `/console/chats/${harness.fixtures.sessionId}/notes`,
          { text: value },
          {
            accept: 'application/json',
          },
        )
        .then(asReply),
  },
  {
    name: 'a note with a request’s new status (console)',
    form: true,
    kind: 'text',
    max: 2000,
    send: (harness, value) =>
      harness.csa
        .post(`/console/requests/${harness.fixtures.reference}/status`, { status: 'inProgress', note: value })
        .then(asReply),
  },
  {
    name: 'a note with a request’s new status (staff API)',
    kind: 'text',
    max: 1000,
    send: (harness, value) =>
      harness.send(`/api/requests/${harness.fixtures.reference}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${STAFF_API_KEY}`, 'content-type': 'application/json' },
        body: json({ status: 'inProgress', note: value }),
      }),
  },
  {
    name: 'who changed a request’s status (staff API)',
    kind: 'format',
    max: 100,
    send: (harness, value) =>
      harness.send(`/api/requests/${harness.fixtures.reference}/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${STAFF_API_KEY}`, 'content-type': 'application/json' },
        body: json({ status: 'inProgress', by: value }),
      }),
  },
  {
    name: 'a new account’s name',
    form: true,
    kind: 'text',
    max: 100,
    send: (harness, value) =>
      harness.supervisor
        .post('/console/users', {
          displayName: value,
          email: `someone.${Math.random().toString(36).slice(2)}@eastmere.example`,
          role: 'csa',
        })
        .then(asReply),
  },
  {
    name: 'a new account’s email',
    form: true,
    kind: 'format',
    max: 320,
    send: (harness, value) =>
      harness.supervisor.post('/console/users', { displayName: 'New CSA', email: value, role: 'csa' }).then(asReply),
  },
];

function asReply(response: { status: number; headers: Headers; body: string }): Reply {
  return { status: response.status, headers: response.headers, text: response.body, ms: 0 };
}

const succeeded = (reply: Reply) => reply.status >= 200 && reply.status < 400;

describe('what people type: markup, invisible and control characters, and very long words, in every text field', () => {
  let harness: BadInputHarness;

  beforeAll(async () => {
    harness = await startBadInputHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  test.each(FIELDS.map((field) => [field.name, field]))('%s', async (_name, field) => {
    const outcome = async (value: string) => {
      const reply = await field.send(harness, value);
      expect(reply.status).toBeLessThan(500);
      return reply;
    };
    const what = (label: string, reply: Reply) => ({ field: field.name, label, status: reply.status });

    const markup = await outcome(MARKUP);
    expect(what('markup', markup)).toEqual({ ...what('markup', markup), status: expect.any(Number) });
    if (field.kind === 'text')
      expect({ field: field.name, kept: succeeded(markup) }).toEqual({ field: field.name, kept: true });
    else expect(what('markup', markup).status).toBeGreaterThanOrEqual(400);
    // JSON carries the text as it is; a page must never.
    if (/html/.test(markup.headers.get('content-type') ?? '')) expect(markup.text).not.toContain('<img src=x');

    if (field.kind === 'text') {
      for (const value of [INVISIBLE, 'a'.repeat(field.max)]) {
        const reply = await outcome(value);
        expect({ field: field.name, value: value.slice(0, 20), kept: succeeded(reply) }).toEqual({
          field: field.name,
          value: value.slice(0, 20),
          kept: true,
        });
      }
    }
    // One character more than the field takes: a long word, or for a format a value it cannot have.
    const tooLong = await outcome('a'.repeat(field.max + 1));
    expect({ field: field.name, tooLong: tooLong.status >= 400 }).toEqual({ field: field.name, tooLong: true });

    for (const value of CONTROL.filter((candidate) => !(field.form && candidate.startsWith('half')))) {
      const reply = await outcome(value);
      expect({ field: field.name, value, status: reply.status }).toEqual({ field: field.name, value, status: 400 });
    }
  });

  test('what was kept is shown as text on every console page that shows it, never as markup', async () => {
    const { sessionId, reference } = harness.fixtures;
    for (const path of [`/console/chats/${sessionId}`, `/console/requests/${reference}`, '/console/users']) {
      const client = path === '/console/users' ? harness.supervisor : harness.csa;
      const page = await client.get(path);
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      expect(page.body).not.toContain('<img src=x');
      expect(page.body).not.toContain('<script>alert');
      expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
    const lines = await harness.csa.get(`/console/chats/${sessionId}/lines`, { accept: 'application/json' });
    expect(lines.headers.get('content-type')).toMatch(/^application\/json/);
    expect(JSON.parse(lines.body).lines.map((line: { text: string }) => line.text)).toContain(MARKUP);
  });

  test('a very long word costs the bot no more than a short one', async () => {
    const conversation = await harness.conversation();
    const client = await harness.channel.connect({ token: conversation.token, webSocket: true });
    try {
      const before = client.botMessages().length;
      const started = performance.now();
      await client.say(`${'z'.repeat(3990)} bins`);
      await client.botReplies(before + 1, 10_000);
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      client.end();
    }
    await harness.expectStillServing();
  });
});
