import type { Logger } from 'pino';
import { DirectLineChannel, type DirectLineLimits, type TurnLogic } from '../channel/directline';
import type { LiveFeed } from '../channel/directline/liveFeed';
import type { Config } from '../config/config';
import { perMinute } from '../server/http/tokenBucketLimiter';
import type { Repositories } from '../storage/repositories/openRepositories';

/** The built-in web chat channel (Direct Line 3.0) with the configured rate limits, on the store's conversations. */
export function createChannel(
  config: Config,
  parts: {
    repositories: Pick<Repositories, 'conversations' | 'attachments'>;
    secret: string;
    logger: Logger;
    logic: TurnLogic;
    clock: () => Date;
    feed: LiveFeed;
    /** Limits other than the configured ones (benchmarks drive many conversations from one address). */
    limits?: Partial<DirectLineLimits>;
    streamPollMs?: number;
  },
): DirectLineChannel {
  return new DirectLineChannel({
    conversations: parts.repositories.conversations,
    attachments: parts.repositories.attachments,
    secret: parts.secret,
    logger: parts.logger,
    logic: parts.logic,
    clock: parts.clock,
    publicUrl: config.PUBLIC_URL,
    trustProxy: config.TRUST_PROXY,
    limits: {
      tokensPerAddress: perMinute(config.RATE_LIMIT_TOKENS_PER_ADDRESS),
      tokensPerConversation: perMinute(config.RATE_LIMIT_TOKENS_PER_CONVERSATION),
      postsPerAddress: perMinute(config.RATE_LIMIT_MESSAGES_PER_ADDRESS),
      postsPerConversation: perMinute(config.RATE_LIMIT_MESSAGES_PER_CONVERSATION),
      uploadsPerAddress: perMinute(config.RATE_LIMIT_UPLOADS_PER_ADDRESS),
      uploadsPerConversation: perMinute(config.RATE_LIMIT_UPLOADS_PER_CONVERSATION),
      ...parts.limits,
    },
    streamPollMs: parts.streamPollMs,
    feed: parts.feed,
  });
}
