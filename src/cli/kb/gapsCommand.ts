import pino from 'pino';
import { type KnowledgeSnapshot } from '../../knowledge/knowledgeSnapshot';
import { groupKnowledgeGaps } from '../../knowledge/groupKnowledgeGaps';
import { loadConfig } from '../../config/config';
import { createLogger } from '../../logging/createLogger';
import { openStoreSnapshot } from '../../storage/openStoreSnapshot';
import { EditorQuestionRepository } from '../../storage/repositories/editorQuestionRepository';
import { USAGE } from './usage';

/** `kb gaps`: the questions the knowledge base did not answer well, grouped and counted, over a period. */
export async function gaps(snapshot: KnowledgeSnapshot, args: readonly string[]): Promise<number> {
  const period = gapsPeriod(args, new Date());
  if (!period.ok) {
    process.stderr.write(`kb gaps: ${period.problem}\n${USAGE}\n`);
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
  const logger = createLogger('warn', pino.destination({ dest: 2, sync: true }));
  const store = await openStoreSnapshot({
    mongodbUri: config.MONGODB_URI,
    mongodbDb: config.MONGODB_DB,
    dataDir: config.DATA_DIR,
    logger,
  });
  try {
    const questions = new EditorQuestionRepository(store, { retentionDays: config.RETENTION_DAYS });
    const found = groupKnowledgeGaps(await questions.listBetween(period.since, period.until), (question) =>
      snapshot.search.terms(question),
    );
    if (args.includes('--json')) {
      for (const gap of found) process.stdout.write(`${JSON.stringify(gap)}\n`);
      return 0;
    }
    const total = found.reduce((sum, gap) => sum + gap.count, 0);
    process.stdout.write(
      `${total} question(s) from ${period.since.toISOString().slice(0, 10)} to ${period.until.toISOString().slice(0, 10)}, in ${found.length} group(s)\n`,
    );
    for (const gap of found) {
      const article = gap.closestArticleId ? snapshot.knowledge.byId.get(gap.closestArticleId) : undefined;
      process.stdout.write(
        `\n${gap.count}x (${gap.unanswered} unanswered, ${gap.unhelpful} not helpful)  closest: ${article ? `${article.id} (${article.file})` : 'none'}\n`,
      );
      for (const example of gap.examples) process.stdout.write(`    "${example}"\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** The period `kb gaps` looks at: the last `--days N` (default 30), or `--since` a date, until now. */
export function gapsPeriod(
  args: readonly string[],
  now: Date,
): { ok: true; since: Date; until: Date } | { ok: false; problem: string } {
  const value = (flag: string) => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const since = value('--since');
  if (since !== undefined) {
    const date = new Date(`${since}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(date.getTime())) {
      return { ok: false, problem: '--since needs a date like 2026-11-01' };
    }
    return { ok: true, since: date, until: now };
  }
  const days = Number(value('--days') ?? 30);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    return { ok: false, problem: '--days needs a whole number of days' };
  return { ok: true, since: new Date(now.getTime() - days * 86_400_000), until: now };
}
