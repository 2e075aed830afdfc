import { type Activity, ActivityTypes, type ConversationAccount } from 'botbuilder';
import type { Logger } from 'pino';
import { StoreUnavailableError } from '../../storage/storageErrors';
import type { WebSocket } from 'ws';
import { attachmentPath, presentActivityJson } from '../../server/http/attachmentUrls';
import { DirectLineAdapter, type TurnLogic } from './directLineAdapter';
import { fail, type Outcome, succeed } from './directLineError';
import {
  type BotAccount,
  DEFAULT_BOT_ACCOUNT,
  DEFAULT_LIMITS,
  type DirectLineChannelOptions,
  type DirectLineLimits,
} from './directLineOptions';
import type { UploadImageType } from './detectImageType';
import { KeyedSerialQueue } from '../../storage/keyedSerialQueue';
import { LiveFeed } from './liveFeed';
import { liveActivityId, newConversationId, newUserId } from './newIds';
import type { PostedActivity } from './routes/postActivitySchema';
import type { AttachmentStore } from '../../storage/repositories/attachmentStore';
import type { ConversationLog, ConversationRecord } from '../../storage/repositories/conversationLog';
import { ActivityStream } from './stream/activityStream';
import { DIRECT_LINE_CHANNEL_ID, DIRECT_LINE_SERVICE_URL, toClientActivity } from './toClientActivity';
import { type TokenClaims, type TokenRejection, TokenSigner } from './tokenSigner';
import type { Origin } from '../../server/http/requestOrigin';
import { takeAll, TokenBucketLimiter } from '../../server/http/tokenBucketLimiter';

export type { Origin };

/** Who is calling: the website's backend with the secret, or a client with a conversation's token. */
export type Caller = { kind: 'secret' } | { kind: 'token'; token: string; claims: TokenClaims };

/** Direct Line's token response (`tokens/generate`, `tokens/refresh`). */
export interface TokenGrant {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** A token for the embedded chat, with the user id it grants and whether it continues the page's conversation. */
export interface WebchatSession extends TokenGrant {
  userId: string;
  resumed: boolean;
}

/** Direct Line's conversation response (`conversations`, `conversations/{id}`). */
export interface ConversationGrant extends TokenGrant {
  streamUrl: string;
}

/** A page of activities: their JSON as the client receives it, and the watermark to read on from. */
export interface ActivitySet {
  activities: string[];
  watermark: string;
}

export interface UploadedFile {
  bytes: Buffer;
  /** Found from the bytes, not declared by the client. */
  contentType: UploadImageType;
  name?: string;
}

/** The message uploaded files go with: the `activity` part, less its `type` and `attachments`. */
export type UploadTemplate = Omit<PostedActivity, 'type' | 'attachments'>;

/**
 * Rate limits applied per request: tokens for new conversations (per address), tokens for an existing one (per
 * conversation), posted activities and uploads (per address and per conversation; an upload counts as a post too).
 */
export type RateLimitKind = 'tokens' | 'conversationTokens' | 'posts' | 'uploads';

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
 * The self-hosted Direct Line 3.0 channel, transport-free: routes and the WebSocket upgrade validate the request and
 * call these operations; each returns an `Outcome`, a value or a `DirectLineError` to answer with.
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
  private readonly clock: () => Date;
  readonly logger: Logger;
  private readonly logic: TurnLogic;
  private readonly bot: BotAccount;
  private readonly signer: TokenSigner;
  private readonly log: ConversationLog;
  private readonly attachments: AttachmentStore;
  private readonly feed: LiveFeed;
  private readonly turns = new KeyedSerialQueue();
  private readonly streams = new Set<ActivityStream>();
  private readonly lastAddresses = new Map<string, string>();
  private readonly streamPlaces = { byConversation: new Map<string, number>(), byAddress: new Map<string, number>() };
  private readonly limiters: Record<LimiterName, TokenBucketLimiter>;
  private readonly closeHooks: Array<() => void> = [];
  private closing = false;

