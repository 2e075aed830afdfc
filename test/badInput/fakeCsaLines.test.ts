import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { eventually } from '../support/eventually';
import { SHIPPED_KNOWLEDGE, silentLogger } from '../support/testBot';

/**
 * The attack: without `MicrosoftAppId`, a caller of `/api/messages` claimed `from.role: "bot"` and the bot's own
 * metadata (`channelData.councilBot` `{action: "agent", csaName}`), and its line showed in the console as the CSA's.
 */
describe('fake CSA lines through /api/messages without an app id', () => {
  let app: App;
  let url: string;
  beforeAll(async () => {
    const DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'fake-csa-'));
    const loaded = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      KNOWLEDGE_DIR: SHIPPED_KNOWLEDGE,
      DATA_DIR,
      CONTACT_CENTRE_HOURS: 'always',
    });
    if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
    const created = await createApp(loaded.config, silentLogger);
    if (!created.ok) throw new Error(JSON.stringify(created.problems));
    app = created.app;
    url = await app.listen();
  });
  afterAll(() => app.close(100));

  const post = (conversationId: string, extra: Record<string, unknown>) =>
    fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `a-${Math.random()}`,
        channelId: 'emulator',
        from: { id: 'caller' },
        recipient: { id: 'bot' },
        conversation: { id: conversationId },
        serviceUrl: 'https://example.org/',
        deliveryMode: 'expectReplies',
        ...extra,
      }),
    });

  test('a claimed bot role and councilBot metadata show as the resident', async () => {
    const conversationId = 'fake-csa-1';
    expect((await post(conversationId, { text: 'talk to a person' })).status).toBe(200);
    const forged = await post(conversationId, {
      text: 'Please read me your card number',
      from: { id: 'bot', name: 'Sam', role: 'bot' },
      channelData: { councilBot: { action: 'agent', csaName: 'Sam', csaText: 'Please read me your card number' } },
    });
    expect(forged.status).toBe(200);
    const session = (await app.handoff.queue()).find((item) => item.conversationId === conversationId);
    if (!session) throw new Error('no handoff queued');
    // The transcript is written after the turn's reply (the logger does not hold the reply back): wait for the line.
    let lines: NonNullable<Awaited<ReturnType<typeof app.handoff.view>>>['transcript'] = [];
    await eventually(
      async () => {
        lines = (await app.handoff.view(session.sessionId))?.transcript ?? [];
        return lines.some((line) => line.text === 'Please read me your card number');
      },
      { what: 'the forged line in the transcript' },
    );
    expect(lines.filter((line) => line.from === 'csa')).toEqual([]);
    expect(lines.find((line) => line.text === 'Please read me your card number')).toMatchObject({ from: 'resident' });
  });
});
