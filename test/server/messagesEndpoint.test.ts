import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { SHIPPED_KNOWLEDGE, silentLogger } from '../support/testBot';

async function startApp(env: Record<string, string> = {}): Promise<{ app: App; url: string }> {
  const DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'messages-'));
  const loaded = loadConfig({ PORT: '0', HOST: '127.0.0.1', KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE, DATA_DIR, ...env });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const created = await createApp(loaded.config, silentLogger);
  if (!created.ok) throw new Error(JSON.stringify(created.problems));
  return { app: created.app, url: await created.app.listen() };
}

function activity(text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: `a-${Math.random()}`,
    text,
    channelId: 'directline',
    from: { id: 'resident-1' },
    recipient: { id: 'bot' },
    conversation: { id: `conv-${Math.random()}` },
    serviceUrl: 'https://directline.botframework.com/',
    ...extra,
  };
}

async function post(url: string, body: unknown, contentType = 'application/json') {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the HTTP server', () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    ({ app, url } = await startApp());
  });
  afterAll(() => app.close(100));

  test('/healthz and /readyz', async () => {
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  test('answers a Direct Line-shaped activity with deliveryMode "expectReplies" in the response', async () => {
    const response = await post(url, activity('what day are the bins', { deliveryMode: 'expectReplies' }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      activities: Array<{ text: string; channelData: { councilBot: { action: string; articleId?: string } } }>;
    };
    expect(body.activities).toHaveLength(1);
    expect(body.activities[0]?.channelData.councilBot).toMatchObject({
      action: 'answer',
      articleId: 'bin-collection-days',
    });
  });

  test('without an app id, replies to a non-loopback service URL are refused', async () => {
    const response = await post(url, activity('hello'));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'forbidden_service_url' });
  });

  test('without an app id, replies to a loopback service URL are refused unless the Emulator is allowed', async () => {
    const response = await post(url, activity('hello', { serviceUrl: 'http://localhost:50123' }));
    expect(response.status).toBe(403);
  });
});

describe('with ALLOW_EMULATOR_LOOPBACK=true (development)', () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    ({ app, url } = await startApp({ ALLOW_EMULATOR_LOOPBACK: 'true' }));
  });
  afterAll(() => app.close(100));

  test('without an app id, replies go to a loopback service URL (the Bot Framework Emulator)', async () => {
    const received: unknown[] = [];
    const channel = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        received.push({ path: req.url, body: JSON.parse(body) });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"1"}');
      });
    });
    await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
    const port = (channel.address() as AddressInfo).port;
    try {
      const response = await post(url, activity('hello', { serviceUrl: `http://127.0.0.1:${port}` }));
      expect(response.status).toBe(200);
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        path: expect.stringMatching(/^\/v3\/conversations\//),
        body: { channelData: { councilBot: { action: 'smallTalk' } } },
      });
    } finally {
      channel.close();
    }
  });

  test.each([
    ['malformed JSON', '{"type": "message",', 'application/json'],
    ['no activity type', '{"text":"hi"}', 'application/json'],
    ['a JSON array', '[1,2,3]', 'application/json'],
  ])('%s gets a 4xx and the server keeps serving', async (_name, body, type) => {
    const response = await post(url, body, type);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  test('an oversized body is refused', async () => {
    const response = await post(url, activity('x'.repeat(300 * 1024), { deliveryMode: 'expectReplies' }));
    expect(response.status).toBe(413);
  });
});

describe('with an Azure Bot Service app id', () => {
  test('requests without a valid JWT are refused', async () => {
    const { app, url } = await startApp({
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'x',
    });
    try {
      const response = await post(url, activity('hello'));
      expect(response.status).toBe(401);
    } finally {
      await app.close(100);
    }
  });
});
