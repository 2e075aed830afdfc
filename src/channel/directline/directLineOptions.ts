import type { LiveFeed } from './liveFeed';
import type { Logger } from 'pino';
import type { AttachmentStore } from '../../storage/repositories/attachmentStore';
import type { ConversationLog } from '../../storage/repositories/conversationLog';
import type { TurnLogic } from './directLineAdapter';
import { perMinute, type RateLimit } from '../../server/http/tokenBucketLimiter';

/** Sizes and rates the channel enforces; every request beyond them gets a 4xx and the server keeps serving. */
export interface DirectLineLimits {
  /** Largest activity a client may post, as JSON bytes (413 beyond). */
  maxActivityBytes: number;
  /** Longest `text` of a posted activity, in characters (413 beyond). */
  maxTextLength: number;
  /** Largest uploaded file (413 beyond). */
  maxUploadFileBytes: number;
  /** Largest upload, all files together (413 beyond). */
  maxUploadTotalBytes: number;
  maxUploadFiles: number;
  /** Most activities one GET or one stream frame carries; clients read on from the watermark. */
  maxActivitiesPerRead: number;
  /** Tokens for new conversations (`tokens/generate`, secret-authorised `conversations`, web chat), per address. */
  tokensPerAddress: RateLimit;
  /** Tokens for an existing conversation (`tokens/refresh`, resuming, reconnecting), per conversation. */
  tokensPerConversation: RateLimit;
  /** Posted activities and uploads, per client address. */
  postsPerAddress: RateLimit;
  /** Posted activities and uploads, per conversation. */
  postsPerConversation: RateLimit;
  /** Uploads, per client address (on top of the posts' limits). */
  uploadsPerAddress: RateLimit;
  /** Uploads, per conversation (on top of the posts' limits). */
  uploadsPerConversation: RateLimit;
  /** WebSocket streams open at once for one conversation (one token grants one conversation). */
  maxStreamsPerConversation: number;
  /** WebSocket streams open at once from one client address (an IPv6 /64). */
  maxStreamsPerAddress: number;
}

export const DEFAULT_LIMITS: DirectLineLimits = {
  maxActivityBytes: 32 * 1024,
  maxTextLength: 4000,
  maxUploadFileBytes: 5 * 1024 * 1024,
  maxUploadTotalBytes: 10 * 1024 * 1024,
  maxUploadFiles: 10,
  maxActivitiesPerRead: 100,
  // A council website's backend asks for every visitor's token from one address, and many residents share an address
  // behind a mobile network's or a library's NAT: per address the limits are generous, but bounded. A person types
  // far slower than a conversation's limit. The same figures are the RATE_LIMIT_* settings' defaults.
  tokensPerAddress: perMinute(120),
  tokensPerConversation: perMinute(30),
  postsPerAddress: perMinute(1200),
  postsPerConversation: perMinute(60),
  uploadsPerAddress: perMinute(60),
  uploadsPerConversation: perMinute(10),
  // A resident has one chat window, maybe a few tabs and a reconnect in flight; many share an address behind NAT.
  maxStreamsPerConversation: 4,
  maxStreamsPerAddress: 200,
};

/** The bot's account in conversations: `recipient` of residents' activities, `from` of its replies. */
export interface BotAccount {
  id: string;
  name: string;
}

export interface DirectLineChannelOptions {
  /** Where conversations and their activities are kept (the app's repository, so erasure and retention reach them). */
  conversations: ConversationLog;
  /** Where uploaded files are kept. */
  attachments: AttachmentStore;
  /** `DIRECTLINE_SECRET`: authorises `tokens/generate` and signs tokens (at least 32 characters). */
  secret: string;
  logger: Logger;
  /** The bot's turn: `(context) => bot.run(context)`. It runs after the adapter's middleware. */
  logic: TurnLogic;
  /** The time, for token expiry, rate limits and timestamps; tests pass a clock they move. */
  clock?: () => Date;
  bot?: BotAccount;
  /** Lifetime of Direct Line tokens (default 1,800 s, as Azure's). */
  tokenTtlSeconds?: number;
  /** Lifetime of the token in a `streamUrl`, which is used at once (default 120 s). */
  streamTokenTtlSeconds?: number;
  /** Lifetime of the token in attachment URLs handed to clients (default 3,600 s). */
  attachmentTokenTtlSeconds?: number;
  /** `PUBLIC_URL`: the origin clients reach the server at, for `streamUrl` and attachment URLs; else the Host header. */
  publicUrl?: string;
  /** Behind a reverse proxy: take the client address and scheme from `X-Forwarded-For` / `X-Forwarded-Proto`. */
  trustProxy?: boolean;
  limits?: Partial<DirectLineLimits>;
  /** How often a WebSocket is pinged; one that missed the previous ping is closed (default 15 s). */
  keepAliveMs?: number;
  /** How often a WebSocket stream also reads the store, for activities other processes stored (default 2 s). */
  streamPollMs?: number;
  /** The live feed of the process (the app gives one wired to the cluster bus); a new one by default. */
  feed?: LiveFeed;
}

export const DEFAULT_BOT_ACCOUNT: BotAccount = { id: 'council-assistant', name: 'Council assistant' };
