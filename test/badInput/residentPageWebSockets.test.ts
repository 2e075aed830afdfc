import { type ChannelHarness, startChannelHarness } from '../support/directLineHarness';

/**
 * The attack: the resident pages' Content-Security-Policy allowed `ws:` and `wss:` to any host, so script injected
 * into a resident's page could send what it read over a WebSocket anywhere.
 */
describe('a resident page opening a WebSocket to another host', () => {
  let harness: ChannelHarness;
  beforeAll(async () => {
    harness = await startChannelHarness();
  });
  afterAll(() => harness.close());

  const connectSources = (csp: string) =>
    (/connect-src ([^;]*)/.exec(csp)?.[1] ?? '').split(/\s+/).filter((source) => source !== '');

  test('is not allowed: the chat page connects to its own origin only', async () => {
    const page = await fetch(`${harness.url}/`);
    const sources = connectSources(page.headers.get('content-security-policy') ?? '');
    const own = new URL(harness.url);
    expect(sources).toEqual(["'self'", `ws://${own.host}`]);
  });

  test('is not allowed on the performance page either (it has no chat)', async () => {
    const page = await fetch(`${harness.url}/performance`);
    expect(connectSources(page.headers.get('content-security-policy') ?? '')).toEqual(["'self'"]);
  });
});
