import { type ChannelHarness, startChannelHarness } from '../support/directLineHarness';

/**
 * The attack: per-address limits counted each IPv6 address, and a client is usually given a whole /64, so it could
 * take a fresh address for every request and never be limited.
 */
describe('rotating IPv6 addresses within one /64', () => {
  let harness: ChannelHarness;
  beforeAll(async () => {
    harness = await startChannelHarness({ env: { TRUST_PROXY: 'true', RATE_LIMIT_TOKENS_PER_ADDRESS: '3' } });
  });
  afterAll(() => harness.close());

  const token = (address: string) =>
    fetch(`${harness.url}/api/webchat/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: '{}',
    });

  test('counts as one address; another /64 is not affected', async () => {
    const statuses: number[] = [];
    for (let host = 1; host <= 5; host++) statuses.push((await token(`2001:db8:77:1::${host.toString(16)}`)).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect((await token('2001:0db8:0077:0001:abcd:ef01:2345:6789')).status).toBe(429);
    expect((await token('2001:db8:77:2::1')).status).toBe(200);
  });
});
