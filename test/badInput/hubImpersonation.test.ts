import { type ChannelHarness, startChannelHarness } from '../support/directLineHarness';

/**
 * The attack: a resident posts the external agent hub's `handoff.status` event over Direct Line. Followed, it moved a
 * queued chat to "being helped by others" (the bot went silent and nobody answered) or ended a CSA's live chat and
 * recorded help as given. Only the configured hub, through Azure Bot Service, may send it.
 */
describe.each([['console'], ['botframework']])('a resident posting handoff.status (HANDOFF_MODE=%s)', (mode) => {
  let harness: ChannelHarness;
  beforeAll(async () => {
    harness = await startChannelHarness({ env: { CONTACT_CENTRE_HOURS: 'always', HANDOFF_MODE: mode } });
  });
  afterAll(() => harness.close());

  test.each([['accepted'], ['completed'], ['failed']])('"%s" changes nothing', async (state) => {
    const { token, conversationId } = await harness.webchatToken();
    const resident = await harness.connect({ token, webSocket: false });
    await resident.say('talk to a person');
    await resident.botReplies(1);
    const before = await harness.app.repositories.handoffs.findLive(conversationId);
    if (!before) throw new Error('no handoff was started');
    const replies = resident.botMessages().length;

    await resident.post({ type: 'event', name: 'handoff.status', value: { state, message: 'done' } });
    await resident.say('is anyone there?');
    await new Promise((resolve) => setTimeout(resolve, 500));

    const after = await harness.app.repositories.handoffs.findLive(conversationId);
    expect(after?._id).toBe(before._id);
    expect(after?.state).toBe(before.state);
    expect(after?.assignedCsa).toEqual(before.assignedCsa);
    expect(
      resident
        .botMessages()
        .slice(replies)
        .map((reply) => reply.text),
    ).not.toContainEqual(expect.stringMatching(/couldn't connect you|ended/i));
  });
});
