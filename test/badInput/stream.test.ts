import { openWebSocket } from '../support/webSocketUpgrade';
import { type BadInputHarness, type Conversation, startBadInputHarness } from './support/badInputHarness';

jest.setTimeout(60_000);

/** The WebSocket stream of a conversation: its URL with `t`, as `POST conversations` gives it. */
async function streamUrl(harness: BadInputHarness, conversation: Conversation): Promise<string> {
  const started = await harness.send('/v3/directline/conversations', {
    method: 'POST',
    headers: { authorization: `Bearer ${conversation.token}` },
  });
  return String(JSON.parse(started.text).streamUrl);
}

describe('the WebSocket stream with bad input', () => {
  let harness: BadInputHarness;

  beforeAll(async () => {
    harness = await startBadInputHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  test('a bad watermark, an unknown or hostile conversation id and no token are refused before the socket opens', async () => {
    const conversation = await harness.conversation();
    const url = new URL(await streamUrl(harness, conversation));
    const variants: Array<[string, (target: URL) => void, number]> = [
      ['a watermark that is not one', (target) => target.searchParams.set('watermark', '<script>'), 400],
      ['no token', (target) => target.searchParams.delete('t'), 401],
      ['a forged token', (target) => target.searchParams.set('t', 'a.b.c'), 403],
      [
        'an id with markup',
        (target) => (target.pathname = target.pathname.replace(conversation.conversationId, '%3Cscript%3E')),
        404,
      ],
      [
        'an id of 5,000 characters',
        (target) => (target.pathname = target.pathname.replace(conversation.conversationId, 'a'.repeat(5000))),
        404,
      ],
    ];
    for (const [name, change, status] of variants) {
      const target = new URL(url);
      change(target);
      const refused = await openWebSocket(target.toString());
      if (!('status' in refused)) throw new Error(`${name}: the stream opened`);
      expect({ name, status: refused.status }).toEqual({ name, status });
      expect(refused.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  test('a frame over 4 KB closes that socket only; small frames from the client are ignored', async () => {
    const conversation = await harness.conversation();
    const opened = await openWebSocket(await streamUrl(harness, conversation));
    if (!('socket' in opened)) throw new Error('the stream did not open');
    const { socket } = opened;
    for (let i = 0; i < 50; i++) socket.send(`{"type":"message","text":"<script>${i}</script>"}`);
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send(Buffer.alloc(64 * 1024, 0x61));
    expect(await closed).toBe(1009);
    // The frames were not messages: nothing was posted to the conversation.
    const stored = await harness.channel.app.repositories.conversations.listActivities(conversation.conversationId);
    expect(JSON.stringify(stored)).not.toContain('<script>');
    await harness.expectStillServing();
  });
});
