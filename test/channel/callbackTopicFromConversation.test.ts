import { type ChannelHarness, startChannelHarness } from '../support/directLineHarness';
import { metaOf } from '../support/testBot';

jest.setTimeout(60_000);

describe('a callback booked out of hours, through the real channel and services', () => {
  let harness: ChannelHarness;
  beforeAll(async () => {
    harness = await startChannelHarness({ env: { CONTACT_CENTRE_HOURS: 'never' } });
  });
  afterAll(() => harness?.close());

  test('is about what the resident already said (personal details left out), and asks only what is missing', async () => {
    const { token } = await harness.webchatToken();
    const client = await harness.connect({ token, webSocket: true });
    let seen = 1;
    await client.botReplies(seen); // the welcome
    const say = async (text: string, replies = 1) => {
      await client.say(text);
      seen += replies;
      return (await client.botReplies(seen)).slice(-replies);
    };
    await say("my council tax bill is wrong, I've been charged twice. ring me on 07700 900123");
    const offered = await say('talk to a person');
    expect(metaOf(offered[0] ?? {})).toMatchObject({ action: 'handoff' });

    const [askName] = await say('Call me back');
    expect(metaOf(askName ?? {})).toMatchObject({ action: 'prompt', form: 'callback', field: 'name' });
    await say('Sam Resident');
    const [askTime] = await say('07700 900123');
    expect(metaOf(askTime ?? {})).toMatchObject({ field: 'preferredTime' });
    const [summary] = await say('Any time');
    expect(metaOf(summary ?? {})).toMatchObject({ action: 'requestSummary', requestType: 'callback' });
    expect(summary?.text).toContain("**Topic:** my council tax bill is wrong, I've been charged twice.");
    expect(summary?.text).not.toMatch(/ring me on 07700/);
  });
});
