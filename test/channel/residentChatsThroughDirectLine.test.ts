import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { type ChannelHarness, type ResidentClient, startChannelHarness } from '../support/directLineHarness';
import { metaOf } from '../support/testBot';

jest.setTimeout(60_000);

/** A 1×1 PNG: what a resident's photo of fly-tipping looks like to the channel. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const residentMessages = (client: ResidentClient): Activity[] =>
  client.received.filter((activity) => activity.type === 'message' && activity.from.role !== 'bot');

describe.each([
  ['polling', false],
  ['WebSocket', true],
])('a resident chats through the Direct Line channel with the official client (%s)', (_mode, webSocket) => {
  let harness: ChannelHarness;
  beforeAll(async () => {
    harness = await startChannelHarness();
  });
  afterAll(async () => {
    await harness.close();
  });

  test('welcome, a question with its cited answer, and a clarification chosen by button', async () => {
    const { token, userId } = await harness.webchatToken();
    const client = await harness.connect({ token, webSocket });
    await client.post({ type: 'event', name: 'webchat/join', value: {} });
    const [welcome] = await client.botReplies(1);
    expect(metaOf(welcome ?? {}).action).toBe('welcome');
    expect(welcome?.text).toMatch(/automated assistant/);

    const sentId = await client.post({
      type: 'message',
      text: 'green bin subscription',
      channelData: { clientActivityID: 'resident-1' },
    });
    const [, answer] = await client.botReplies(2);
    expect(metaOf(answer ?? {})).toMatchObject({ action: 'answer', articleId: 'garden-waste' });
    expect(answer?.text).toContain('https://www.eastmere.example/');
    expect(answer?.replyToId).toBe(sentId);
    // The reply is shown once committed, and may overtake the echo of the message still reaching the disk.
    await client.waitFor(() => residentMessages(client).some((activity) => activity.id === sentId));
    const echo = residentMessages(client).find((activity) => activity.id === sentId);
    expect(echo?.channelData).toMatchObject({ clientActivityID: 'resident-1' });
    expect(echo?.from.id).toBe(userId);

    await client.say('parking');
    const clarify = (await client.botReplies(3))[2];
    expect(metaOf(clarify ?? {})).toMatchObject({ action: 'clarify' });
    const buttons = clarify?.suggestedActions?.actions ?? [];
    const permits = buttons.find((action) => /permit/i.test(String(action.title)));
    expect(permits).toBeDefined();
    await client.post({ type: 'message', text: String(permits?.value) });
    const chosen = (await client.botReplies(4))[3];
    expect(metaOf(chosen ?? {})).toMatchObject({ action: 'answer', articleId: 'parking-permits' });
    client.end();
  });

  test('a reconnecting client resumes from its watermark, and after a server restart from the start', async () => {
    const { token, conversationId } = await harness.webchatToken();
    const first = await harness.connect({ token, webSocket });
    await first.say('where is my polling station');
    const [, answer] = await first.botReplies(2);
    const watermark = await first.watermarkCovering(answer);
    const seenBefore = first.received.length;
    first.end();

    const again = await harness.webchatToken(token);
    expect(again.conversationId).toBe(conversationId);
    const second = await harness.connect({ token: again.token, conversationId, watermark, webSocket });
    await second.say('thank you');
    await second.botReplies(1);
    // Right after an answer, "thank you" answers its "Was this helpful?".
    expect(second.botMessages().map((activity) => metaOf(activity))).toEqual([
      expect.objectContaining({ action: 'feedbackRecorded', helpful: true }),
    ]);
    expect(second.received.map((activity) => activity.text)).not.toContain('where is my polling station');
    expect(second.received.length).toBeLessThan(seenBefore + 3);
    second.end();

    await harness.restart();
    const afterRestart = await harness.connect({ token: again.token, conversationId, watermark: '0', webSocket });
    await afterRestart.botReplies(3);
    expect(afterRestart.received.map((activity) => activity.text)).toEqual(
      expect.arrayContaining(['where is my polling station', 'thank you']),
    );
    await afterRestart.say('what day are the bins');
    const replies = await afterRestart.botReplies(4);
    expect(metaOf(replies[3] ?? {}).action).toBe('answer');
    afterRestart.end();
  });

  test('a photo is uploaded with the message and can be fetched back from the link the client receives', async () => {
    const photoServer = await servePhoto();
    try {
      const { token } = await harness.webchatToken();
      const client = await harness.connect({ token, webSocket });
      const id = await client.post({
        type: 'message',
        text: 'rubbish dumped in the lane',
        attachments: [{ contentType: 'image/png', contentUrl: photoServer.url, name: 'lane.png' }],
      });
      await client.waitFor(() => residentMessages(client).some((activity) => activity.id === id));
      const echo = residentMessages(client).find((activity) => activity.id === id);
      const [attachment] = echo?.attachments ?? [];
      expect(attachment).toMatchObject({ contentType: 'image/png', name: 'lane.png' });
      expect(attachment?.contentUrl).toMatch(new RegExp(`^${harness.url}/v3/directline/attachments/`));
      const fetched = await fetch(attachment?.contentUrl ?? '');
      expect(fetched.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await fetched.arrayBuffer())).toEqual(PHOTO);
      client.end();
    } finally {
      await photoServer.close();
    }
  });
});

/** Where the client fetches the photo from before uploading it (in a browser, a `blob:` URL). */
async function servePhoto(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': PHOTO.length });
    res.end(PHOTO);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/lane.png`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
