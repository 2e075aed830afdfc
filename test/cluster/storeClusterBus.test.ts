import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreClusterBus } from '../../src/cluster/storeClusterBus';
import type { DocumentStore, InsertWatch } from '../../src/storage/documentStore';
import { openDocumentStore } from '../../src/storage/openDocumentStore';
import { sharedStore } from '../support/sharedStore';
import { silentLogger } from '../support/testBot';
import { eventually } from '../support/eventually';

let dataDir: string;
let store: ReturnType<typeof sharedStore>;
const buses: StoreClusterBus[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'bus-'));
  store = sharedStore(await openDocumentStore({ dataDir, mongodbDb: 'council', logger: silentLogger }));
});

afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
  await store.closeShared();
  rmSync(dataDir, { recursive: true, force: true });
});

async function bus(on: DocumentStore = store, pollMs = 20): Promise<StoreClusterBus> {
  const started = new StoreClusterBus(on, silentLogger, { pollMs });
  await started.start();
  buses.push(started);
  return started;
}

test('each message reaches every other instance once, in order, and never the instance that sent it', async () => {
  const [a, b, c] = [await bus(), await bus(), await bus()];
  const heard: { a: unknown[]; b: unknown[]; c: unknown[] } = { a: [], b: [], c: [] };
  a.subscribe('desk', (body) => heard.a.push(body));
  b.subscribe('desk', (body) => heard.b.push(body));
  c.subscribe('conversation', (body) => heard.c.push(body));
  for (let n = 1; n <= 5; n++) a.publish('desk', { kind: 'queueChanged', n });
  b.publish('conversation', { conversationId: 'c1' });
  await eventually(() => heard.b.length === 5 && heard.c.length === 1);
  // Several polls later (each re-reads the last few seconds), still once each.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(heard.a).toEqual([]);
  expect(heard.b).toEqual([1, 2, 3, 4, 5].map((n) => ({ kind: 'queueChanged', n })));
  expect(heard.c).toEqual([{ conversationId: 'c1' }]);
  expect(a.mode).toBe('polling');
});

test('a message that is not JSON is dropped and the next one still arrives; close stops delivery', async () => {
  const [a, b] = [await bus(), await bus()];
  const heard: unknown[] = [];
  b.subscribe('desk', (body) => heard.push(body));
  await store.collection(StoreClusterBus.collection, (await import('zod')).z.any()).insertOne({
    _id: `${new Date().toISOString()}-x-1`,
    instance: 'x',
    topic: 'desk',
    body: '{not json',
    at: new Date(),
  });
  a.publish('desk', { kind: 'queueChanged' });
  await eventually(() => heard.length === 1);
  await b.close();
  a.publish('desk', { kind: 'queueChanged' });
  await new Promise((resolve) => setTimeout(resolve, 150));
  expect(heard).toHaveLength(1);
});

test('with change streams, messages arrive as they are inserted; if the server cannot watch, polling takes over', async () => {
  let watching: ((document: unknown) => void) | undefined;
  let failWatch: ((error: Error) => void) | undefined;
  const watched: DocumentStore = {
    ...store,
    backend: 'mongodb',
    collection: (name, schema) => {
      const collection = store.collection(name, schema);
      return new Proxy(collection, {
        get: (target, property, receiver) => {
          if (property !== 'insertOne') return Reflect.get(target, property, receiver) as unknown;
          return async (document: Parameters<typeof collection.insertOne>[0]) => {
            const outcome = await target.insertOne(document);
            watching?.(document);
            return outcome;
          };
        },
      });
    },
    ping: () => store.ping(),
    close: () => store.close(),
    watchInserts: (_name, schema, onInsert, onError): InsertWatch => {
      watching = (document) => onInsert(schema.parse(document));
      failWatch = onError;
      return { close: async () => undefined };
    },
  };
  // The safety poll is slow: a prompt arrival came through the change stream.
  const a = new StoreClusterBus(watched, silentLogger, { pollMs: 20, safetyPollMs: 60_000 });
  const b = new StoreClusterBus(watched, silentLogger, { pollMs: 20, safetyPollMs: 60_000 });
  await a.start();
  await b.start();
  buses.push(a, b);
  expect(b.mode).toBe('changeStream');
  const heard: unknown[] = [];
  b.subscribe('conversation', (body) => heard.push(body));
  a.publish('conversation', { conversationId: 'c1' });
  await eventually(() => heard.length === 1, { timeoutMs: 1_000 });

  // A standalone server refuses change streams: the bus says so and polls.
  watching = undefined;
  failWatch?.(new Error('The $changeStream stage is only supported on replica sets'));
  expect(b.mode).toBe('polling');
  a.publish('conversation', { conversationId: 'c2' });
  await eventually(() => heard.length === 2, { timeoutMs: 2_000 });
  expect(heard).toEqual([{ conversationId: 'c1' }, { conversationId: 'c2' }]);
});
