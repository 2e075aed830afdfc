import os from 'node:os';
import pino from 'pino';
import { loadConfig } from '../config/config';
import { createLogger } from '../logging/createLogger';
import { openDocumentStore } from '../storage/openDocumentStore';
import { parseDataSubject } from '../storage/personalData/dataSubject';
import { erasePersonalData } from '../storage/personalData/erasePersonalData';
import { exportPersonalData, isEmptyExport } from '../storage/personalData/exportPersonalData';
import { openRepositories } from '../storage/repositories/openRepositories';

const USAGE = `Usage: npm run data -- <command> <conversation id or email>
  export   print everything held about that person as JSON (standard output)
  erase    delete it all and record the erasure (without the personal data) in the audit log`;

/** Residents' rights from the command line: subject access (export) and erasure, on the configured store. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'export' && command !== 'erase') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  const parsed = parseDataSubject(rest.join(' '));
  if (!parsed.ok) {
    process.stderr.write(`data: ${parsed.problem}\n${USAGE}\n`);
    return 2;
  }
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
    const repositories = await openRepositories(store, { retentionDays: config.RETENTION_DAYS });
    if (command === 'export') {
      const data = await exportPersonalData(repositories, parsed.subject);
      process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      if (isEmptyExport(data)) process.stderr.write('data: nothing is held about that identifier\n');
      return 0;
    }
    const summary = await erasePersonalData(repositories, parsed.subject, { kind: 'operator', id: operatorName() });
    const counts = Object.entries(summary.deleted).map(([kind, count]) => `${kind} ${count}`);
    process.stdout.write(
      `erased: ${counts.join(', ')}\nerasure reference (recorded in the audit log): ${summary.erasureId}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
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
