import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { Origin } from '../../server/http/requestOrigin';
import type { ConversationRecord } from '../../storage/repositories/conversationLog';
import { ChannelAccess } from './channelAccess';
import { ChannelAdmission } from './channelAdmission';
import { ChannelConversations } from './channelConversations';
import { ChannelStreams } from './channelStreams';
import type {
  ActivitySet,
  Caller,
  ConversationGrant,
  RateLimitKind,
  TokenGrant,
  UploadedFile,
  UploadTemplate,
  WebchatSession,
} from './channelTypes';
import { DirectLineAdapter } from './directLineAdapter';
import { type Outcome, succeed } from './directLineError';
import {
  DEFAULT_BOT_ACCOUNT,
  DEFAULT_LIMITS,
  type DirectLineChannelOptions,
  type DirectLineLimits,
} from './directLineOptions';
import { LiveFeed } from './liveFeed';
import { newConversationId, newUserId } from './newIds';
import type { PostedActivity } from './routes/postActivitySchema';
import { TokenSigner } from './tokenSigner';

export type {
  ActivitySet,
  Caller,
  ConversationGrant,
  Origin,
  RateLimitKind,
  TokenGrant,
  UploadedFile,
  UploadTemplate,
  WebchatSession,
};

/**
 * The self-hosted Direct Line 3.0 channel, transport-free: routes and the WebSocket upgrade validate the request and
 * call these operations; each returns an `Outcome`, a value or a `DirectLineError` to answer with. It is built from
 * four parts: tokens and access (`ChannelAccess`), admission (`ChannelAdmission`), conversations and activities
 * (`ChannelConversations`) and streams (`ChannelStreams`).
 *
 * Guarantees:
 * - A token grants exactly one conversation, as its user; the secret grants every conversation.
 * - A resident's activity is durably stored (with its id, `from`, `timestamp` and `channelData`) before
 *   `postActivity` resolves; the bot then runs on it, one turn at a time per conversation in this process.
 * - Everything a conversation holds is in the store, so any process sharing it (or this one after a restart) can
 *   serve the conversation; in-memory state (subscribers, rate limits, seq hints) only makes it faster or fairer.
 * - Expected refusals are values; only bugs and outages reject.
 */
export class DirectLineChannel {
  /** Add the app's middleware with `adapter.use(...)` and its `onTurnError`, as for the CloudAdapter. */
  readonly adapter: DirectLineAdapter;
  readonly limits: DirectLineLimits;
  readonly logger: Logger;
  private readonly access: ChannelAccess;
  private readonly admission: ChannelAdmission;
  private readonly conversations: ChannelConversations;
  private readonly streams: ChannelStreams;
  private readonly closeHooks: Array<() => void> = [];
  private closing = false;

  constructor(private readonly options: DirectLineChannelOptions) {
    if (options.secret.length < 32) throw new RangeError('the Direct Line secret must be at least 32 characters');
    const clock = options.clock ?? (() => new Date());
    const feed = options.feed ?? new LiveFeed();
    const isClosing = () => this.closing;
    this.logger = options.logger;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.adapter = new DirectLineAdapter({ log: options.conversations, feed, clock });
    this.access = new ChannelAccess(new TokenSigner(options.secret, clock), options, isClosing);
    this.admission = new ChannelAdmission(this.limits, clock);
    this.conversations = new ChannelConversations(
      {
        log: options.conversations,
        attachments: options.attachments,
        feed,
        adapter: this.adapter,
        logic: options.logic,
        bot: options.bot ?? DEFAULT_BOT_ACCOUNT,
        limits: this.limits,
        clock,
        logger: this.logger,
      },
      this.access,
    );
    this.streams = new ChannelStreams(
      {
        log: options.conversations,
        feed,
        logger: this.logger,
        maxActivitiesPerRead: this.limits.maxActivitiesPerRead,
        keepAliveMs: options.keepAliveMs,
        streamPollMs: options.streamPollMs,
      },
      isClosing,
    );
  }

  /** The public base URL configured for the channel (`PUBLIC_URL`), if any. */
  get publicUrl(): string | undefined {
    return this.options.publicUrl;
  }

  get trustProxy(): boolean {
    return this.options.trustProxy ?? false;
  }

  /** Reads `Authorization: Bearer <secret or token>`. */
  authenticate(authorization: string | undefined): Outcome<Caller> {
    return this.access.authenticate(authorization);
  }

  /**
   * Whether the caller may use `conversationId` at all: a token only its own, the secret any. Routes check it before
   * reading a body, so another conversation's id is refused as such whatever was sent with it.
   */
  authorizeConversation(caller: Caller, conversationId: string): Outcome<void> {
    return this.access.authorizeConversation(caller, conversationId);
  }

  /** Takes one request from the caller's buckets; `TooManyRequests` with a retry delay when one is empty. */
  admit(kind: RateLimitKind, address: string, conversationId?: string): Outcome<void> {
    return this.admission.admit(kind, address, conversationId);
  }

  /** The client address that last posted to a conversation, while this process remembers it (see `ChannelAdmission`). */
  addressOf(conversationId: string): string | undefined {
    return this.admission.addressOf(conversationId);
  }

  /** `tokens/generate`: a token for a new conversation (started by the client's first `conversations` call). */
  generateToken(caller: Caller, user: { id?: string; name?: string } = {}): Outcome<TokenGrant> {
    return this.access.generateToken(caller, user);
  }

