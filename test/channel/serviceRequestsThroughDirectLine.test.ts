import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { verifyWebhookSignature } from '../../src/requests/webhookSignature';
import { type ChannelHarness, type ResidentClient, startChannelHarness } from '../support/directLineHarness';
import { metaOf } from '../support/testBot';
import { eventually } from '../support/eventually';

jest.setTimeout(60_000);

const CRM_SECRET = 'crm-secret-for-the-direct-line-test-0123456789';
const STAFF_API_KEY = 'staff-api-key-for-the-direct-line-test-0123456789';
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let harness: ChannelHarness;
let crmServer: Server;
let photoServer: Server;
let photoUrl: string;
const crmDeliveries: { body: string; signature: string | undefined }[] = [];

beforeAll(async () => {
  // Where the client fetches the photo before uploading it (in a browser, a blob: URL). (restify patches
  // ServerResponse, so writeHead is not chained.)
  photoServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': PHOTO.length });
    res.end(PHOTO);
  });
  photoServer.listen(0, '127.0.0.1');
  await once(photoServer, 'listening');
  photoUrl = `http://127.0.0.1:${(photoServer.address() as AddressInfo).port}/lane.png`;
  crmServer = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += String(chunk)));
    req.on('end', () => {
      crmDeliveries.push({ body, signature: req.headers['x-council-signature']?.toString() });
      res.writeHead(202);
      res.end();
    });
  });
  crmServer.listen(0, '127.0.0.1');
  await once(crmServer, 'listening');
  harness = await startChannelHarness({
    env: {
      CRM_WEBHOOK_URL: `http://127.0.0.1:${(crmServer.address() as AddressInfo).port}/requests`,
      CRM_WEBHOOK_SECRET: CRM_SECRET,
      STAFF_API_KEY,
    },
    dependencies: { outboxPollMs: 200 },
  });
});

afterAll(async () => {
  await harness?.close();
  await new Promise((resolve) => crmServer.close(resolve));
  await new Promise((resolve) => photoServer.close(resolve));
});

/** Says something and waits for the bot's answer to it (a question, a summary or a final reply). */
async function ask(client: ResidentClient, message: string | { photoUrl: string }): Promise<Activity> {
  const id =
    typeof message === 'string'
      ? await client.say(message)
      : await client.post({
          type: 'message',
          text: '',
          attachments: [{ contentType: 'image/png', contentUrl: message.photoUrl, name: 'lane.png' }],
        });
  const answer = () =>
    client
      .botMessages()
      .filter((reply) => reply.replyToId === id && !['help', 'offerPerson', 'urgent'].includes(metaOf(reply).action))
      .at(-1);
  await client.waitFor(() => answer() !== undefined, 15_000, `the bot's answer to ${JSON.stringify(message)}`);
  return answer() as Activity;
}

