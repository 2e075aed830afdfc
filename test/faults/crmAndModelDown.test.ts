import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { type ChannelHarness, type ResidentClient, startChannelHarness } from '../support/directLineHarness';
import { metaOf } from '../support/testBot';
import { eventually } from '../support/eventually';

jest.setTimeout(60_000);

/** A port nothing listens on (yet): taken from the system, then released. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The council's CRM, once it comes back: records what it is sent. */
async function startCrm(port: number, received: string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(Buffer.concat(chunks).toString('utf8'));
      res.statusCode = 202;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

let harness: ChannelHarness;
let crmPort: number;
let crm: Server | undefined;

beforeAll(async () => {
  crmPort = await freePort();
  const modelPort = await freePort();
  harness = await startChannelHarness({
    env: {
      CRM_WEBHOOK_URL: `http://127.0.0.1:${crmPort}/requests`,
      CRM_WEBHOOK_SECRET: 'crm-webhook-secret-at-least-32-characters',
      OUTBOX_RETRY_BASE_SECONDS: '1',
      OPENAI_API_KEY: 'test-key-for-a-model-that-is-down',
      OPENAI_BASE_URL: `http://127.0.0.1:${modelPort}/v1`,
      OPENAI_TIMEOUT_MS: '1500',
    },
    dependencies: { outboxPollMs: 100 },
  });
});

afterAll(async () => {
  await harness?.close();
  await new Promise((resolve) => (crm ? crm.close(resolve) : resolve(undefined)));
});

async function ask(client: ResidentClient, text: string): Promise<Activity> {
  const id = await client.say(text);
  const reply = () => client.botMessages().filter((message) => message.replyToId === id)[0];
  await client.waitFor(() => reply() !== undefined, 15_000, `a reply to ${JSON.stringify(text)}`);
  return reply() as Activity;
}

test('with the language model and the CRM both down, residents get answers from the knowledge base and requests are confirmed, then delivered when the CRM is back', async () => {
  const { token } = await harness.webchatToken();
  const client = await harness.connect({ token, webSocket: true });

  // The model cannot be reached: the answer comes from the knowledge base, in the normal way.
  const started = performance.now();
  const answer = await ask(client, 'how do I pay my council tax');
  expect(metaOf(answer)).toMatchObject({ action: 'answer' });
  expect(metaOf(answer).generated).not.toBe(true);
  expect(performance.now() - started).toBeLessThan(5_000);

  // The CRM cannot be reached: the request is saved and confirmed all the same; its delivery waits in the outbox.
  await ask(client, 'report fly tipping');
  await ask(client, 'Back lane behind 4 Mill Road');
  await ask(client, 'EM1 2AB');
  await ask(client, 'Furniture or mattresses');
  await ask(client, 'A small van load');
  await ask(client, 'skip');
  expect(metaOf(await ask(client, 'sam.resident@example.org')).action).toBe('requestSummary');
  const confirmation = await ask(client, 'Yes, send it');
  expect(metaOf(confirmation)).toMatchObject({ action: 'requestSubmitted', requestType: 'fly-tipping' });
  const reference = String(metaOf(confirmation).reference);

  const outbox = harness.app.repositories.outbox;
  const crmDelivery = async () =>
    (await outbox.listForRequest(reference)).find((message) => message.channel === 'webhook');
  // (A claim counts as an attempt: a failed one is back to pending with its error.)
  await eventually(
    async () => {
      const delivery = await crmDelivery();
      return delivery?.status === 'pending' && delivery.attempts >= 1 && delivery.lastError !== undefined;
    },
    { timeoutMs: 15_000, what: 'a failed CRM attempt' },
  );

  // The CRM comes back: the retry delivers the request, once.
  const received: string[] = [];
  crm = await startCrm(crmPort, received);
  await eventually(async () => (await crmDelivery())?.status === 'sent', {
    timeoutMs: 15_000,
    what: 'the delivery marked sent',
  });
  expect(received).toHaveLength(1);
  expect(received[0]).toContain(reference);
});
