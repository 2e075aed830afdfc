import { type ChannelHarness, startChannelHarness } from '../support/directLineHarness';
import { metaOf } from '../support/testBot';

jest.setTimeout(60_000);

describe('a safeguarding concern nobody can take now (closed, or no CSA signed in), through the real channel and services', () => {
  let harness: ChannelHarness;
  beforeAll(async () => {
    harness = await startChannelHarness({ env: { CONTACT_CENTRE_HOURS: 'Mon-Fri 09:00-17:00' } });
  });
  afterAll(() => harness?.close());

  test('the numbers, never a callback alone, and a follow-up recorded for the next opening, with the brief', async () => {
    const { app } = harness;
    const { token, conversationId } = await harness.webchatToken();
    const client = await harness.connect({ token, webSocket: true });
    await client.botReplies(1); // the welcome
    await client.say("the little boy next door is left home alone for days and isn't being fed");
    const replies = (await client.botReplies(3)).slice(1);
    expect(replies.map((reply) => metaOf(reply).action)).toEqual(['urgent', 'handoff']);
    const [numbers, routing] = replies;
    expect(numbers?.text).toMatch(/0808 800 5000/);
    const followUp = metaOf(routing ?? {}).followUp;
    // Whatever the hour the test runs, nobody is free (no CSA has signed in): a follow-up is recorded either way.
    expect(followUp).toMatchObject({ urgentCategory: 'child', reference: expect.stringMatching(/^SR-/) });
    expect(routing?.text).toMatch(/follow up/);
    expect(routing?.text).not.toMatch(/I can book a callback for you/);

    const reference = typeof followUp === 'object' && followUp && 'reference' in followUp ? followUp.reference : '';
    const stored = await app.repositories.requests.findByReference(String(reference));
    expect(stored).toMatchObject({ requestType: 'callback', conversationId, details: { safeguarding: 'child' } });
    const session = await app.repositories.handoffs.findByRequest(String(reference));
    expect(session).toMatchObject({ priority: 'urgent', urgentCategory: 'child' });
    expect(session?.brief?.residentWords).toEqual([
      "the little boy next door is left home alone for days and isn't being fed",
    ]);
  });
});
