import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { type ChannelHarness, startChannelHarness } from '../support/directLineHarness';
import { eventually } from '../support/eventually';
import { HeldDisk } from '../support/heldDisk';
import { silentLogger } from '../support/testBot';

jest.setTimeout(60_000);

const activityRow = z.object({ _id: z.string(), conversationId: z.string(), type: z.string(), activity: z.string() });

describe('the bot starts on a message before it is on disk, and the message is acknowledged only once it is', () => {
  let storeDir: string;
  let disk: HeldDisk;
  let store: EmbeddedDocumentStore;
  let harness: ChannelHarness;
  beforeAll(async () => {
    storeDir = mkdtempSync(path.join(os.tmpdir(), 'channel-disk-'));
    disk = new HeldDisk({ held: false });
    store = new EmbeddedDocumentStore({ dataDir: storeDir, logger: silentLogger, syncLog: disk.sync });
    harness = await startChannelHarness({ dependencies: { store } });
  });
  afterAll(async () => {
    disk.release();
    await harness.close();
    rmSync(storeDir, { recursive: true, force: true });
  });

  test.each([
    ['polling', false],
    ['WebSocket', true],
  ])(
    '%s: the answer is written before the message is on disk; the post is answered and both shown after',
    async (_mode, webSocket) => {
      const { token, conversationId } = await harness.webchatToken();
      const client = await harness.connect({ token, webSocket });
      await client.post({ type: 'event', name: 'webchat/join', value: {} });
      await client.botReplies(1);

      disk.hold();
      let answeredWith: string | undefined;
      const posting = client.say('green bin subscription').then((id) => {
        answeredWith = id;
      });
      // The bot's answer is committed behind the message while the disk still has the message's sync.
      const rows = store.collection('channel_activities', activityRow);
      await eventually(
        async () =>
          (await rows.findMany({ conversationId })).some(
            (row) =>
              row.type === 'message' && JSON.parse(row.activity).from?.role === 'bot' && /garden/i.test(row.activity),
          ),
        { what: "the bot's answer committed" },
      );
      // The message's sync waits a moment to be shared with the one the turn asks for when it saves its state.
      await eventually(() => disk.pending.length > 0, { what: 'the sync asked for' });
      expect(answeredWith).toBeUndefined();
      // Over the WebSocket the committed answer is shown at once (its watermark waits for the disk); a poll reads
      // only what is on disk. Neither client sees its message echoed before the post is answered.
      if (webSocket) await client.botReplies(2);
      else expect(client.botMessages()).toHaveLength(1);
      expect(client.received.some((activity) => activity.text === 'green bin subscription')).toBe(false);

      disk.release();
      await posting;
      expect(answeredWith).toMatch(new RegExp(`^${conversationId}\\|`));
      const [, answer] = await client.botReplies(2);
      expect(answer?.replyToId).toBe(answeredWith);
      await client.waitFor(() => client.received.some((activity) => activity.id === answeredWith), 10_000, 'the echo');
      client.end();
    },
  );

  test('a message and the turn it starts share one sync', async () => {
    const { token } = await harness.webchatToken();
    const client = await harness.connect({ token, webSocket: true });
    await client.post({ type: 'event', name: 'webchat/join', value: {} });
    await client.botReplies(1);
    await store.settled();
    const syncsBefore = disk.syncs;
    const turns = [
      'green bin subscription',
      'bulky waste collection',
      'report a missed bin',
      'council tax bands',
      'library opening hours',
    ];
    for (const [index, text] of turns.entries()) {
      await client.say(text);
      await client.botReplies(index + 2);
    }
    await store.settled();
    // Each message's sync waits to be shared with its turn's: one sync a turn, and the last counts written after it
    // synced soon after (ten when each message had its own).
    expect(disk.syncs - syncsBefore).toBeLessThanOrEqual(turns.length + 2);
    client.end();
  });
});
