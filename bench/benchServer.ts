import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { createLogger } from '../src/logging/createLogger';

/**
 * The server as `npm start` runs it (embedded store in a fresh temporary folder), for the channel benchmark: run
 * as its own process so the load generator does not share its CPU time. Rate limits are lifted, because the
 * benchmark drives 100 conversations from one address as fast as the bot answers. Prints `ready <url>` when serving.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-server-'));
  const loaded = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  const unlimited = { capacity: 1_000_000, refillPerSecond: 1_000_000 };
  const created = await createApp(loaded.config, createLogger('warn'), {
    channelLimits: { tokensPerAddress: unlimited, postsPerAddress: unlimited, postsPerConversation: unlimited },
  });
  if (!created.ok) throw new Error('knowledge base is invalid');
  const url = await created.app.listen();
  process.stdout.write(`ready ${url}\n`);
  process.on('SIGTERM', () => {
    void created.app.close(2000).then(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
