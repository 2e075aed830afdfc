import { type CreateAppResult, createApp } from './app';
import { loadConfig } from './config/config';
import type { BootstrapOutcome } from './console/auth/bootstrapConsoleAdmin';
import { createLogger } from './logging/createLogger';
import { StoreUnavailableError } from './storage/storageErrors';

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
  let created: CreateAppResult;
  try {
    created = await createApp(config, logger);
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    logger.fatal({ problem: error.message }, 'store unavailable');
    process.stderr.write(`The store could not be opened: ${error.message}\n`);
    process.exit(1);
  }
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
      `  Chat:          ${url}/`,
      `  CSA console:   ${config.PUBLIC_URL ?? url}/console`,
      `  Embed:         <script src="${config.PUBLIC_URL ?? url}/embed.js" defer></script>`,
      `  Bot endpoint:  ${url}/api/messages`,
      `  Direct Line:   ${url}/v3/directline (secret ${describeSecret(app.directLineSecretSource, app.directLineSecret)})`,
      `  Health:        ${url}/healthz  ${url}/readyz`,
      `  Store:         ${app.store.backend === 'mongodb' ? 'MongoDB' : `embedded, in ${config.DATA_DIR}`}`,
      ...describeBootstrap(app.consoleBootstrap),
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

/** The console's first account, printed on the first start only (the password never goes to the log). */
function describeBootstrap(outcome: BootstrapOutcome): string[] {
  if (!outcome.created) return [];
  if (!outcome.generatedPassword) {
    return [`  Console sign-in: ${outcome.email} with CONSOLE_ADMIN_PASSWORD (a supervisor; created now)`];
  }
  return [
    '',
    "  The CSA console's first account was created now. This is shown once: keep it somewhere safe.",
    `    Email:    ${outcome.email}`,
    `    Password: ${outcome.generatedPassword}  (one-time: you choose your own at the first sign-in)`,
  ];
}

function describeSecret(source: string, secret: string): string {
  if (source === 'configured') return 'from DIRECTLINE_SECRET';
  if (source === 'stored') return 'generated on first start and kept in the store';
  return `generated now and kept in the store, shown this once for your website's backend: ${secret}`;
}

main().catch((error: unknown) => {
  process.stderr.write(`Start-up failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
