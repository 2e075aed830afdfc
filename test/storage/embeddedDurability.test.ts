import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embeddedDocumentStore';
import { AnalyticsRepository } from '../../src/storage/repositories/analyticsRepository';
import { ConversationLog } from '../../src/storage/repositories/conversationLog';
import { StoreUnavailableError } from '../../src/storage/storageErrors';
import { COMMITTED_ONLY_SYNC_WITHIN_MS } from '../../src/storage/embedded/groupCommit';
import { eventually } from '../support/eventually';
import { HeldDisk } from '../support/heldDisk';
import { silentLogger } from './support/storeHarness';

const noteSchema = z.object({ _id: z.string(), text: z.string() });

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('embedded store: a write resolves only once the write-ahead log is on disk', () => {
  let dataDir: string;
  let disk: HeldDisk;
  let store: EmbeddedDocumentStore;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'store-durable-'));
    disk = new HeldDisk();
    store = new EmbeddedDocumentStore({
      dataDir,
      logger: silentLogger,
      maintenanceIntervalMs: 3_600_000,
      syncLog: disk.sync,
    });
  });
  afterEach(async () => {
    while (disk.pending.length > 0) disk.finishOne();
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the write waits for the sync, and the event loop does not', async () => {
    const notes = store.collection('notes', noteSchema);
    let resolved = false;
    const write = notes.insertOne({ _id: 'a', text: 'first' }).then(() => {
      resolved = true;
    });
    await settle();
    await settle();
    expect(disk.syncs).toBe(1);
    expect(resolved).toBe(false);
    // Timers and other requests carry on while the disk is busy.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(resolved).toBe(false);
    disk.finishOne();
    await write;
    expect(resolved).toBe(true);
  });

  test('writes committed while a sync runs share the next one', async () => {
    const notes = store.collection('notes', noteSchema);
    const first = notes.insertOne({ _id: 'a', text: 'one' });
    await settle();
    expect(disk.syncs).toBe(1);
    const later: Array<Promise<unknown>> = [];
    for (let index = 0; index < 5; index += 1) {
      later.push(notes.insertOne({ _id: `b${index}`, text: 'more' }));
      await settle();
    }
    // Five transactions committed while the first sync ran: none has started a sync of its own yet.
    expect(disk.syncs).toBe(1);
    disk.finishOne();
    await first;
    expect(disk.syncs).toBe(2);
    disk.finishOne();
    await Promise.all(later);
    expect(await notes.countDocuments({})).toBe(6);
  });

  test('a failed sync refuses the writes it held and every later one, and the store reports itself unavailable', async () => {
    const notes = store.collection('notes', noteSchema);
    const held = notes.insertOne({ _id: 'a', text: 'kept?' });
    await settle();
    const error = Object.assign(new Error('input/output error'), { code: 'EIO' });
    disk.finishOne(error);
    await expect(held).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(held).rejects.toThrow(/could not be synced to disk \(EIO\)/);
    await expect(notes.insertOne({ _id: 'b', text: 'after' })).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.ping()).toEqual({ ok: false, problem: expect.stringMatching(/EIO/) });
  });

  test('settled() waits for the sync that covers what is committed, and no longer than that', async () => {
    await expect(store.settled()).resolves.toBeUndefined();
    const notes = store.collection('notes', noteSchema);
    const write = notes.insertOne({ _id: 'a', text: 'committed, not yet on disk' });
    await settle();
    // Another reader sees the committed row already; a reader that must not show it before it is on disk waits.
    expect(await notes.findOne({ _id: 'a' })).not.toBeNull();
    let settled = false;
    const waiting = store.settled().then(() => {
      settled = true;
    });
    await settle();
    expect(settled).toBe(false);
    expect(disk.syncs).toBe(1);
    disk.finishOne();
    await Promise.all([write, waiting]);
    expect(settled).toBe(true);
  });

  test('a client is not given an activity (and its seq) before the activity is on disk', async () => {
    const log = new ConversationLog(store, () => new Date());
    const appended = log.append('conversation-1', (id) => ({ id, type: 'message', text: 'my bin was missed' }));
    await settle();
    await settle();
    let page: Awaited<ReturnType<ConversationLog['readAfter']>> | undefined;
    const reading = log.readAfter('conversation-1', 0, 10).then((read) => {
      page = read;
    });
    await settle();
    expect(page).toBeUndefined();
    disk.finishOne();
    await Promise.all([appended, reading]);
    expect(page?.lastSeq).toBe(1);
    expect(page?.activities.map((activity) => activity.seq)).toEqual([1]);
  });

  test('an insert acknowledged on commit resolves before the sync, and one in the same transaction waits for it', async () => {
    const notes = store.collection('notes', noteSchema);
    let durableResolved = false;
    const committed = notes.insertOne({ _id: 'a', text: 'start on this' }, { acknowledge: 'committed' });
    const durable = notes.insertOne({ _id: 'b', text: 'wait for the disk' }).then(() => {
      durableResolved = true;
    });
    await expect(committed).resolves.toEqual({ ok: true });
    expect(disk.syncs).toBe(1);
    expect(durableResolved).toBe(false);
    let settled = false;
    const settling = store.settled().then(() => {
      settled = true;
    });
    await settle();
    expect(settled).toBe(false);
    disk.finishOne();
    await Promise.all([durable, settling]);
    expect(durableResolved && settled).toBe(true);
  });

  test('an analytics event is acknowledged once committed: counts for the figures do not wait for the disk', async () => {
    const analytics = new AnalyticsRepository(store, { retentionDays: 30 });
    const notes = store.collection('notes', noteSchema);
    let noteResolved = false;
    const note = notes.insertOne({ _id: 'a', text: "a resident's words wait for the disk" }).then(() => {
      noteResolved = true;
    });
    await analytics.record({ kind: 'message', conversationId: 'c1', channel: 'directline' });
    expect(noteResolved).toBe(false);
    disk.finishOne();
    await note;
    const events = await analytics.list(new Date(0), new Date(Date.now() + 1000));
    expect(events.map((event) => event.kind)).toEqual(['message']);
  });

  test('a transaction of writes nobody waits on asks for no sync of its own: the next one serves it, or one soon after', async () => {
    const analytics = new AnalyticsRepository(store, { retentionDays: 30 });
    await analytics.record({ kind: 'message', conversationId: 'c1', channel: 'directline' });
    await settle();
    expect(disk.syncs).toBe(0);
    // A write that waits for the disk starts a sync, which covers the event committed before it.
    const notes = store.collection('notes', noteSchema);
    const note = notes.insertOne({ _id: 'a', text: 'on disk with the count before it' });
    await settle();
    expect(disk.syncs).toBe(1);
    disk.finishOne();
    await note;
    await expect(store.settled()).resolves.toBeUndefined();
    // Alone, it is synced within COMMITTED_ONLY_SYNC_WITHIN_MS.
    await analytics.record({ kind: 'message', conversationId: 'c2', channel: 'directline' });
    expect(disk.syncs).toBe(1);
    const waited = await eventually(() => disk.syncs === 2, { what: 'the sync soon after', everyMs: 5 });
    expect(waited).toBeLessThanOrEqual(COMMITTED_ONLY_SYNC_WITHIN_MS + 150);
    disk.finishOne();
    await expect(store.settled()).resolves.toBeUndefined();
  });

  test('many commits nobody waits on share one timer and one sync', async () => {
    const analytics = new AnalyticsRepository(store, { retentionDays: 30 });
    const timers = jest.spyOn(global, 'setTimeout');
    try {
      for (let event = 0; event < 20; event++) {
        await analytics.record({ kind: 'message', conversationId: `c${event}`, channel: 'directline' });
      }
      const armed = timers.mock.calls.filter(
        ([, ms]) => typeof ms === 'number' && ms > 0 && ms <= COMMITTED_ONLY_SYNC_WITHIN_MS,
      );
      expect(armed.length).toBe(1);
    } finally {
      timers.mockRestore();
    }
    expect(disk.syncs).toBe(0);
    await eventually(() => disk.syncs === 1, { what: 'the one sync soon after', everyMs: 5 });
    disk.finishOne();
    await expect(store.settled()).resolves.toBeUndefined();
    expect(disk.syncs).toBe(1);
  });

  test('settled({ upTo }) waits only for what was committed by that mark, and settled({ withinMs }) lets a sync wait to be shared', async () => {
    const notes = store.collection('notes', noteSchema);
    await notes.insertOne({ _id: 'a', text: 'shown at once' }, { acknowledge: 'committed' });
    const mark = store.commitMark();
    let replyOnDisk = false;
    const reply = store.settled({ upTo: mark, withinMs: 1_000 }).then(() => {
      replyOnDisk = true;
    });
    await settle();
    // Nobody needs it at once: no sync yet.
    expect(disk.syncs).toBe(0);
    // The next durable write's sync serves it.
    const state = notes.insertOne({ _id: 'b', text: 'saved after the reply' });
    await settle();
    expect(disk.syncs).toBe(1);
    disk.finishOne();
    await Promise.all([reply, state]);
    expect(replyOnDisk).toBe(true);
    // Committed after the mark: waiting for the mark asks for nothing more.
    await notes.insertOne({ _id: 'c', text: 'later' }, { acknowledge: 'committed' });
    await expect(store.settled({ upTo: mark })).resolves.toBeUndefined();
    expect(disk.syncs).toBe(1);
    const last = store.settled();
    await settle();
    disk.finishOne();
    await last;
  });

  test('closing syncs what is committed and not yet on disk', async () => {
    const analytics = new AnalyticsRepository(store, { retentionDays: 30 });
    await analytics.record({ kind: 'message', conversationId: 'c1', channel: 'directline' });
    expect(disk.syncs).toBe(0);
    const closing = store.close();
    await settle();
    expect(disk.syncs).toBe(1);
    disk.finishOne();
    await closing;
    store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger, maintenanceIntervalMs: 3_600_000 });
  });

  test('closing waits for the sync that is running', async () => {
    const notes = store.collection('notes', noteSchema);
    const write = notes.insertOne({ _id: 'a', text: 'last words' });
    await settle();
    let closed = false;
    const closing = store.close().then(() => {
      closed = true;
    });
    await settle();
    expect(closed).toBe(false);
    disk.finishOne();
    await Promise.all([write, closing]);
    expect(closed).toBe(true);

    store = new EmbeddedDocumentStore({ dataDir, logger: silentLogger, maintenanceIntervalMs: 3_600_000 });
    expect(await store.collection('notes', noteSchema).findOne({ _id: 'a' })).toEqual({ _id: 'a', text: 'last words' });
  });
});
