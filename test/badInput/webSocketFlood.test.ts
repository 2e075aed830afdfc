import type { WebSocket } from 'ws';
import { type ChannelHarness, startChannelHarness } from '../support/directLineHarness';
import { openWebSocket } from '../support/webSocketUpgrade';

/**
 * The attack: nothing limited how many WebSocket streams one token or one address held open, so a single client
 * could hold thousands (each with its keep-alive timer and store polling) and starve the server.
 */
describe('opening WebSocket streams without end', () => {
  let harness: ChannelHarness;
  const open: WebSocket[] = [];
  beforeAll(async () => {
    harness = await startChannelHarness({
      dependencies: { channelLimits: { maxStreamsPerConversation: 2, maxStreamsPerAddress: 3 } },
    });
  });
  afterAll(async () => {
    for (const socket of open) socket.close();
    await harness.close();
  });

  async function streamUrl(): Promise<string> {
    const { token } = await harness.webchatToken();
    const started = await fetch(`${harness.domain}/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    return ((await started.json()) as { streamUrl: string }).streamUrl;
  }

  async function attempt(url: string): Promise<number | 'open'> {
    const outcome = await openWebSocket(url);
    if ('status' in outcome) return outcome.status;
    open.push(outcome.socket);
    return 'open';
  }

  test('is refused with 429 beyond the streams allowed per token and per address; a closed one frees its place', async () => {
    const first = await streamUrl();
    expect(await attempt(first)).toBe('open');
    expect(await attempt(first)).toBe('open');
    expect(await attempt(first)).toBe(429);
    const second = await streamUrl();
    expect(await attempt(second)).toBe('open');
    const third = await streamUrl();
    expect(await attempt(third)).toBe(429);

    const closing = open.shift();
    if (!closing) throw new Error('no stream to close');
    await new Promise<void>((resolve) => {
      closing.once('close', () => resolve());
      closing.close();
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await attempt(third)).toBe('open');
  });
});
