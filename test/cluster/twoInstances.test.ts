import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { MongoClient } from 'mongodb';
import type { Browser, Page } from 'playwright-core';
import { StoreClusterBus } from '../../src/cluster/storeClusterBus';
import { openDocumentStore } from '../../src/storage/openDocumentStore';
import { launchChromium } from '../support/browser';
import { createAccount } from '../support/consoleHarness';
import { type ChannelHarness, type ResidentClient, startChannelHarness } from '../support/directLineHarness';
import { sharedStore } from '../support/sharedStore';
import { metaOf, silentLogger } from '../support/testBot';

jest.setTimeout(120_000);

const CSA = {
  email: 'sam.csa@eastmere.example',
  displayName: 'Sam Jones',
  role: 'csa' as const,
  password: 'sam password 123',
};
const ENV = { CONTACT_CENTRE_HOURS: 'always' };
/** Streams read the store on their own only every minute: what arrives sooner came through the cluster bus. */
const STREAM_POLL_MS = 60_000;

interface Instances {
  a: ChannelHarness;
  b: ChannelHarness;
  close(): Promise<void>;
}

/** Two instances sharing one embedded store in this process, each with its own bus (polling, as without a replica set). */
async function embeddedInstances(): Promise<Instances> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cluster-'));
  const store = sharedStore(await openDocumentStore({ dataDir, mongodbDb: 'council', logger: silentLogger }));
  const instance = () =>
    startChannelHarness({
      env: ENV,
      dependencies: {
        store,
        clusterBus: new StoreClusterBus(store, silentLogger, { pollMs: 100 }),
        streamPollMs: STREAM_POLL_MS,
      },
    });
  const a = await instance();
  const b = await instance();
  return {
    a,
    b,
    close: async () => {
      await a.close();
      await b.close();
      await store.closeShared();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Two instances on the MongoDB at `MONGODB_URI`, each with its own connection: change streams on a replica set. */
async function mongoInstances(uri: string): Promise<Instances> {
  const db = `council_cluster_${process.pid}_${Date.now()}`;
  const instance = () =>
    startChannelHarness({
      env: { ...ENV, MONGODB_URI: uri, MONGODB_DB: db },
      dependencies: { streamPollMs: STREAM_POLL_MS },
    });
  const a = await instance();
  const b = await instance();
  return {
    a,
    b,
    close: async () => {
      await a.close();
      await b.close();
      const client = await MongoClient.connect(uri);
      await client.db(db).dropDatabase();
      await client.close();
    },
  };
}

const backends: Array<[string, () => Promise<Instances>]> = [['one embedded store', embeddedInstances]];
const mongoUri = process.env.MONGODB_URI;
if (mongoUri) backends.push(['MongoDB', () => mongoInstances(mongoUri)]);
else test.skip('two instances on MongoDB: MONGODB_URI is not set', () => undefined);

describe.each(backends)('two instances on %s', (_name, start) => {
  let instances: Instances;
  let browser: Browser;

  beforeAll(async () => {
    instances = await start();
    await createAccount(instances.b.app, CSA);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await instances?.close();
  });

  test('a resident on instance A and a CSA on instance B chat live', async () => {
    const { a, b } = instances;
    expect(a.app.clusterBus?.mode).toMatch(/polling|changeStream/);
    expect(b.app.clusterBus?.instance).not.toBe(a.app.clusterBus?.instance);

    const csa = await (await browser.newContext()).newPage();
    await signIn(csa, b.url);

    const { token } = await a.webchatToken();
    const resident = await a.connect({ token, webSocket: true });
    const queued = await ask(resident, 'I need to talk to a person about my council tax bill', 'handoff');
    expect(metaOf(queued)).toMatchObject({ handoffState: 'queued' });

    // B's queue page hears of the conversation queued on A, and the CSA accepts it.
    const row = csa.getByRole('row').filter({ hasText: 'Council tax' });
    await row.waitFor({ timeout: 15_000 });
    await row.getByRole('button', { name: 'Accept' }).click();
    await csa.getByRole('heading', { name: 'Brief' }).waitFor();

    // The resident's stream on A hears what B stored.
    await resident.waitFor(
      () => resident.botMessages().some((message) => /Sam.*has joined the chat/.test(message.text ?? '')),
      15_000,
      'the CSA joining',
    );

    // What the resident writes on A reaches the CSA's page on B, live.
    await resident.say('my account number is on the bill');
    const transcript = csa.getByRole('list', { name: 'Conversation' });
    await transcript.getByText('my account number is on the bill').waitFor({ timeout: 15_000 });

    // And the CSA's reply from B reaches the resident on A.
    await csa.getByRole('textbox', { name: 'Message' }).fill('Thanks, I can see your account now.');
    await csa.getByRole('button', { name: 'Send', exact: true }).click();
    await resident.waitFor(
      () =>
        resident.received.some((activity) => activity.text?.endsWith('Thanks, I can see your account now.') === true),
      15_000,
      "the CSA's reply",
    );
    await csa.context().close();
  });
});

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/console`);
  await page.getByLabel('Email').fill(CSA.email);
  await page.getByLabel('Password').fill(CSA.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Queue', exact: true }).waitFor();
}

async function ask(client: ResidentClient, text: string, action: string): Promise<Activity> {
  const id = await client.say(text);
  const reply = () =>
    client
      .botMessages()
      .filter((message) => message.replyToId === id && metaOf(message).action === action)
      .at(-1);
  await client.waitFor(() => reply() !== undefined, 15_000, `a reply to ${JSON.stringify(text)}`);
  return reply() as Activity;
}