  /**
   * A token for the chat embedded in pages this server serves (`POST /api/webchat/token`): the same conversation
   * again, with a fresh token, for a page that still holds an unexpired one (navigation, reload); otherwise a new
   * conversation for a new user. Rate-limited per conversation when resuming, else per address (`TooManyRequests`).
   */
  webchatSession(existingToken: string | undefined, address: string): Outcome<WebchatSession> {
    const verified = existingToken ? this.access.signer.verify(existingToken, 'conversation') : undefined;
    if (verified?.ok) {
      const { conv, user, name } = verified.claims;
      const admitted = this.admit('conversationTokens', address, conv);
      if (!admitted.ok) return admitted;
      return succeed({ ...this.access.tokenFor(conv, user, name), userId: user, resumed: true });
    }
    const admitted = this.admit('tokens', address);
    if (!admitted.ok) return admitted;
    const userId = newUserId();
    return succeed({ ...this.access.tokenFor(newConversationId(), userId, undefined), userId, resumed: false });
  }

  /** `tokens/refresh`: a new token, for the same conversation and user, from one that has not expired. */
  refreshToken(caller: Caller): Outcome<TokenGrant> {
    return this.access.refreshToken(caller);
  }

  /** `POST conversations`: see `ChannelConversations.startConversation`. */
  startConversation(
    caller: Caller,
    request: { user?: { id?: string; name?: string }; locale?: string },
    origin: Origin,
  ): Promise<Outcome<{ created: boolean; grant: ConversationGrant }>> {
    return this.conversations.startConversation(caller, request, origin);
  }

  /** `GET conversations/{id}`: a new `streamUrl` (from `watermark`) for reconnecting. */
  reconnect(
    caller: Caller,
    conversationId: string,
    watermark: number,
    origin: Origin,
  ): Promise<Outcome<ConversationGrant>> {
    return this.conversations.reconnect(caller, conversationId, watermark, origin);
  }

  /** `POST conversations/{id}/activities`: see `ChannelConversations.postActivity`. */
  postActivity(caller: Caller, conversationId: string, posted: PostedActivity): Promise<Outcome<{ id: string }>> {
    return this.conversations.postActivity(caller, conversationId, posted);
  }

  /** `POST conversations/{id}/upload`: stores the files, then posts a message with them as attachments. */
  upload(
    caller: Caller,
    conversationId: string,
    upload: { files: UploadedFile[]; template: UploadTemplate; userId?: string },
  ): Promise<Outcome<{ id: string }>> {
    return this.conversations.upload(caller, conversationId, upload);
  }

  /** `GET conversations/{id}/activities`: activities after `watermark`, oldest first, and the watermark to go on from. */
  readActivities(
    caller: Caller,
    conversationId: string,
    watermark: number,
    origin: Origin,
  ): Promise<Outcome<ActivitySet>> {
    return this.conversations.readActivities(caller, conversationId, watermark, origin);
  }

  /** An uploaded file, for a caller holding the conversation's token, the secret, or the URL's attachment token. */
  readAttachment(
    credentials: { authorization?: string; t?: string },
    conversationId: string,
    attachmentId: string,
  ): Promise<Outcome<{ contentType: string; bytes: Buffer }>> {
    return this.conversations.readAttachment(credentials, conversationId, attachmentId);
  }

  /** Checks a WebSocket upgrade's credentials (the `streamUrl`'s `t`, or `Authorization`) and that the conversation exists. */
  authorizeStream(
    credentials: { authorization?: string; t?: string },
    conversationId: string,
  ): Promise<Outcome<ConversationRecord>> {
    return this.conversations.authorizeStream(credentials, conversationId);
  }

  /**
   * Holds a place for a WebSocket stream of `conversationId` from `address`, or refuses (`TooManyRequests`) when
   * either already has its most open streams. The place is given back by `release` (which `openStream` calls when
   * its stream closes).
   */
  reserveStream(conversationId: string, address: string): Outcome<{ release: () => void }> {
    return this.admission.reserveStream(conversationId, address);
  }

  /** Serves an accepted WebSocket as the conversation's stream from `watermark`. */
  openStream(
    socket: WebSocket,
    conversation: ConversationRecord,
    watermark: number,
    origin: Origin,
    onClose: () => void = () => undefined,
  ): void {
    this.streams.open(socket, conversation, watermark, this.access.presenter(conversation, origin), onClose);
  }

  /** Runs `hook` when the channel closes (the HTTP layer detaches its upgrade listener). */
  onClose(hook: () => void): void {
    this.closeHooks.push(hook);
  }

  /** Open WebSocket streams (for metrics and tests). */
  get openStreams(): number {
    return this.streams.size;
  }

  /**
   * Stops: new requests get 503, streams are closed (clients reconnect elsewhere or later), and turns already queued
   * are given up to `drainMs` to finish. Does not close the store, which the app owns.
   */
  async close(drainMs = 10_000): Promise<void> {
    this.closing = true;
    for (const hook of this.closeHooks.splice(0)) hook();
    this.streams.closeAll();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.conversations.drain(),
      new Promise((resolve) => {
        timer = setTimeout(resolve, drainMs);
      }),
    ]);
    clearTimeout(timer);
  }
}
