import { readConversationTranscript } from '../../src/storage/repositories/readConversationTranscript';
import { type ChannelHarness, startChannelHarness } from '../support/directLineHarness';
import { eventually } from '../support/eventually';

jest.setTimeout(30_000);

describe('every activity in and out of a conversation is recorded once, so a CSA can read it all', () => {
  let harness: ChannelHarness;
  beforeAll(async () => {
    harness = await startChannelHarness();
  });
  afterAll(() => harness.close());

  test('a conversation through the Bot Framework endpoint is recorded by the transcript middleware', async () => {
    const conversationId = 'emulator-conversation-1';
    const response = await fetch(`${harness.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'incoming-1',
        text: 'what day are the bins',
        channelId: 'emulator',
        from: { id: 'resident-1' },
        recipient: { id: 'bot' },
        conversation: { id: conversationId },
        serviceUrl: 'https://example.org',
        deliveryMode: 'expectReplies',
      }),
    });
    expect(response.status).toBe(200);
    const { repositories } = harness.app;
    await eventually(async () => (await repositories.transcripts.listByConversation(conversationId)).length >= 2);
    const transcript = await readConversationTranscript(repositories, conversationId);
    expect(transcript.map((entry) => [entry.direction, entry.type])).toEqual([
      ['incoming', 'message'],
      ['outgoing', 'message'],
    ]);
    expect(transcript[0]?.activity.text).toBe('what day are the bins');
    expect(transcript[1]?.activity.channelData).toMatchObject({ councilBot: { action: 'answer' } });
  });

  test('a web chat conversation is read from the channel’s own record and not stored twice', async () => {
    const { token, conversationId } = await harness.webchatToken();
    const client = await harness.connect({ token, webSocket: true });
    await client.say('how do I pay my council tax');
    await client.botReplies(2);
    client.end();
    const { repositories } = harness.app;
    const transcript = await readConversationTranscript(repositories, conversationId);
    expect(transcript.map((entry) => entry.direction)).toEqual(['outgoing', 'incoming', 'outgoing']);
    expect(transcript[1]?.activity.text).toBe('how do I pay my council tax');
    expect(await repositories.transcripts.listByConversation(conversationId)).toEqual([]);
  });
});
