import type { Logger } from 'pino';
import type { Repositories } from './openRepositories';
import { retentionCutoff } from './repositoryOptions';

export type PurgeCounts = Record<
  | 'botState'
  | 'transcripts'
  | 'conversations'
  | 'requests'
  | 'handoffs'
  | 'consoleSessions'
  | 'outbox'
  | 'analytics'
  | 'editorQuestions',
  number
>;

const PURGE_BATCH = 500;

/**
 * Deletes personal data past its retention period from every repository that holds it. TTL indexes do most of
 * this; this job also covers records without a TTL (finished requests, handoffs, outbox messages) and MongoDB's
 * once-a-minute TTL monitor. Safe to run at any time and as often as wanted.
 */
export async function purgeExpiredData(repositories: Repositories, now: Date): Promise<PurgeCounts> {
  return {
    botState: await repositories.botState.purgeExpired(now),
    transcripts: await repositories.transcripts.purgeExpired(now),
    conversations: await purgeInactiveConversations(repositories, now),
    requests: await repositories.requests.purgeExpired(now),
    handoffs: await repositories.handoffs.purgeExpired(now),
    consoleSessions: await repositories.consoleSessions.purgeExpired(now),
    outbox: await repositories.outbox.purgeExpired(now),
    analytics: await repositories.analytics.purgeExpired(now),
    editorQuestions: await repositories.editorQuestions.purgeExpired(now),
  };
}

/** Deletes web chat conversations whose resident has been inactive for the retention period, with their uploads. */
async function purgeInactiveConversations(repositories: Repositories, now: Date): Promise<number> {
  const cutoff = retentionCutoff(now, repositories.retentionDays);
  let deleted = 0;
  for (;;) {
    const ids = await repositories.conversations.inactiveSince(cutoff, PURGE_BATCH);
    if (ids.length === 0) return deleted;
    await repositories.attachments.deleteByConversations(ids);
    deleted += (await repositories.conversations.deleteConversations(ids)).conversations;
  }
}

/** Runs `purgeExpiredData` now and then every `intervalMs` (default 6 hours); returns a function that stops it. */
export function schedulePurge(repositories: Repositories, logger: Logger, intervalMs = 6 * 3_600_000): () => void {
  const run = () => {
    purgeExpiredData(repositories, new Date()).then(
      (counts) => logger.info({ deleted: counts }, 'expired personal data purged'),
      (error: unknown) => logger.error({ err: error }, 'purging expired personal data failed'),
    );
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
