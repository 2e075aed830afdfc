import { createApp } from './app';
import { loadConfig } from './config/config';
import { createLogger } from './logging/createLogger';

/** Starts the council assistant: validates the environment, builds the app, serves, and stops cleanly. */
async function main(): Promise<void> {
  const started = performance.now();
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(
      `Configuration problems (see .env.example):\n${loaded.problems.map((p) => `  ${p}`).join('\n')}\n`,
    );
    process.exit(1);
  }
  const config = loaded.config;
  const logger = createLogger(config.LOG_LEVEL);
  const created = await createApp(config, logger);
  if (!created.ok) {
    for (const problem of created.problems)
      logger.fatal({ file: problem.file, problem: problem.problem }, 'knowledge base is not valid');
    process.stderr.write(`The knowledge base in ${config.KNOWLEDGE_DIR} is not valid: run "npm run kb -- check".\n`);
    process.exit(1);
  }
  const { app } = created;
  await app.knowledge.watch();
  const url = await app.listen();
  logger.info({ ms: Math.round(performance.now() - started) }, 'ready');
  process.stdout.write(
    [
      '',
      `Council assistant is running (${app.knowledge.current().knowledge.profile.name}).`,
      `  Bot endpoint:  ${url}/api/messages`,
      `  Health:        ${url}/healthz  ${url}/readyz`,
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
