import { fail, type Outcome, succeed } from './directLineError';
import { type DirectLineLimits } from './directLineOptions';
import { takeAll, TokenBucketLimiter } from '../../server/http/tokenBucketLimiter';

import type { RateLimitKind } from './channelTypes';

type LimiterName = keyof Pick<
  DirectLineLimits,
  | 'tokensPerAddress'
  | 'tokensPerConversation'
  | 'postsPerAddress'
  | 'postsPerConversation'
  | 'uploadsPerAddress'
  | 'uploadsPerConversation'
>;

/**
 * Admission: the per-address and per-conversation rate limits on tokens, posts and uploads, the places for open
 * streams, and the address that last posted to each conversation. All in this process's memory: they make the
 * channel fairer, never more correct.
 */
export class ChannelAdmission {
  private readonly limiters: Record<LimiterName, TokenBucketLimiter>;
  private readonly lastAddresses = new Map<string, string>();
  private readonly streamPlaces = { byConversation: new Map<string, number>(), byAddress: new Map<string, number>() };

  constructor(
    private readonly limits: DirectLineLimits,
    clock: () => Date,
  ) {
    const limiter = (name: LimiterName) => new TokenBucketLimiter(this.limits[name], clock);
    this.limiters = {
      tokensPerAddress: limiter('tokensPerAddress'),
      tokensPerConversation: limiter('tokensPerConversation'),
      postsPerAddress: limiter('postsPerAddress'),
      postsPerConversation: limiter('postsPerConversation'),
      uploadsPerAddress: limiter('uploadsPerAddress'),
      uploadsPerConversation: limiter('uploadsPerConversation'),
    };
  }

  /** Takes one request from the caller's buckets; `TooManyRequests` with a retry delay when one is empty. */
  admit(kind: RateLimitKind, address: string, conversationId?: string): Outcome<void> {
    const { limiters } = this;
    const perConversation = (limiter: TokenBucketLimiter): Array<[TokenBucketLimiter, string]> =>
      conversationId ? [[limiter, conversationId]] : [];
    const checks: Array<[TokenBucketLimiter, string]> =
      kind === 'tokens'
        ? [[limiters.tokensPerAddress, address]]
        : kind === 'conversationTokens'
          ? perConversation(limiters.tokensPerConversation)
          : kind === 'posts'
            ? [...perConversation(limiters.postsPerConversation), [limiters.postsPerAddress, address]]
            : [
                ...perConversation(limiters.uploadsPerConversation),
                ...perConversation(limiters.postsPerConversation),
                [limiters.uploadsPerAddress, address],
                [limiters.postsPerAddress, address],
              ];
    const outcome = takeAll(checks);
    if (!outcome.ok) {
      return fail('TooManyRequests', 'Too many requests: wait before trying again.', outcome.retryAfterSeconds);
    }
    if (conversationId && kind !== 'conversationTokens') this.rememberAddress(conversationId, address);
    return succeed(undefined);
  }

  /**
   * The client address (as rate limits count it) that last posted to a conversation, while this process remembers
   * it (in memory, the most recent 50,000 conversations): for limits the bot applies per address, such as status
   * checks. Never stored nor logged.
   */
  addressOf(conversationId: string): string | undefined {
    return this.lastAddresses.get(conversationId);
  }

  private rememberAddress(conversationId: string, address: string): void {
    this.lastAddresses.delete(conversationId);
    this.lastAddresses.set(conversationId, address);
    if (this.lastAddresses.size > 50_000) {
      const oldest = this.lastAddresses.keys().next();
      if (!oldest.done) this.lastAddresses.delete(oldest.value);
    }
  }

  /**
   * Holds a place for a WebSocket stream of `conversationId` from `address`, or refuses (`TooManyRequests`) when
   * either already has its most open streams (`maxStreamsPerConversation`, `maxStreamsPerAddress`). The place is
   * given back by `release` (which `openStream` calls when its stream closes).
   */
  reserveStream(conversationId: string, address: string): Outcome<{ release: () => void }> {
    const { byConversation, byAddress } = this.streamPlaces;
    if (
      (byConversation.get(conversationId) ?? 0) >= this.limits.maxStreamsPerConversation ||
      (byAddress.get(address) ?? 0) >= this.limits.maxStreamsPerAddress
    ) {
      return fail('TooManyRequests', 'Too many streams are open: close one and try again.', 30);
    }
    const change = (counts: Map<string, number>, key: string, by: number) => {
      const next = (counts.get(key) ?? 0) + by;
      if (next > 0) counts.set(key, next);
      else counts.delete(key);
    };
    change(byConversation, conversationId, 1);
    change(byAddress, address, 1);
    let released = false;
    return succeed({
      release: () => {
        if (released) return;
        released = true;
        change(byConversation, conversationId, -1);
        change(byAddress, address, -1);
      },
    });
  }
}
