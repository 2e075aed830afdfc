import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import { z } from 'zod';
import { type App, createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/logging/createLogger';
import { EmbeddedDocumentStore } from '../src/storage/embedded/embeddedDocumentStore';

const requestSchema = z.object({ id: z.number(), kind: z.enum(['stats', 'heapSnapshot']), gc: z.boolean().optional() });
const anyDocument = z.looseObject({ _id: z.string() });

/**
 * The server as `npm start` runs it (embedded store in a fresh temporary folder), for the channel and soak
 * benchmarks: run as its own process so the load generator does not share its CPU time. Rate limits are lifted,
 * because the benchmarks drive hundreds of conversations from one address. Prints `ready <url>` when serving, and
 * answers the benchmark over the IPC channel with its memory and store sizes (`bench/serverProcess.ts`).
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-server-'));
  const loaded = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const unlimited = { capacity: 1_000_000, refillPerSecond: 1_000_000 };
  const created = await createApp(loaded.config, createLogger('warn'), {
    channelLimits: {
      tokensPerAddress: unlimited,
      tokensPerConversation: unlimited,
      postsPerAddress: unlimited,
      postsPerConversation: unlimited,
      uploadsPerAddress: unlimited,
      uploadsPerConversation: unlimited,
    },
  });
  if (!created.ok) throw new Error('knowledge base is invalid');
  const app = created.app;
  const url = await app.listen();
  process.on('message', (raw) => {
    const request = requestSchema.safeParse(raw);
    if (!request.success) return;
    void answer(app, dataDir, request.data).then((reply) => process.send?.({ id: request.data.id, ...reply }));
  });
  process.stdout.write(`ready ${url}\n`);
  process.on('SIGTERM', () => {
    void app.close(2000).then(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

async function answer(app: App, dataDir: string, request: z.infer<typeof requestSchema>) {
  if (request.kind === 'heapSnapshot') {
    return { file: writeHeapSnapshot(path.join(os.tmpdir(), `bench-server-${Date.now()}.heapsnapshot`)) };
  }
  const gc: unknown = Reflect.get(globalThis, 'gc');
  if (request.gc && typeof gc === 'function') gc();
  const memory = process.memoryUsage();
  const documents: Record<string, number> = {};
  const fileBytes: Record<string, number> = {};
  for (const file of readdirSync(dataDir).filter((name) => name.startsWith('store.sqlite'))) {
    fileBytes[file] = statSync(path.join(dataDir, file)).size;
  }
  const names = app.store instanceof EmbeddedDocumentStore ? app.store.collectionNames() : [];
  for (const name of names) documents[name] = await app.store.collection(name, anyDocument).countDocuments();
  return { stats: { memory, documents, fileBytes, gcExposed: typeof gc === 'function' } };
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
