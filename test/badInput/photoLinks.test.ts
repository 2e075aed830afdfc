import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { type ChannelHarness, type ResidentClient, startChannelHarness } from '../support/directLineHarness';
import { metaOf } from '../support/testBot';
import { PNG } from './support/badInputHarness';

/**
 * The attack: the photo step took any link. Another conversation's upload path was then served by the staff API
 * under this request, and an outside https link was passed to the CRM as the resident's photo.
 */
describe('the photo step takes only this conversation’s own uploads', () => {
  let harness: ChannelHarness;
  let photoServer: Server;
  let photoUrl: string;
  beforeAll(async () => {
    photoServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG.length });
      res.end(PNG);
    });
    photoServer.listen(0, '127.0.0.1');
    await once(photoServer, 'listening');
    photoUrl = `http://127.0.0.1:${(photoServer.address() as AddressInfo).port}/lane.png`;
    harness = await startChannelHarness();
  });
  afterAll(async () => {
    await harness.close();
    await new Promise((resolve) => photoServer.close(resolve));
  });

  /** Posts an activity straight to the channel, as a script would (the official client would upload the link). */
  async function postRaw(token: string, conversationId: string, activity: Record<string, unknown>): Promise<string> {
    const response = await fetch(`${harness.domain}/conversations/${conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: 'x' }, ...activity }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { id: string }).id;
  }

  async function answerTo(client: ResidentClient, id: string): Promise<Activity> {
    const answer = () =>
      client
        .botMessages()
        .filter((reply) => reply.replyToId === id && metaOf(reply).action !== 'help')
        .at(-1);
    await client.waitFor(() => answer() !== undefined, 15_000, 'the bot’s answer');
    const found = answer();
    if (!found) throw new Error('no answer');
    return found;
  }

  async function toPhotoStep(client: ResidentClient): Promise<void> {
    for (const text of [
      'report fly tipping',
      'Back lane behind 4 Mill Road',
      'EM1 2AB',
      'Furniture or mattresses',
      'A small van load',
    ]) {
      await answerTo(client, await client.say(text));
    }
  }

  test('another conversation’s upload path and an outside https link are refused; an own upload is taken', async () => {
    const victim = await harness.webchatToken();
    const victimClient = await harness.connect({ token: victim.token, webSocket: false });
    await victimClient.post({
      type: 'message',
      text: '',
      attachments: [{ contentType: 'image/png', contentUrl: photoUrl, name: 'private.png' }],
    });
    await victimClient.waitFor(() =>
      victimClient.received.some((activity) => (activity.attachments ?? []).some((a) => a.contentUrl)),
    );
    const victimUpload = victimClient.received
      .flatMap((activity) => activity.attachments ?? [])
      .map((attachment) => attachment.contentUrl)
      .find((url) => url !== undefined);
    if (!victimUpload) throw new Error('the victim’s photo was not uploaded');
    const victimPath = new URL(victimUpload).pathname;

    for (const contentUrl of [victimPath, 'https://evil.example/phish.png']) {
      const attacker = await harness.webchatToken();
      const client = await harness.connect({ token: attacker.token, webSocket: false });
      await toPhotoStep(client);
      const id = await postRaw(attacker.token, attacker.conversationId, {
        type: 'message',
        text: '',
        attachments: [{ contentType: 'image/png', contentUrl, name: 'photo.png' }],
      });
      expect(metaOf(await answerTo(client, id))).toMatchObject({ action: 'prompt', field: 'photo' });
    }
    const resident = await harness.webchatToken();
    const client = await harness.connect({ token: resident.token, webSocket: false });
    await toPhotoStep(client);
    const own = await client.post({
      type: 'message',
      text: '',
      attachments: [{ contentType: 'image/png', contentUrl: photoUrl, name: 'lane.png' }],
    });
    expect(metaOf(await answerTo(client, own))).toMatchObject({ field: 'email' });
  });
});