async function staff(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${harness.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${STAFF_API_KEY}`, 'content-type': 'application/json', ...init.headers },
  });
}

test('a resident reports fly-tipping with a photo, gets a reference, and checks its status', async () => {
  const { token } = await harness.webchatToken();
  const client = await harness.connect({ token, webSocket: true });
  expect(metaOf(await ask(client, 'report fly tipping'))).toMatchObject({ action: 'prompt', field: 'location' });
  expect(metaOf(await ask(client, 'Back lane behind 4 Mill Road'))).toMatchObject({ field: 'postcode' });
  expect(metaOf(await ask(client, 'EM1 2AB'))).toMatchObject({ field: 'waste' });
  expect(metaOf(await ask(client, 'Furniture or mattresses'))).toMatchObject({ field: 'amount' });
  expect(metaOf(await ask(client, 'A small van load'))).toMatchObject({ field: 'photo' });
  const afterPhoto = await ask(client, { photoUrl });
  expect(metaOf(afterPhoto)).toMatchObject({ field: 'email' });
  const summary = await ask(client, 'sam.resident@example.org');
  expect(metaOf(summary).action).toBe('requestSummary');
  expect(summary.text).toContain('1 photo');
  const confirmation = await ask(client, 'Yes, send it');
  const meta = metaOf(confirmation);
  expect(meta).toMatchObject({ action: 'requestSubmitted', requestType: 'fly-tipping' });
  const reference = String(meta.reference);
  expect(confirmation.text).toContain(reference);

  const stored = await harness.app.repositories.requests.findByReference(reference);
  expect(stored?.details.photo).toMatch(/^\/v3\/directline\/attachments\//);
  const acknowledgement = (await harness.app.repositories.outbox.listForRequest(reference)).find(
    (message) => message.channel === 'email',
  );
  expect(acknowledgement).toMatchObject({ to: 'sam.resident@example.org', status: 'pending' });

  // The CRM receives it, signed, with a photo link it can fetch with the staff API key.
  await eventually(
    async () => (await harness.app.repositories.requests.findByReference(reference))?.status === 'forwarded',
    { timeoutMs: 10_000 },
  );
  const delivery = crmDeliveries.find((candidate) => candidate.body.includes(reference));
  expect(verifyWebhookSignature(CRM_SECRET, delivery?.signature, delivery?.body ?? '', Date.now() / 1000)).toEqual({
    ok: true,
  });
  const payload = JSON.parse(delivery?.body ?? '{}');
  expect(payload).toMatchObject({ event: 'serviceRequest.submitted', request: { reference, type: 'fly-tipping' } });
  const photo = await staff(new URL(payload.request.photos[0].url).pathname);
  expect(photo.status).toBe(200);
  expect(Buffer.from(await photo.arrayBuffer())).toEqual(PHOTO);

  // Staff update the status through the API; the resident sees it.
  const update = await staff(`/api/requests/${reference}/status`, {
    method: 'POST',
    body: JSON.stringify({ status: 'inProgress', note: 'Crew booked for Friday', by: 'street-scene' }),
  });
  expect(update.status).toBe(200);
  expect(metaOf(await ask(client, 'check my request'))).toMatchObject({ field: 'reference' });
  expect(metaOf(await ask(client, reference))).toMatchObject({ field: 'proof' });
  const status = await ask(client, 'em1 2ab');
  expect(metaOf(status)).toMatchObject({ action: 'requestStatus', reference, status: 'inProgress' });
  expect(status.text).toMatch(/Crew booked for Friday/);
  expect(status.text).toMatch(/Passed to the service team/);
  const audit = await harness.app.repositories.auditLog.list({ subjectId: reference });
  expect(audit.map((entry) => entry.action)).toEqual(['serviceRequest.statusChanged', 'serviceRequest.forwarded']);
  client.end();
});

test('the same submit sent twice stores one request: a double tap, and a retry after a lost state write', async () => {
  const { token, conversationId } = await harness.webchatToken();
  const client = await harness.connect({ token, webSocket: false });
  await ask(client, 'request a callback');
  await ask(client, 'Council tax');
  await ask(client, 'Sam Resident');
  await ask(client, 'Phone');
  await ask(client, '0113 496 0000');
  expect(metaOf(await ask(client, 'Any time')).action).toBe('requestSummary');

  // The conversation's state at the summary, as it would be if the turn that submits never saved its own.
  const key = `directline/conversations/${conversationId}/`;
  const atSummary = await harness.app.repositories.botState.read([key]);

  const ids = await Promise.all([client.say('Yes, send it'), client.say('Yes, send it')]);
  const replyTo = (id: string) => client.botMessages().find((reply) => reply.replyToId === id);
  await client.waitFor(() => ids.every((id) => replyTo(id)), 15_000, 'two replies');
  const [first, second] = ids.map((id) => metaOf(replyTo(id) ?? {}));
  expect(first).toMatchObject({ action: 'requestSubmitted', alreadySubmitted: false });
  expect(second).toMatchObject({ action: 'requestSubmitted', reference: first?.reference, alreadySubmitted: true });

  await harness.app.repositories.botState.write({ [key]: { ...atSummary[key], eTag: '*' } });
  const retried = metaOf(await ask(client, 'Yes, send it'));
  expect(retried).toMatchObject({ action: 'requestSubmitted', reference: first?.reference, alreadySubmitted: true });

  const requests = await harness.app.repositories.requests.listFor({ conversationIds: [conversationId] });
  expect(requests).toHaveLength(1);
  const crmMessages = await harness.app.repositories.outbox.listForRequest(String(first?.reference));
  expect(crmMessages.filter((message) => message.channel === 'webhook')).toHaveLength(1);
  client.end();
});

test('the staff API needs its key and a valid body', async () => {
  const anonymous = await fetch(`${harness.url}/api/requests/SR-7K3M9QXA/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'resolved' }),
  });
  expect(anonymous.status).toBe(401);
  const wrongKey = await staff('/api/requests/SR-7K3M9QXA', { headers: { authorization: 'Bearer nope' } });
  expect(wrongKey.status).toBe(401);
  const badBody = await staff('/api/requests/SR-7K3M9QXA/status', {
    method: 'POST',
    body: JSON.stringify({ status: 'finished' }),
  });
  expect(badBody.status).toBe(400);
  expect(await badBody.json()).toMatchObject({ error: 'bad_request' });
  const unknown = await staff('/api/requests/SR-7K3M9QXA/status', {
    method: 'POST',
    body: JSON.stringify({ status: 'resolved' }),
  });
  expect(unknown.status).toBe(404);
});
