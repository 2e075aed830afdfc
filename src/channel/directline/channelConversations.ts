import { type Activity, ActivityTypes, type ConversationAccount } from 'botbuilder';
import type { Logger } from 'pino';
import { StoreUnavailableError } from '../../storage/storageErrors';
import { attachmentPath } from '../../server/http/attachmentUrls';
import { type DirectLineAdapter, type TurnLogic } from './directLineAdapter';
import { fail, type Outcome, succeed } from './directLineError';
import { type BotAccount, type DirectLineLimits } from './directLineOptions';
import { KeyedSerialQueue } from '../../storage/keyedSerialQueue';
import { type LiveFeed } from './liveFeed';
import { liveActivityId, newConversationId, newUserId } from './newIds';
import type { PostedActivity } from './routes/postActivitySchema';
import type { AttachmentStore } from '../../storage/repositories/attachmentStore';
import type { ConversationLog, ConversationRecord } from '../../storage/repositories/conversationLog';
import { DIRECT_LINE_CHANNEL_ID, DIRECT_LINE_SERVICE_URL, toClientActivity } from './toClientActivity';
import type { Origin } from '../../server/http/requestOrigin';

import type { ChannelAccess } from './channelAccess';
import type { ActivitySet, Caller, ConversationGrant, UploadedFile, UploadTemplate } from './channelTypes';

/**
 * How long the sync of a resident's message may wait to be shared with the turn's own (its bot state, saved a few
 * milliseconds after the reply). The bot starts on the message and the reply is shown as soon as each is committed;
 * only the answer to the post (and the message's watermark) waits for the disk, at most this much longer.
 */
export const POST_SYNC_WITHIN_MS = 50;

/**
 * Conversations and activities: starts and resumes conversations, stores what residents post (files too) before the
 * bot runs on it, one turn at a time per conversation in this process, and reads activities back. When the store
 * cannot be reached, a conversation a token proves was granted is served live until it is back.
 */
export class ChannelConversations {
  private readonly turns = new KeyedSerialQueue();

