import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { SHIPPED_KNOWLEDGE, silentLogger } from '../support/testBot';

/**
 * The attack: without `MicrosoftAppId` anyone may post to `/api/messages`. With `deliveryMode: "expectReplies"` the
 * answer comes in the response, but a handoff kept the caller's `serviceUrl`, so the CSA's messages (or the "waited
 * too long" offer) were later POSTed wherever the caller chose, including services on the server's own machine.
 */
describe('server-side request forgery through /api/messages without an app id', () => {
  let sink: http.Server;
  let sinkPort = 0;
  const received: string[] = [];
  let app: App;
  let url: string;
  let now = new Date('2026-12-02T10:00:00Z');

  beforeAll(async () => {
    sink = http.createServer((req, res) => {
      received.push(`${req.method ?? ''} ${req.url ?? ''}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    sinkPort = (sink.address() as AddressInfo).port;
    const DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'ssrf-'));
    const loaded = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
      DATA_DIR,
      CONTACT_CENTRE_HOURS: 'always',
      HANDOFF_MAX_WAIT_MINUTES: '1',
    });
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const created = await createApp(loaded.config, silentLogger, { clock: () => now });
    if (!created.ok) throw new Error(JSON.stringify(created.problems));
    app = created.app;
    url = await app.listen();
  });
  afterAll(async () => {
    await app.close(100);
    sink.close();
  });

  const hostile = () => [
    `http://127.0.0.1:${sinkPort}/admin/exec?cmd=`,
    `http://localhost:${sinkPort}/`,
    `http://0.0.0.0:${sinkPort}/x?`,
    `http://0x7f000001:${sinkPort}/`,
    `http://2130706433:${sinkPort}/`,
    `http://127.1:${sinkPort}/`,
  ];

  function post(serviceUrl: string, text: string, conversationId: string, expectReplies: boolean) {
    return fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `a-${Math.random()}`,
        text,
        channelId: 'emulator',
        from: { id: `caller-${conversationId}` },
        recipient: { id: 'bot' },
        conversation: { id: conversationId },
        serviceUrl,
        ...(expectReplies ? { deliveryMode: 'expectReplies' } : {}),
      }),
    });
  }

  test('replies to a hostile service URL are refused; with expectReplies they come in the response only', async () => {
    for (const [index, serviceUrl] of hostile().entries()) {
      expect((await post(serviceUrl, 'hello', `direct-${index}`, false)).status).toBe(403);
      const answered = await post(serviceUrl, 'what day are the bins', `answered-${index}`, true);
      expect(answered.status).toBe(200);
      const body = (await answered.json()) as { activities: unknown[] };
      expect(body.activities.length).toBeGreaterThan(0);
    }
    expect(received).toEqual([]);
  });

  test('a queued handoff never messages the caller: not the CSA, not "waited too long"', async () => {
    const conversations = hostile().map((serviceUrl, index) => ({ serviceUrl, id: `handoff-${index}` }));
    for (const { serviceUrl, id } of conversations) {
      expect((await post(serviceUrl, 'talk to a person', id, true)).status).toBe(200);
    }
    const queue = await app.handoff.queue();
    const ours = queue.filter((item) => conversations.some(({ id }) => item.conversationId === id));
    expect(ours).toHaveLength(conversations.length);

    now = new Date(now.getTime() + 5 * 60_000);
    await app.handoff.offerCallbacksAfterLongWaits();

    const csa = { id: 'csa-1', displayName: 'Sam Jones', role: 'csa' as const };
    const first = ours[0];
    if (!first) throw new Error('no session queued');
    expect((await app.handoff.accept(first.sessionId, csa)).ok).toBe(true);
    const sent = await app.handoff.sendMessage(first.sessionId, csa, 'Hello, how can I help?');
    expect(sent.ok).toBe(false);
    await app.handoff.end(first.sessionId, csa);

    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toEqual([]);
  });
});
