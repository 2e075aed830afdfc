import { randomBytes } from 'node:crypto';
import {
  type Activity,
  ActivityEventNames,
  ActivityTypes,
  BotAdapter,
  type ConversationReference,
  INVOKE_RESPONSE_KEY,
  type ResourceResponse,
  TurnContext,
} from 'botbuilder';
import { StoreUnavailableError } from '../../storage/storageErrors';
import { liveActivityId } from './newIds';
import type { LiveFeed } from './liveFeed';
import type { ConversationLog, LoggedActivity } from '../../storage/repositories/conversationLog';
import { toClientActivity } from './toClientActivity';

/**
 * How long a reply's sync may wait for the rest of its turn (the bot state saved after it) to share it; the turn's
 * end asks for it at once.
 */
const REPLY_SYNC_WITHIN_MS = 50;

/** The turn state key of the commit mark of the last activity a turn sent. */
const SENT_UP_TO = Symbol('directLineSentUpTo');

/** What a turn runs after the adapter's middleware: in the app, `(context) => bot.run(context)`. */
export type TurnLogic = (context: TurnContext) => Promise<void>;

/** The first argument of `continueConversationAsync`: a bot app id, or Bot Framework claims (ignored here). */
type BotIdentity = string | Parameters<BotAdapter['continueConversationAsync']>[0];

export interface DirectLineAdapterDependencies {
  log: ConversationLog;
  feed: LiveFeed;
  clock: () => Date;
}

/**
 * The bot side of the self-hosted Direct Line channel: a Bot Framework adapter whose turns run through its own
 * middleware (`use()`) and `onTurnError`, like the CloudAdapter's, and whose outgoing activities go to the
 * conversation's store and live subscribers instead of to Azure.
 *
 * Guarantees:
 * - `sendActivities` resolves once each message is committed, with the id clients see (`<conversationId>|0000007`);
 *   the activity is stored as sent, `channelData` included. WebSocket clients are shown it as soon as it is
 *   committed, and given its watermark once it is on disk. A turn (`processActivity`, `continueConversationAsync`)
 *   resolves only once everything it sent is on disk: the sync that covers a reply is usually the one that covers
 *   the bot state the turn saves after it, so a turn asks the disk once, not once per reply and again for the state.
 * - Typing indicators are delivered live to WebSocket clients and not stored; `delay` waits; `trace` is dropped.
 * - `updateActivity` replaces the stored activity (clients see the new version on their next read, and WebSocket
 *   clients at once); `deleteActivity` stops it being delivered. Direct Line 3.0 has no message telling a client
 *   that an activity it already has was changed or deleted.
 */
export class DirectLineAdapter extends BotAdapter {
  constructor(private readonly dependencies: DirectLineAdapterDependencies) {
    super();
  }

  /** Runs one turn: the middleware, then `logic`; an error goes to `onTurnError` (or rejects when there is none). */
  async processActivity(activity: Partial<Activity>, logic: TurnLogic): Promise<void> {
    const context = new TurnContext(this, activity);
    await this.runMiddleware(context, logic);
    const sent = context.turnState.get<number | undefined>(SENT_UP_TO);
    if (sent !== undefined) await this.dependencies.log.settled({ upTo: sent });
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) responses.push(await this.send(context, activity));
    return responses;
  }

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse> {
    const conversationId = conversationOf(context, activity);
    const id = activity.id;
    if (!id || !id.startsWith(`${conversationId}|`))
      throw new Error('updateActivity needs an activity of this conversation');
    const timestamp = this.dependencies.clock();
    const revised = await this.dependencies.log.revise(id, () => toClientActivity(activity, id, timestamp));
    if (!revised) throw new Error('updateActivity: no such activity');
    this.dependencies.feed.publish(conversationId, { kind: 'revised', json: revised.json });
    return { id };
  }

  override async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversationId = reference.conversation?.id ?? context.activity.conversation?.id;
    const id = reference.activityId;
    if (!conversationId || !id || !id.startsWith(`${conversationId}|`)) {
      throw new Error('deleteActivity needs an activity of this conversation');
    }
    await this.dependencies.log.markDeleted(id);
  }

  /** @deprecated Bot Framework's older signature; use `continueConversationAsync`. */
  override continueConversation(reference: Partial<ConversationReference>, logic: TurnLogic): Promise<void> {
    return this.continueConversationAsync('', reference, logic);
  }

  /**
   * Runs a proactive turn (a CSA's reply, a callback reminder) in a conversation of this channel, through the
   * middleware. The bot identity and audience arguments exist for the Bot Framework's signature and are ignored.
   */
  override async continueConversationAsync(
    _botIdentity: BotIdentity,
    reference: Partial<ConversationReference>,
    logicOrAudience: TurnLogic | string,
    maybeLogic?: TurnLogic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new TypeError('continueConversationAsync needs the turn logic');
    const conversationId = reference.conversation?.id;
    if (!conversationId || !(await this.dependencies.log.find(conversationId))) {
      throw new Error('continueConversationAsync: no such Direct Line conversation');
    }
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: ActivityEventNames.ContinueConversation },
      reference,
      true,
    );
    await this.processActivity(activity, logic);
  }

  private async send(context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse> {
    switch (activity.type) {
      case 'delay':
        await new Promise((resolve) => setTimeout(resolve, typeof activity.value === 'number' ? activity.value : 1000));
        return { id: '' };
      case ActivityTypes.Trace:
        return { id: '' };
      case ActivityTypes.InvokeResponse:
        context.turnState.set(INVOKE_RESPONSE_KEY, activity);
        return { id: '' };
      default:
        break;
    }
    const conversationId = conversationOf(context, activity);
    const timestamp = this.dependencies.clock();
    if (activity.type === ActivityTypes.Typing) {
      const id = `${conversationId}|typing-${randomBytes(6).toString('base64url')}`;
      const json = JSON.stringify(toClientActivity(activity, id, timestamp));
      this.dependencies.feed.publish(conversationId, { kind: 'ephemeral', json });
      return { id };
    }
    let stored: LoggedActivity;
    try {
      stored = await this.dependencies.log.append(conversationId, (id) => toClientActivity(activity, id, timestamp), {
        acknowledge: 'committed',
      });
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // The store cannot be reached: the reply still reaches the resident's open chat window, live.
      const id = liveActivityId(conversationId);
      const json = JSON.stringify(toClientActivity(activity, id, timestamp));
      this.dependencies.feed.publish(conversationId, { kind: 'unsaved', json });
      return { id };
    }
    // The resident sees the reply once it is committed; its seq becomes a watermark only once it is on disk, so a
    // power cut in between cannot make a client skip the activity that takes that seq next.
    this.dependencies.feed.publish(conversationId, { kind: 'committed', seq: stored.seq, json: stored.json });
    // The turn ends only once this is on disk (`processActivity`); meanwhile its sync may be shared.
    const upTo = this.dependencies.log.commitMark();
    context.turnState.set(SENT_UP_TO, upTo);
    this.dependencies.log.settled({ withinMs: REPLY_SYNC_WITHIN_MS, upTo }).then(
      () => this.dependencies.feed.publish(conversationId, { kind: 'stored', seq: stored.seq, json: stored.json }),
      // The store is now unavailable, and the turn, awaiting the same sync, fails with it; its watermark never comes.
      () => undefined,
    );
    return { id: stored.id };
  }
}

function conversationOf(context: TurnContext, activity: Partial<Activity>): string {
  const conversationId = activity.conversation?.id ?? context.activity.conversation?.id;
  if (!conversationId) throw new Error('an outgoing activity needs a conversation');
  return conversationId;
}