  constructor(
    private readonly parts: {
      log: ConversationLog;
      attachments: AttachmentStore;
      feed: LiveFeed;
      adapter: DirectLineAdapter;
      logic: TurnLogic;
      bot: BotAccount;
      limits: DirectLineLimits;
      clock: () => Date;
      logger: Logger;
    },
    private readonly access: ChannelAccess,
  ) {}

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
    return succeed({
      created: opened.created,
      grant: this.access.conversationGrant(caller, opened.conversation, origin, 0),
    });
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
    return succeed(this.access.conversationGrant(caller, found.value, origin, watermark));
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
      const id = await this.parts.attachments.save({ conversationId, ...file });
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
    const page = await this.parts.log.readAfter(conversationId, watermark, this.parts.limits.maxActivitiesPerRead);
    const present = this.access.presenter(found.value, origin);
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
    const access = this.access.checkAccess(credentials, 'attachment', conversationId);
    if (!access.ok) return access;
    const found = await this.parts.attachments.find(conversationId, attachmentId);
    return found ? succeed(found) : fail('NotFound', 'There is no such attachment.');
  }

  /** Checks a WebSocket upgrade's credentials (the `streamUrl`'s `t`, or `Authorization`) and that the conversation exists. */
  async authorizeStream(
    credentials: { authorization?: string; t?: string },
    conversationId: string,
  ): Promise<Outcome<ConversationRecord>> {
    const access = this.access.checkAccess(credentials, 'stream', conversationId);
    if (!access.ok) return access;
    try {
      const conversation = await this.parts.log.find(conversationId);
      return conversation ? succeed(conversation) : fail('NotFound', 'There is no such conversation.');
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // The token proves the conversation was granted: serve it live until the store is back.
      return succeed(this.newRecord(conversationId, 'unknown', undefined, undefined));
    }
  }

  private async accept(
    conversation: ConversationRecord,
    from: { id: string; name?: string },
    content: Partial<Activity>,
  ): Promise<{ id: string }> {
    const conversationId = conversation._id;
    const timestamp = this.parts.clock();
    const activity: Partial<Activity> = {
      ...content,
      channelId: DIRECT_LINE_CHANNEL_ID,
      serviceUrl: DIRECT_LINE_SERVICE_URL,
      conversation: conversationAccount(conversationId),
      from: { id: from.id, name: from.name ?? '', role: 'user' },
      recipient: { id: this.parts.bot.id, name: this.parts.bot.name, role: 'bot' },
      locale: content.locale ?? conversation.locale,
    };
    // The message is acknowledged once committed, so the bot starts on it while the disk catches up; it is
    // published, and the post answered, only once it is on disk. Whatever the turn writes is committed after it,
    // so it cannot outlive the message in a power cut. Its sync may wait a moment (`POST_SYNC_WITHIN_MS`) to be
    // shared with the one the turn asks for when it saves its state a few milliseconds later: a sync costs the
    // machine far more than a write, and a turn then syncs once, not twice.
    const [stored] = await Promise.all([
      this.parts.log
        .append(conversationId, (id) => toClientActivity(activity, id, timestamp), { acknowledge: 'committed' })
        .catch(unlessUnavailable),
      this.parts.log.touch(conversationId).catch(unlessUnavailable),
    ]);
    if (!stored) {
      // The store cannot be reached: the message is delivered live (WebSocket clients see it and the bot's
      // answers), but not kept, so the resident's client is told nothing was lost only for what it has seen.
      const id = liveActivityId(conversationId);
      this.parts.logger.warn({ conversationId }, 'store unavailable: message delivered live only');
      this.parts.feed.publish(conversationId, {
        kind: 'unsaved',
        json: JSON.stringify(toClientActivity(activity, id, timestamp)),
      });
      this.runTurn(conversationId, { ...activity, id, timestamp });
      return { id };
    }
    const upTo = this.parts.log.commitMark();
    this.runTurn(conversationId, { ...activity, id: stored.id, timestamp });
    await this.parts.log.settled({ withinMs: POST_SYNC_WITHIN_MS, upTo });
    this.parts.feed.publish(conversationId, { kind: 'stored', seq: stored.seq, json: stored.json });
    return { id: stored.id };
  }

  private async openConversation(
    record: ConversationRecord,
  ): Promise<{ created: boolean; conversation: ConversationRecord }> {
    let opened: { created: boolean; conversation: ConversationRecord };
    try {
      opened = await this.parts.log.open(record);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.parts.logger.warn({ conversationId: record._id }, 'store unavailable: conversation served live only');
      return { created: false, conversation: record };
    }
    if (opened.created) {
      const resident = { id: record.userId, name: record.userName ?? '', role: 'user' };
      this.runTurn(record._id, {
        type: ActivityTypes.ConversationUpdate,
        id: `${record._id}|start`,
        timestamp: this.parts.clock(),
        channelId: DIRECT_LINE_CHANNEL_ID,
        serviceUrl: DIRECT_LINE_SERVICE_URL,
        conversation: conversationAccount(record._id),
        from: resident,
        recipient: { id: this.parts.bot.id, name: this.parts.bot.name, role: 'bot' },
        membersAdded: [resident],
        locale: record.locale,
      });
    }
    return opened;
  }

  /** The conversation a caller may use: a token's own (started now if it was not yet), or any existing one with the secret. */
  private async conversationFor(caller: Caller, conversationId: string): Promise<Outcome<ConversationRecord>> {
    const authorized = this.access.authorizeConversation(caller, conversationId);
    if (!authorized.ok) return authorized;
    let found: ConversationRecord | null;
    try {
      found = await this.parts.log.find(conversationId);
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
      .run(conversationId, () => this.parts.adapter.processActivity(activity, this.parts.logic))
      .catch((error: unknown) => {
        this.parts.logger.error({ err: error, conversationId, activityType: activity.type }, 'direct line turn failed');
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

  private newRecord(
    conversationId: string,
    userId: string,
    userName: string | undefined,
    locale: string | undefined,
  ): ConversationRecord {
    const now = this.parts.clock();
    return { _id: conversationId, userId, userName, locale, createdAt: now, lastActivityAt: now };
  }

  /** Waits for the turns already queued to finish. */
  drain(): Promise<void> {
    return this.turns.drain();
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
