import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TurnContext } from 'botbuilder';
import { WebSocket } from 'ws';
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

  test('the reply is shown at once without a watermark, then its watermark follows alone', async () => {
    const { socket, stream } = streamFor(0);
    disk.hold();
    const context = new TurnContext(adapter, {
      type: 'message',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: 'resident', name: '' },
      recipient: { id: 'bot', name: 'Council assistant' },
    });
    let sent = false;
    const sending = context.sendActivity('Your bin will be collected tomorrow.').then(() => {
      sent = true;
    });
    await eventually(() => socket.frames.length === 1, { what: 'the reply shown' });
    expect(socket.frames[0]?.activities.map((activity) => activity.text)).toEqual([
      'Your bin will be collected tomorrow.',
    ]);
    expect(socket.frames[0]?.watermark).toBeUndefined();
    expect(disk.pending.length).toBeGreaterThan(0);
    expect(sent).toBe(false);

    // A client connecting now, from the start, is not given the reply before it is on disk.
    const late = streamFor(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(late.socket.frames).toEqual([]);

    disk.release();
    await sending;
    await eventually(() => socket.frames.length === 2 && late.socket.frames.length === 1, {
      what: 'the watermark and the late client',
    });
    expect(socket.frames[1]).toEqual({ activities: [], watermark: '1' });
    expect(late.socket.frames[0]?.watermark).toBe('1');
    expect(late.socket.frames[0]?.activities.map((activity) => activity.id)).toEqual([`${conversationId}|0000001`]);
    stream.close();
    late.stream.close();
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
