import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { openDocumentStore } from '../../src/storage/openDocumentStore';
import { type ChannelHarness, type ResidentClient, startChannelHarness } from '../support/directLineHarness';
import { FaultyStore } from '../support/faultyStore';
import { metaOf, silentLogger } from '../support/testBot';

jest.setTimeout(60_000);

let harness: ChannelHarness;
let store: FaultyStore;
let storeDir: string;

beforeAll(async () => {
  storeDir = mkdtempSync(path.join(os.tmpdir(), 'faulty-store-'));
  store = new FaultyStore(await openDocumentStore({ dataDir: storeDir, mongodbDb: 'council', logger: silentLogger }));
  harness = await startChannelHarness({ dependencies: { store } });
});

afterAll(async () => {
  store.down = false;
  await harness?.close();
  rmSync(storeDir, { recursive: true, force: true });
});

/** Says something and waits for the bot's reply to it that has `action`. */
async function ask(client: ResidentClient, text: string, action?: string): Promise<Activity> {
  const id = await client.say(text);
  const reply = () =>
    client
      .botMessages()
      .filter((message) => message.replyToId === id && (action === undefined || metaOf(message).action === action))
      .at(-1);
  await client.waitFor(() => reply() !== undefined, 15_000, `a reply to ${JSON.stringify(text)}`);
  return reply() as Activity;
}

test('while the store cannot be reached, residents still get answers; a request is not confirmed until it is saved', async () => {
  const { token } = await harness.webchatToken();
  const client = await harness.connect({ token, webSocket: true });
  expect(metaOf(await ask(client, 'report fly tipping'))).toMatchObject({ field: 'location' });
  await ask(client, 'Back lane behind 4 Mill Road');
  await ask(client, 'EM1 2AB');
  await ask(client, 'Furniture or mattresses');
  await ask(client, 'A small van load');
  await ask(client, 'skip');
  expect(metaOf(await ask(client, 'sam.resident@example.org')).action).toBe('requestSummary');

  store.down = true;
  const ready = await fetch(`${harness.url}/readyz`);
  expect(ready.status).toBe(503);

  // Mid-form, the conversation carries on from this instance's memory of its state.
  expect(metaOf(await ask(client, 'help', 'requestSummary')).requestType).toBe('fly-tipping');

  // Sending the request cannot be confirmed: the resident is told it was not sent, and given the phone number.
  const notSaved = await ask(client, 'Yes, send it');
  expect(metaOf(notSaved)).toMatchObject({ action: 'requestNotSaved', requestType: 'fly-tipping' });
  expect(notSaved.text).toMatch(/not\*\* been sent/);
  expect(notSaved.text).toMatch(/call \d/);

  // A resident who opens the chat during the outage can still ask.
  const newcomer = await harness.webchatToken();
  const other = await harness.connect({ token: newcomer.token, webSocket: true });
  expect(metaOf(await ask(other, 'how do I pay my council tax', 'answer')).articleId).toBeDefined();

  store.down = false;
  expect((await fetch(`${harness.url}/readyz`)).status).toBe(200);

  // Once the store is back, the same answers are sent and stored, with a reference.
  const submitted = await ask(client, 'Yes, send it');
  expect(metaOf(submitted)).toMatchObject({ action: 'requestSubmitted', requestType: 'fly-tipping' });
  const reference = String(metaOf(submitted).reference);
  const stored = await harness.app.repositories.requests.findByReference(reference);
  expect(stored).toMatchObject({ requestType: 'fly-tipping' });
  expect(JSON.stringify(stored?.details)).toContain('Mill Road');
});
