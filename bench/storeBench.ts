import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { EmbeddedDocumentStore } from '../src/storage/embedded/embeddedDocumentStore';
import { openRepositories, type Repositories } from '../src/storage/repositories/openRepositories';

const CONVERSATIONS = 10_000;
const TURNS_PER_CONVERSATION = 4;

/**
 * The embedded store: Bot Framework state read and write throughput (target >= 2,000 writes/s), and the data
 * folder's size after 10,000 web chat conversations, before and after compaction, to show it stays bounded by the
 * live data however often state is rewritten.
 */
export async function runStoreBench(): Promise<string[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'store-bench-'));
  // Maintenance would compact during the run; it is run by hand below, to measure before and after.
  const store = new EmbeddedDocumentStore({
    dataDir,
    logger: pino({ level: 'silent' }),
    maintenanceIntervalMs: 3_600_000,
    compactionIntervalMs: 3_600_000,
  });
  try {
    const repositories = await openRepositories(store, { retentionDays: 90 });
    const lines = await stateThroughput(repositories);
    const started = performance.now();
    await simulateConversations(repositories);
    const seconds = (performance.now() - started) / 1000;
    const grown = folderSize(dataDir);
    await store.maintain({ compactAll: true });
    const compacted = folderSize(dataDir);
    await rewriteEveryState(repositories);
    const rewritten = folderSize(dataDir);
    await store.maintain({ compactAll: true });
    const recompacted = folderSize(dataDir);
    // After a full collection when the process allows one (`node --expose-gc`), so garbage is not counted.
    (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    return [
      ...lines,
      `${CONVERSATIONS.toLocaleString('en-GB')} conversations of ${TURNS_PER_CONVERSATION} turns (activities, state, user state) stored in ${seconds.toFixed(1)} s`,
      `data folder: ${mb(grown)} as written, ${mb(compacted)} after compaction`,
      `every conversation's state rewritten once more: ${mb(rewritten)}, compacted again: ${mb(recompacted)} (bounded by the live data)`,
      `bench process heap ${mb(memory.heapUsed)}, RSS ${mb(memory.rss)} (${(globalThis as { gc?: unknown }).gc ? 'after a full GC' : 'garbage included: run with --expose-gc'})`,
    ];
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function stateThroughput({ botState }: Repositories): Promise<string[]> {
  const keys = Array.from({ length: 5000 }, (_, i) => `directline/conversations/bench-${i}`);
  const writeStarted = performance.now();
  await Promise.all(keys.map((key) => botState.write({ [key]: state(key, 0) })));
  const firstWrites = keys.length / ((performance.now() - writeStarted) / 1000);

  const readStarted = performance.now();
  const items = await Promise.all(keys.map((key) => botState.read([key])));
  const reads = keys.length / ((performance.now() - readStarted) / 1000);

  const updateStarted = performance.now();
  await Promise.all(keys.map((key, i) => botState.write({ [key]: { ...state(key, 1), eTag: items[i]?.[key]?.eTag } })));
  const updates = keys.length / ((performance.now() - updateStarted) / 1000);
  return [
    `bot state: ${firstWrites.toFixed(0)} new writes/s, ${updates.toFixed(0)} eTag-checked updates/s (target >= 2,000 writes/s), ${reads.toFixed(0)} reads/s`,
  ];
}

/** What a web chat conversation leaves in the store: its record, activities both ways, and state per turn. */
async function simulateConversations(repositories: Repositories): Promise<void> {
  const batch = 200;
  for (let start = 0; start < CONVERSATIONS; start += batch) {
    await Promise.all(
      Array.from({ length: batch }, async (_, offset) => {
        const id = `conversation-${start + offset}`;
        const now = new Date();
        await repositories.conversations.open({ _id: id, userId: `user-${id}`, createdAt: now, lastActivityAt: now });
        let eTag: string | undefined;
        for (let turn = 0; turn < TURNS_PER_CONVERSATION; turn++) {
          await repositories.conversations.append(id, (activityId) =>
            activity(activityId, 'user', 'when is my bin day'),
          );
          await repositories.conversations.append(id, (activityId) => activity(activityId, 'bot', ANSWER));
          const key = `directline/conversations/${id}`;
          await repositories.botState.write({ [key]: { ...state(key, turn), eTag } });
          eTag = (await repositories.botState.read([key]))[key]?.eTag;
        }
        await repositories.botState.write({ [`directline/users/user-${id}`]: { welcomed: true } });
      }),
    );
  }
}

async function rewriteEveryState({ botState }: Repositories): Promise<void> {
  const batch = 500;
  for (let start = 0; start < CONVERSATIONS; start += batch) {
    await Promise.all(
      Array.from({ length: batch }, (_, offset) => {
        const key = `directline/conversations/conversation-${start + offset}`;
        return botState.write({ [key]: state(key, 99) });
      }),
    );
  }
}

const ANSWER = `${'Your bins are emptied on the same weekday every week. '.repeat(8)}Full details: [Bin collection days](https://www.eastmere.example/bins)`;

function activity(id: string, role: 'user' | 'bot', text: string): Record<string, unknown> {
  return {
    type: 'message',
    id,
    text,
    timestamp: new Date().toISOString(),
    from: { id: role === 'bot' ? 'council-assistant' : 'resident', role },
    channelData: role === 'bot' ? { councilBot: { action: 'answer', articleId: 'bin-collection-days' } } : {},
  };
}

function state(key: string, turn: number): Record<string, unknown> {
  return {
    dialogState: { dialogStack: [{ id: 'mainDialog', state: { dialogs: { dialogStack: [] } } }] },
    conversationData: { noMatchStreak: 0, lastArticleId: 'bin-collection-days', turn, key },
  };
}

function folderSize(dir: string): number {
  return readdirSync(dir).reduce((sum, file) => sum + statSync(path.join(dir, file)).size, 0);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
