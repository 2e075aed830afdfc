import { ConversationState, MemoryStorage, type Storage, TestAdapter } from 'botbuilder';
import { BotStateStorage, ETagConflictError } from '../../src/storage/botState/botStateStorage';
import type { HarnessFactory, StoreHarness } from './support/storeHarness';

const CRAZY_KEY = '!@#$%^&*()~/\\><,.?\';"`~ and /conversations/ and ünïcødé 🙂';

/**
 * The cases of botbuilder's own storage tests (`storageBaseTests`), run against `BotStateStorage` on a backend.
 * The first case also runs against botbuilder's MemoryStorage, to show the suite describes botbuilder's behaviour.
 */
export function describeBotStateStorageContract(openHarness: HarnessFactory): void {
  let harness: StoreHarness;
  let storage: BotStateStorage;
  beforeAll(async () => {
    harness = await openHarness();
    storage = new BotStateStorage(harness.store(), { retentionDays: 90 });
    await storage.ensureIndexes();
  });
  afterAll(async () => {
    await harness.dispose();
  });

  let n = 0;
  const key = (name: string) => `${name}-${++n}`;

  test('reading an unknown key returns no entry', async () => {
    expect(await storage.read([key('unknown')])).toEqual({});
    expect(await storage.read([])).toEqual({});
  });

  test.each([
    ['BotStateStorage', () => storage],
    ['botbuilder MemoryStorage', () => new MemoryStorage()],
  ])('create: items are stored with a new eTag, with or without "*" (%s)', async (_name, storageOf) => {
    const subject: Storage = storageOf();
    const [plain, wildcard] = [key('createPoco'), key('createPocoStoreItem')];
    await subject.write({ [plain]: { id: 1 }, [wildcard]: { id: 2, eTag: '*' } });
    const read = await subject.read([plain, wildcard]);
    expect(read[plain]).toMatchObject({ id: 1 });
    expect(read[wildcard]).toMatchObject({ id: 2 });
    for (const item of [read[plain], read[wildcard]]) {
      expect(typeof item.eTag).toBe('string');
      expect(item.eTag).not.toBe('*');
    }
  });

  test('an item round-trips as JSON, whatever its field names', async () => {
    const k = key('shape');
    const state = { 'dotted.key': 1, $dollar: { nested: [1, 'two', null, { deep: true }] }, text: 'Hi 👋' };
    await storage.write({ [k]: state });
    const { eTag, ...read } = (await storage.read([k]))[k];
    expect(read).toEqual(state);
    expect(typeof eTag).toBe('string');
  });

  test('keys with special characters are stored and read back exactly', async () => {
    const keys = [CRAZY_KEY, 'emulator/conversations/a|b:c/users/d e', 'webchat/users/x/../../y', '.', '$id', 'a.b'];
    await storage.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
    const read = await storage.read(keys);
    expect(Object.keys(read).sort()).toEqual([...keys].sort());
    keys.forEach((k, i) => {
      expect(read[k]).toMatchObject({ i });
    });
    await storage.delete(keys);
    expect(await storage.read(keys)).toEqual({});
  });

  test('update: the current eTag succeeds, a stale one fails, "*" always succeeds', async () => {
    const k = key('update');
    await storage.write({ [k]: { count: 1 } });
    const first = (await storage.read([k]))[k];

    await storage.write({ [k]: { ...first, count: 2 } });
    const second = (await storage.read([k]))[k];
    expect(second.count).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);

    const stale = storage.write({ [k]: { ...first, count: 99 } });
    await expect(stale).rejects.toBeInstanceOf(ETagConflictError);
    await expect(stale).rejects.toThrow(`Storage: error writing "${k}" due to eTag conflict.`);
    expect((await storage.read([k]))[k].count).toBe(2);

    await storage.write({ [k]: { count: 3, eTag: '*' } });
    await storage.write({ [k]: { count: 4 } });
    expect((await storage.read([k]))[k].count).toBe(4);
  });

  test('a write with an eTag to a key that no longer exists fails (erased state is not resurrected)', async () => {
    const k = key('deleted');
    await storage.write({ [k]: { count: 1 } });
    const read = (await storage.read([k]))[k];
    await storage.delete([k]);
    await expect(storage.write({ [k]: { ...read, count: 2 } })).rejects.toBeInstanceOf(ETagConflictError);
    expect(await storage.read([k])).toEqual({});
  });

  test('of two writers holding the same eTag, exactly one succeeds', async () => {
    const k = key('race');
    await storage.write({ [k]: { writer: 'none' } });
    const read = (await storage.read([k]))[k];
    const results = await Promise.allSettled(
      ['one', 'two'].map((writer) => storage.write({ [k]: { ...read, writer } })),
    );
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results.findIndex((result) => result.status === 'fulfilled');
    expect((await storage.read([k]))[k].writer).toBe(['one', 'two'][winner]);
  });

  test('delete removes an item; deleting an unknown key is not an error', async () => {
    const k = key('delete');
    await storage.write({ [k]: { id: 1 } });
    await storage.delete([k, key('neverWritten')]);
    expect(await storage.read([k])).toEqual({});
  });

  test('batch operations: write, read and delete several keys at once', async () => {
    const keys = [key('batch1'), key('batch2'), key('batch3')];
    await storage.write({ [keys[0] ?? '']: { id: 1 }, [keys[1] ?? '']: { id: 2 }, [keys[2] ?? '']: { id: 3 } });
    const read = await storage.read(keys);
    expect(keys.map((k) => read[k]?.id)).toEqual([1, 2, 3]);
    await storage.delete(keys.slice(0, 2));
    expect(Object.keys(await storage.read(keys))).toEqual([keys[2]]);
  });

  test('in a batch with one stale item, the others are still written', async () => {
    const [fresh, stale] = [key('fresh'), key('stale')];
    await storage.write({ [stale]: { v: 1 } });
    const old = (await storage.read([stale]))[stale];
    await storage.write({ [stale]: { ...old, v: 2 } });
    await expect(storage.write({ [fresh]: { v: 1 }, [stale]: { ...old, v: 3 } })).rejects.toThrow(`"${stale}"`);
    expect((await storage.read([fresh]))[fresh].v).toBe(1);
  });

  test('conversation state survives a restart of the store (proceeds through turns)', async () => {
    const store = new BotStateStorage(harness.store(), { retentionDays: 90 });
    const conversationState = new ConversationState(store);
    const turns = conversationState.createProperty<number>('turns');
    const adapter = new TestAdapter(async (context) => {
      const count = (await turns.get(context, 0)) + 1;
      await turns.set(context, count);
      await context.sendActivity(`turn ${count}`);
      await conversationState.saveChanges(context);
    });
    await adapter.send('hi').assertReply('turn 1').send('again').assertReply('turn 2');

    const reopened = new BotStateStorage(await harness.reopen(), { retentionDays: 90 });
    storage = reopened;
    const restarted = new ConversationState(reopened);
    const restartedTurns = restarted.createProperty<number>('turns');
    const afterRestart = new TestAdapter(async (context) => {
      const count = (await restartedTurns.get(context, 0)) + 1;
      await restartedTurns.set(context, count);
      await context.sendActivity(`turn ${count}`);
      await restarted.saveChanges(context);
    });
    await afterRestart.send('back').assertReply('turn 3');
  });
}
