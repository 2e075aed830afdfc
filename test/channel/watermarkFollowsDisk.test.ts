import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TurnContext } from 'botbuilder';
import { WebSocket } from 'ws';
import { z } from 'zod';
import { DirectLineAdapter } from '../../src/channel/directline/directLineAdapter';
import { LiveFeed } from '../../src/channel/directline/liveFeed';
import { ActivityStream } from '../../src/channel/directline/stream/activityStream';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { ConversationLog } from '../../src/storage/repositories/conversationLog';
import { eventually } from '../support/eventually';
import { HeldDisk } from '../support/heldDisk';
import { silentLogger } from '../support/testBot';

/** The server's end of a WebSocket, keeping every frame sent. */
class RecordingSocket extends EventEmitter {
  readonly readyState = WebSocket.OPEN;
  readonly bufferedAmount = 0;
  readonly frames: Array<{ activities: Array<{ id: string; text?: string }>; watermark?: string }> = [];
  send(data: string): void {
    this.frames.push(JSON.parse(data));
  }
  ping(): void {}
  close(): void {}
  terminate(): void {}
}

describe('a WebSocket client sees a reply once committed, and its watermark once the reply is on disk', () => {
  let dataDir: string;
  let disk: HeldDisk;
  let store: EmbeddedDocumentStore;
  let log: ConversationLog;
  let feed: LiveFeed;
  let adapter: DirectLineAdapter;
  const conversationId = 'conversation-watermarks';
  const streamFor = (watermark: number) => {
    const socket = new RecordingSocket();
    const stream = new ActivityStream(socket as unknown as WebSocket, {
      conversationId,
      watermark,
      log,
      feed,
      present: (json) => json,
      maxActivitiesPerRead: 100,
      keepAliveMs: 60_000,
      pollMs: 0,
      logger: silentLogger,
      onClose: () => undefined,
    });
    stream.start();
    return { socket, stream };
  };

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'stream-disk-'));
    disk = new HeldDisk({ held: false });
    store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger, syncLog: disk.sync });
    log = new ConversationLog(store, () => new Date());
    feed = new LiveFeed();
    adapter = new DirectLineAdapter({ log, feed, clock: () => new Date() });
  });
  afterEach(async () => {
    disk.release();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const turnActivity = {
    type: 'message',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'resident', name: '' },
    recipient: { id: 'bot', name: 'Council assistant' },
  };

  test('the reply is shown at once without a watermark, the turn ends once it is on disk, then its watermark follows alone', async () => {
    const { socket, stream } = streamFor(0);
    disk.hold();
    let ended = false;
    const turn = adapter
      .processActivity(turnActivity, async (context) => {
        await context.sendActivity('Your bin will be collected tomorrow.');
      })
      .then(() => {
        ended = true;
      });
    await eventually(() => socket.frames.length === 1, { what: 'the reply shown' });
    expect(socket.frames[0]?.activities.map((activity) => activity.text)).toEqual([
      'Your bin will be collected tomorrow.',
    ]);
    expect(socket.frames[0]?.watermark).toBeUndefined();
    // The turn's end asks for the sync at once, and waits for it.
    await eventually(() => disk.pending.length > 0, { what: 'the sync asked for' });
    expect(ended).toBe(false);

    // A client connecting now, from the start, is not given the reply before it is on disk.
    const late = streamFor(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(late.socket.frames).toEqual([]);
    expect(ended).toBe(false);

    disk.release();
    await turn;
    await eventually(() => socket.frames.length === 2 && late.socket.frames.length === 1, {
      what: 'the watermark and the late client',
    });
    expect(socket.frames[1]).toEqual({ activities: [], watermark: '1' });
    expect(late.socket.frames[0]?.watermark).toBe('1');
    expect(late.socket.frames[0]?.activities.map((activity) => activity.id)).toEqual([`${conversationId}|0000001`]);
    stream.close();
    late.stream.close();
  });

  test('a reply and the durable write its turn makes after it share one sync', async () => {
    const { socket, stream } = streamFor(0);
    const notes = store.collection('turn_notes', z.object({ _id: z.string(), step: z.number() }));
    await notes.insertOne({ _id: 'before', step: 0 });
    const syncsBefore = disk.syncs;
    disk.hold();
    const turn = adapter.processActivity(turnActivity, async (context) => {
      await context.sendActivity('Which street is the bin on?');
      // As the bot state saved at the end of a turn: it resolves only once on disk.
      await notes.insertOne({ _id: 'state', step: 1 });
    });
    await eventually(() => disk.pending.length === 1, { what: 'one sync asked for' });
    expect(socket.frames).toHaveLength(1);
    disk.release();
    await turn;
    expect(disk.syncs - syncsBefore).toBe(1);
    await eventually(() => socket.frames.length === 2, { what: 'the watermark' });
    expect(socket.frames[1]).toEqual({ activities: [], watermark: '1' });
    stream.close();
  });

  test('a reply whose turn goes on without writing is synced within a moment, before the turn ends', async () => {
    disk.hold();
    let ended = false;
    let replied = false;
    const turn = adapter
      .processActivity(turnActivity, async (context) => {
        await context.sendActivity('One moment.');
        replied = true;
        // The turn goes on (as while it waits for a search) without writing anything itself.
        await new Promise((resolve) => setTimeout(resolve, 400));
      })
      .then(() => {
        ended = true;
      });
    await eventually(() => replied, { what: 'the reply sent' });
    const waited = await eventually(() => disk.pending.length === 1, { what: "the reply's own sync", everyMs: 5 });
    expect(waited).toBeLessThan(300);
    expect(ended).toBe(false);
    disk.release();
    await turn;
    expect(ended).toBe(true);
  });

  test("a reply may overtake the echo of the resident's message still reaching the disk; the watermark waits for both", async () => {
    const { socket, stream } = streamFor(0);
    disk.hold();
    // The resident's message, committed and not yet on disk, so not yet shown (the channel shows it once settled).
    await log.append(
      conversationId,
      (id) => ({ id, type: 'message', text: 'when is my bin day', from: { id: 'resident', role: 'user' } }),
      { acknowledge: 'committed' },
    );
    const context = new TurnContext(adapter, {
      type: 'message',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: 'resident', name: '' },
      recipient: { id: 'bot', name: 'Council assistant' },
    });
    const sending = context.sendActivity('Tuesday.');
    await eventually(() => socket.frames.length === 1, { what: 'the reply shown' });
    expect(socket.frames[0]).toEqual({ activities: [expect.objectContaining({ text: 'Tuesday.' })] });

    disk.release();
    await sending;
    await eventually(() => socket.frames.length === 2, { what: 'the message and the watermark' });
    expect(socket.frames[1]).toEqual({
      activities: [expect.objectContaining({ text: 'when is my bin day' })],
      watermark: '2',
    });
    stream.close();
  });
});
