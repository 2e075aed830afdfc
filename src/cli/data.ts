import os from 'node:os';
import pino from 'pino';
import { loadConfig } from '../config/config';
import { createLogger } from '../logging/createLogger';
import type { DocumentStore } from '../storage/documentStore';
import { importNedbFolder } from '../storage/embedded/importNedb';
import { openDocumentStore } from '../storage/openDocumentStore';
import { parseDataSubject } from '../storage/personalData/dataSubject';
import { erasePersonalData } from '../storage/personalData/erasePersonalData';
import { exportPersonalData, isEmptyExport } from '../storage/personalData/exportPersonalData';
import { openRepositories, type Repositories } from '../storage/repositories/openRepositories';

const USAGE = `Usage: npm run data -- <command> <conversation id or email>
  export   print everything held about that person as JSON (standard output)
  erase    delete it all and record the erasure (without the personal data) in the audit log
  unlock   (with a console account's email) forget its failed sign-ins, so sign-in is no longer slowed for it
  import-nedb DIR   move an nedb data folder (the store before SQLite) into the configured store`;

/** Residents' rights from the command line: subject access (export) and erasure, on the configured store. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'export' && command !== 'erase' && command !== 'unlock' && command !== 'import-nedb') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  if (command === 'unlock') return unlock(rest.join(' ').trim());
  if (command === 'import-nedb') return importNedb(rest.join(' ').trim());
  const parsed = parseDataSubject(rest.join(' '));
  if (!parsed.ok) {
    process.stderr.write(`data: ${parsed.problem}\n${USAGE}\n`);
    return 2;
  }
  const { subject } = parsed;
  return withRepositories(async (repositories, store) => {
    if (command === 'export') {
      const data = await exportPersonalData(repositories, subject);
      process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      if (isEmptyExport(data)) process.stderr.write('data: nothing is held about that identifier\n');
      return 0;
    }
    const summary = await erasePersonalData(repositories, subject, { kind: 'operator', id: operatorName() }, () =>
      store.purgeDeleted ? store.purgeDeleted() : Promise.resolve(),
    );
    const counts = Object.entries(summary.deleted).map(([kind, count]) => `${kind} ${count}`);
    process.stdout.write(
      `erased: ${counts.join(', ')}\nerasure reference (recorded in the audit log): ${summary.erasureId}\n`,
    );
    return 0;
  });
}

/** Opens the configured store, runs `work` on its repositories, and closes it; 1 for a configuration problem. */
async function withRepositories(
  work: (repositories: Repositories, store: DocumentStore) => Promise<number>,
): Promise<number> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(
      `Configuration problems (see .env.example):\n${loaded.problems.map((p) => `  ${p}`).join('\n')}\n`,
    );
    return 1;
  }
  const { config } = loaded;
  // Logs go to standard error, so standard output is only the export.
  const logger = createLogger(config.LOG_LEVEL, pino.destination({ dest: 2, sync: true }));
  const store = await openDocumentStore({
    mongodbUri: config.MONGODB_URI,
    mongodbDb: config.MONGODB_DB,
    dataDir: config.DATA_DIR,
    logger,
  });
  try {
    return await work(await openRepositories(store, { retentionDays: config.RETENTION_DAYS }), store);
  } finally {
    await store.close();
  }
}

/**
 * Forgets a console account's failed sign-ins (and a lock left by an older version). A running server sees the
 * cleared count at the account's next sign-in and refills its throttle too.
 */
async function unlock(email: string): Promise<number> {
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
    process.stderr.write(`data: give the console account's email address\n${USAGE}\n`);
    return 2;
  }
  return withRepositories(async (repositories) => {
    const user = await repositories.consoleUsers.findByEmail(email);
    if (!user) {
      process.stderr.write('data: there is no console account with that email\n');
      return 1;
    }
    await repositories.consoleUsers.clearFailedSignIns(user._id);
    await repositories.auditLog.record({
      actor: { kind: 'operator', id: operatorName() },
      action: 'consoleUser.unlocked',
      subject: { kind: 'consoleUser', id: user._id },
    });
    process.stdout.write(`unlocked: ${user._id}\n`);
    return 0;
  });
}

/** `import-nedb DIR`: moves an nedb data folder into the configured store (see `importNedbFolder`). */
async function importNedb(dir: string): Promise<number> {
  if (dir === '') {
    process.stderr.write(`data: give the nedb data folder\n${USAGE}\n`);
    return 2;
  }
  return withRepositories(async (_repositories, store) => {
    const outcome = await importNedbFolder(store, dir);
    if (!outcome.ok) {
      process.stderr.write(`data: ${outcome.problem}\n`);
      return 1;
    }
    for (const [name, counts] of Object.entries(outcome.collections)) {
      process.stdout.write(`${name}: ${counts.imported} imported, ${counts.alreadyPresent} already present\n`);
    }
    return 0;
  });
}

/** The account running the command, for the audit log. */
function operatorName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`data: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