  constructor(private readonly options: DirectLineChannelOptions) {
    if (options.secret.length < 32) throw new RangeError('the Direct Line secret must be at least 32 characters');
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger;
    this.logic = options.logic;
    this.bot = options.bot ?? DEFAULT_BOT_ACCOUNT;
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.signer = new TokenSigner(options.secret, this.clock);
    this.log = options.conversations;
    this.attachments = options.attachments;
    this.feed = options.feed ?? new LiveFeed();
    this.adapter = new DirectLineAdapter({ log: this.log, feed: this.feed, clock: this.clock });
    const limiter = (name: LimiterName) => new TokenBucketLimiter(this.limits[name], this.clock);
    this.limiters = {
      tokensPerAddress: limiter('tokensPerAddress'),
      tokensPerConversation: limiter('tokensPerConversation'),
      postsPerAddress: limiter('postsPerAddress'),
      postsPerConversation: limiter('postsPerConversation'),
      uploadsPerAddress: limiter('uploadsPerAddress'),
      uploadsPerConversation: limiter('uploadsPerConversation'),
    };
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
    if (this.closing) return fail('ServiceUnavailable', 'The server is stopping; try again shortly.');
    const credential = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!credential) return fail('Unauthorized', 'Send "Authorization: Bearer <Direct Line secret or token>".');
    if (this.signer.isSecret(credential)) return succeed({ kind: 'secret' });
    const verified = this.signer.verify(credential, 'conversation');
    if (!verified.ok) return rejected(verified.reason);
    return succeed({ kind: 'token', token: credential, claims: verified.claims });
  }

  /**
   * Whether the caller may use `conversationId` at all: a token only its own, the secret any. Routes check it before
   * reading a body, so another conversation's id is refused as such whatever was sent with it.
   */
  authorizeConversation(caller: Caller, conversationId: string): Outcome<void> {
    if (caller.kind === 'token' && caller.claims.conv !== conversationId) {
      return fail('Forbidden', 'This token is for another conversation.');
    }
    return succeed(undefined);
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

  /** `tokens/generate`: a token for a new conversation (started by the client's first `conversations` call). */
  generateToken(caller: Caller, user: { id?: string; name?: string } = {}): Outcome<TokenGrant> {
    if (caller.kind !== 'secret') return fail('Forbidden', 'tokens/generate needs the Direct Line secret.');
    return succeed(this.tokenFor(newConversationId(), user.id ?? newUserId(), user.name));
  }

  /**
   * A token for the chat embedded in pages this server serves (`POST /api/webchat/token`): the same conversation
   * again, with a fresh token, for a page that still holds an unexpired one (navigation, reload); otherwise a new
   * conversation for a new user. Rate-limited per conversation when resuming, else per address (`TooManyRequests`).
   */
  webchatSession(existingToken: string | undefined, address: string): Outcome<WebchatSession> {
    const verified = existingToken ? this.signer.verify(existingToken, 'conversation') : undefined;
    if (verified?.ok) {
      const { conv, user, name } = verified.claims;
      const admitted = this.admit('conversationTokens', address, conv);
      if (!admitted.ok) return admitted;
      return succeed({ ...this.tokenFor(conv, user, name), userId: user, resumed: true });
    }
    const admitted = this.admit('tokens', address);
    if (!admitted.ok) return admitted;
    const userId = newUserId();
    return succeed({ ...this.tokenFor(newConversationId(), userId, undefined), userId, resumed: false });
  }

  /** `tokens/refresh`: a new token, for the same conversation and user, from one that has not expired. */
  refreshToken(caller: Caller): Outcome<TokenGrant> {
    if (caller.kind !== 'token') return fail('BadArgument', 'tokens/refresh needs a Direct Line token.');
    return succeed(this.tokenFor(caller.claims.conv, caller.claims.user, caller.claims.name));
  }

  /**
   * `POST conversations`: with the secret, a new conversation (for `user`, or a new user id); with a token, that
   * token's conversation, started now (`created`) or resumed. A new conversation sends the bot a
   * `conversationUpdate` with the resident in `membersAdded`.
   */
  async startConversation(
    caller: Caller,
    request: { user?: { id?: string; name?: string }; locale?: string },
    origin: Origin,
  ): Promise<Outcome<{ created: boolean; grant: ConversationGrant }>> {
    const record =
      caller.kind === 'secret'
        ? this.newRecord(newConversationId(), request.user?.id ?? newUserId(), request.user?.name, request.locale)
        : this.newRecord(caller.claims.conv, caller.claims.user, caller.claims.name, request.locale);
    const opened = await this.openConversation(record);
    return succeed({ created: opened.created, grant: this.conversationGrant(caller, opened.conversation, origin, 0) });
  }

  /** `GET conversations/{id}`: a new `streamUrl` (from `watermark`) for reconnecting. */
  async reconnect(
    caller: Caller,
    conversationId: string,
    watermark: number,
    origin: Origin,
  ): Promise<Outcome<ConversationGrant>> {
    const found = await this.conversationFor(caller, conversationId);
    if (!found.ok) return found;
    return succeed(this.conversationGrant(caller, found.value, origin, watermark));
  }

  /**
   * `POST conversations/{id}/activities`: stores the resident's activity (echoed to the conversation's clients with
   * its id), then runs the bot on it. A resident's typing indicator is acknowledged and dropped: the bot has no use
   * for it.
   */
  async postActivity(caller: Caller, conversationId: string, posted: PostedActivity): Promise<Outcome<{ id: string }>> {
    const found = await this.conversationFor(caller, conversationId);
    if (!found.ok) return found;
    if (posted.type === 'typing') return succeed({ id: `${conversationId}|typing` });
    const { from, ...content } = posted;
    return succeed(await this.accept(found.value, this.senderOf(caller, found.value, from), content));
  }

  /** `POST conversations/{id}/upload`: stores the files, then posts a message with them as attachments. */
  async upload(
    caller: Caller,
    conversationId: string,
    upload: { files: UploadedFile[]; template: UploadTemplate; userId?: string },
  ): Promise<Outcome<{ id: string }>> {
    const found = await this.conversationFor(caller, conversationId);
    if (!found.ok) return found;
    const attachments = [];
    for (const file of upload.files) {
      const id = await this.attachments.save({ conversationId, ...file });
      attachments.push({
        contentType: file.contentType,
        contentUrl: attachmentPath(conversationId, id),
        name: file.name,
      });
    }
    const { from, ...content } = upload.template;
    const sender = this.senderOf(caller, found.value, from ?? (upload.userId ? { id: upload.userId } : undefined));
    return succeed(await this.accept(found.value, sender, { ...content, type: ActivityTypes.Message, attachments }));
  }

  /** `GET conversations/{id}/activities`: activities after `watermark`, oldest first, and the watermark to go on from. */
  async readActivities(
    caller: Caller,
    conversationId: string,
    watermark: number,
    origin: Origin,
  ): Promise<Outcome<ActivitySet>> {
    const found = await this.conversationFor(caller, conversationId);
    if (!found.ok) return found;
    const page = await this.log.readAfter(conversationId, watermark, this.limits.maxActivitiesPerRead);
    const present = this.presenter(found.value, origin);
    return succeed({
      activities: page.activities.map((activity) => present(activity.json)),
      watermark: String(page.lastSeq ?? watermark),
    });
  }

  /**
   * An uploaded file, for a caller holding the conversation's token (or the secret) in `Authorization`, or the
   * attachment token carried by the URL clients receive (`t`).
   */
  async readAttachment(
    credentials: { authorization?: string; t?: string },
    conversationId: string,
    attachmentId: string,
  ): Promise<Outcome<{ contentType: string; bytes: Buffer }>> {
    const access = this.checkAccess(credentials, 'attachment', conversationId);
    if (!access.ok) return access;
    const found = await this.attachments.find(conversationId, attachmentId);
    return found ? succeed(found) : fail('NotFound', 'There is no such attachment.');
  }

  /** Checks a WebSocket upgrade's credentials (the `streamUrl`'s `t`, or `Authorization`) and that the conversation exists. */
  async authorizeStream(
    credentials: { authorization?: string; t?: string },
    conversationId: string,
  ): Promise<Outcome<ConversationRecord>> {
    const access = this.checkAccess(credentials, 'stream', conversationId);
    if (!access.ok) return access;
    try {
      const conversation = await this.log.find(conversationId);
      return conversation ? succeed(conversation) : fail('NotFound', 'There is no such conversation.');
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // The token proves the conversation was granted: serve it live until the store is back.
      return succeed(this.newRecord(conversationId, 'unknown', undefined, undefined));
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

  /** Serves an accepted WebSocket as the conversation's stream from `watermark`. */
  openStream(
    socket: WebSocket,
    conversation: ConversationRecord,
    watermark: number,
    origin: Origin,
    onClose: () => void = () => undefined,
  ): void {
    const stream = new ActivityStream(socket, {
      conversationId: conversation._id,
      watermark,
      log: this.log,
      feed: this.feed,
      present: this.presenter(conversation, origin),
      maxActivitiesPerRead: this.limits.maxActivitiesPerRead,
      keepAliveMs: this.options.keepAliveMs ?? 15_000,
      pollMs: this.options.streamPollMs ?? 2_000,
      logger: this.logger,
      onClose: () => {
        this.streams.delete(stream);
        onClose();
      },
    });
    this.streams.add(stream);
    stream.start();
    if (this.closing) stream.close();
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
    for (const stream of [...this.streams]) stream.close();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.turns.drain(),
      new Promise((resolve) => {
        timer = setTimeout(resolve, drainMs);
      }),
    ]);
    clearTimeout(timer);
  }

  private async accept(
    conversation: ConversationRecord,
    from: { id: string; name?: string },
    content: Partial<Activity>,
  ): Promise<{ id: string }> {
    const conversationId = conversation._id;
    const timestamp = this.clock();
    const activity: Partial<Activity> = {
      ...content,
      channelId: DIRECT_LINE_CHANNEL_ID,
      serviceUrl: DIRECT_LINE_SERVICE_URL,
      conversation: conversationAccount(conversationId),
      from: { id: from.id, name: from.name ?? '', role: 'user' },
      recipient: { id: this.bot.id, name: this.bot.name, role: 'bot' },
      locale: content.locale ?? conversation.locale,
    };
    const [stored] = await Promise.all([
      this.log.append(conversationId, (id) => toClientActivity(activity, id, timestamp)).catch(unlessUnavailable),
      this.log.touch(conversationId).catch(unlessUnavailable),
    ]);
    if (!stored) {
      // The store cannot be reached: the message is delivered live (WebSocket clients see it and the bot's
      // answers), but not kept, so the resident's client is told nothing was lost only for what it has seen.
      const id = liveActivityId(conversationId);
      this.logger.warn({ conversationId }, 'store unavailable: message delivered live only');
      this.feed.publish(conversationId, {
        kind: 'unsaved',
        json: JSON.stringify(toClientActivity(activity, id, timestamp)),
      });
      this.runTurn(conversationId, { ...activity, id, timestamp });
      return { id };
    }
    this.feed.publish(conversationId, { kind: 'stored', seq: stored.seq, json: stored.json });
    this.runTurn(conversationId, { ...activity, id: stored.id, timestamp });
    return { id: stored.id };
  }

  private async openConversation(
    record: ConversationRecord,
  ): Promise<{ created: boolean; conversation: ConversationRecord }> {
    let opened: { created: boolean; conversation: ConversationRecord };
    try {
      opened = await this.log.open(record);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.logger.warn({ conversationId: record._id }, 'store unavailable: conversation served live only');
      return { created: false, conversation: record };
    }
    if (opened.created) {
      const resident = { id: record.userId, name: record.userName ?? '', role: 'user' };
      this.runTurn(record._id, {
        type: ActivityTypes.ConversationUpdate,
        id: `${record._id}|start`,
        timestamp: this.clock(),
        channelId: DIRECT_LINE_CHANNEL_ID,
        serviceUrl: DIRECT_LINE_SERVICE_URL,
        conversation: conversationAccount(record._id),
        from: resident,
        recipient: { id: this.bot.id, name: this.bot.name, role: 'bot' },
        membersAdded: [resident],
        locale: record.locale,
      });
    }
    return opened;
  }

  /** The conversation a caller may use: a token's own (started now if it was not yet), or any existing one with the secret. */
  private async conversationFor(caller: Caller, conversationId: string): Promise<Outcome<ConversationRecord>> {
    const authorized = this.authorizeConversation(caller, conversationId);
    if (!authorized.ok) return authorized;
    let found: ConversationRecord | null;
    try {
      found = await this.log.find(conversationId);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      if (caller.kind === 'secret') return fail('ServiceUnavailable', 'The store is unavailable; try again shortly.');
      // The token proves the conversation was granted: serve it live until the store is back.
      return succeed(this.newRecord(conversationId, caller.claims.user, caller.claims.name, undefined));
    }
    if (found) return succeed(found);
    if (caller.kind === 'secret') return fail('NotFound', 'There is no such conversation.');
    const opened = await this.openConversation(
      this.newRecord(conversationId, caller.claims.user, caller.claims.name, undefined),
    );
    return succeed(opened.conversation);
  }

  private runTurn(conversationId: string, activity: Partial<Activity>): void {
    this.turns
      .run(conversationId, () => this.adapter.processActivity(activity, this.logic))
      .catch((error: unknown) => {
        this.logger.error({ err: error, conversationId, activityType: activity.type }, 'direct line turn failed');
      });
  }

  /** The resident an activity is from: the token's user, or with the secret whoever the caller names. */
  private senderOf(
    caller: Caller,
    conversation: ConversationRecord,
    from: { id?: string; name?: string } | undefined,
  ): { id: string; name?: string } {
    if (caller.kind === 'token') return { id: caller.claims.user, name: from?.name ?? caller.claims.name };
    return { id: from?.id ?? conversation.userId, name: from?.name ?? conversation.userName };
  }

  private checkAccess(
    credentials: { authorization?: string; t?: string },
    scope: 'stream' | 'attachment',
    conversationId: string,
  ): Outcome<void> {
    if (credentials.t) {
      const verified = this.signer.verify(credentials.t, scope);
      if (!verified.ok) return rejected(verified.reason);
      if (verified.claims.conv !== conversationId) return fail('Forbidden', 'This token is for another conversation.');
      return succeed(undefined);
    }
    const caller = this.authenticate(credentials.authorization);
    if (!caller.ok) return caller;
    if (caller.value.kind === 'token' && caller.value.claims.conv !== conversationId) {
      return fail('Forbidden', 'This token is for another conversation.');
    }
    return succeed(undefined);
  }

  private presenter(conversation: ConversationRecord, origin: Origin): (json: string) => string {
    let token: string | undefined;
    const attachmentToken = () => {
      token ??= this.signer.sign(
        { scope: 'attachment', conversationId: conversation._id, userId: conversation.userId },
        this.options.attachmentTokenTtlSeconds ?? 3600,
      ).token;
      return token;
    };
    return (json) => presentActivityJson(json, origin.http, attachmentToken);
  }

  private tokenFor(conversationId: string, userId: string, userName: string | undefined): TokenGrant {
    const signed = this.signer.sign(
      { scope: 'conversation', conversationId, userId, userName },
      this.options.tokenTtlSeconds ?? 1800,
    );
    return { conversationId, token: signed.token, expires_in: signed.expiresIn };
  }

  private conversationGrant(
    caller: Caller,
    conversation: ConversationRecord,
    origin: Origin,
    watermark: number,
  ): ConversationGrant {
    const grant =
      caller.kind === 'token'
        ? { conversationId: conversation._id, token: caller.token, expires_in: this.signer.secondsLeft(caller.claims) }
        : this.tokenFor(conversation._id, conversation.userId, conversation.userName);
    const streamToken = this.signer.sign(
      { scope: 'stream', conversationId: conversation._id, userId: conversation.userId },
      this.options.streamTokenTtlSeconds ?? 120,
    ).token;
    const query = new URLSearchParams({ watermark: String(watermark), t: streamToken });
    return { ...grant, streamUrl: `${origin.ws}/v3/directline/conversations/${conversation._id}/stream?${query}` };
  }

  private newRecord(
    conversationId: string,
    userId: string,
    userName: string | undefined,
    locale: string | undefined,
  ): ConversationRecord {
    const now = this.clock();
    return { _id: conversationId, userId, userName, locale, createdAt: now, lastActivityAt: now };
  }
}

/** An error that is only the store being unreachable becomes `undefined` (nothing stored); any other is rethrown. */
function unlessUnavailable(error: unknown): undefined {
  if (error instanceof StoreUnavailableError) return undefined;
  throw error;
}

function conversationAccount(conversationId: string): ConversationAccount {
  return { id: conversationId, isGroup: false, conversationType: 'personal', name: '' };
}

function rejected<T>(reason: TokenRejection): Outcome<T> {
  if (reason === 'expired') {
    return fail('TokenExpired', 'The token has expired: refresh tokens before they expire, or get a new one.');
  }
  return fail('Forbidden', 'The token is not valid.');
}
