import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { Open311Client } from '../../src/open311/open311Client';
import { Open311Links } from '../../src/open311/open311Links';
import { createOpen311Sender } from '../../src/open311/open311Sender';
import { CLOSED_WITHOUT_NOTES, Open311StatusPoller } from '../../src/open311/open311StatusPoller';
import { SERVICE_CODES_FILE } from '../../src/open311/startOpen311';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import type { OutboxMessage } from '../../src/storage/repositories/outboxRepository';
import { Open311Server } from '../support/open311Server';
import { TempKnowledge } from '../support/tempKnowledge';
import { silentLogger } from '../support/testBot';

const SETTINGS = { apiKey: 'key', jurisdictionId: 'eastmere.example' };

describe('Open311 GeoReport v2', () => {
  const backOffice = new Open311Server({ ...SETTINGS, serviceCodes: ['missed-bin', 'fly-tipping'] });
  let dataDir: string;
  let store: EmbeddedDocumentStore;
  beforeAll(() => backOffice.start());
  afterAll(() => backOffice.close());
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'open311-'));
    store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('at start, a request type mapped to a code services.json does not list stops start-up, naming both', async () => {
    const kb = new TempKnowledge({ copyArticles: true });
    try {
      const loaded = loadConfig({
        PORT: '0',
        KNOWLEDGE_DIR: kb.dir,
        DATA_DIR: path.join(dataDir, 'app'),
        OPEN311_ENDPOINT: backOffice.endpoint,
        OPEN311_API_KEY: 'key',
        OPEN311_JURISDICTION_ID: 'eastmere.example',
      });
      if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
      // The shipped sample maps six types; this back office lists two.
      const created = await createApp(loaded.config, silentLogger);
      expect(created.ok).toBe(false);
      if (created.ok) return;
      expect(created.problems).toContainEqual({
        file: SERVICE_CODES_FILE,
        problem:
          'request type "street-cleansing" maps to service code "street-cleansing", which the back office\'s services.json does not list',
      });
    } finally {
      kb.remove();
    }
  });

  test('a back office answering with a token: the id is fetched from tokens/{token}.json, then the status', async () => {
    backOffice.answerWithToken = true;
    const client = new Open311Client({ endpoint: backOffice.endpoint, ...SETTINGS });
    const links = new Open311Links(store, () => new Date('2026-12-07T10:00:00Z'));
    await links.ensureIndexes();
    const send = createOpen311Sender({ client, links, clock: () => new Date('2026-12-07T10:00:05Z') });
    const message: OutboxMessage = {
      _id: 'open311:SR-1',
      channel: 'open311',
      to: client.url('requests.json'),
      body: JSON.stringify({
        fields: { service_code: 'missed-bin', address_id: '100091000001', description: 'Missed bin' },
        submittedAt: '2026-12-07T10:00:00Z',
      }),
      requestReference: 'SR-1',
      status: 'sending',
      attempts: 1,
      maxAttempts: 3,
      nextAttemptAt: new Date(),
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    expect(await send(message)).toEqual({ ok: true });
    expect(await links.find('SR-1')).toMatchObject({ token: 'token-0', status: 'open' });
    expect(backOffice.posts.at(-1)?.fields.get('address_id')).toBe('100091000001');

    const updates: { reference: string; status: string; note?: string }[] = [];
    const poller = new Open311StatusPoller({
      client,
      links,
      requests: {
        updateStatus: async (change) => {
          updates.push(change);
          return { ok: false, reason: 'notFound' };
        },
      },
      logger: silentLogger,
      pollMs: 60_000,
      clock: () => new Date(),
    });
    expect(await poller.runOnce()).toEqual([]);
    expect(await links.find('SR-1')).toMatchObject({ serviceRequestId: backOffice.records.at(-1)?.id });
    backOffice.closeRequest(backOffice.records.at(-1)?.id ?? '', '');
    await poller.runOnce();
    expect(updates).toEqual([
      { reference: 'SR-1', status: 'resolved', note: CLOSED_WITHOUT_NOTES, actor: { kind: 'system', id: 'open311' } },
    ]);
    expect(await links.find('SR-1')).toMatchObject({ status: 'closed' });
    backOffice.answerWithToken = false;
  });

  test('a refusal is a failed attempt naming the spec error, for the outbox to retry', async () => {
    const client = new Open311Client({
      endpoint: backOffice.endpoint,
      apiKey: 'wrong',
      jurisdictionId: 'eastmere.example',
    });
    expect(await client.postRequest({ service_code: 'missed-bin', address_string: 'x' })).toEqual({
      ok: false,
      problem: 'HTTP 403: api_key is not valid',
    });
  });
});
