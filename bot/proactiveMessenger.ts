import { type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { ConversationServices } from '../dialogs/conversationServices';
import {
  agentArticleReply,
  agentJoinedReply,
  agentMessageReply,
  transferredReply,
  waitExpiredReply,
} from '../dialogs/replies/handoffReplies';
import {
  type ResidentMessenger,
  type ResidentNotice,
  UnreachableConversationError,
} from '../src/handoff/residentMessenger';
import { isLoopbackUrl } from '../src/server/isLoopbackUrl';
import type { CouncilBot } from './councilBot';
import type { ProactiveChannel } from './proactiveChannel';

const accountSchema = z.object({ id: z.string(), name: z.string().default(''), role: z.string().optional() });

/** A stored conversation reference, read back: the parts `continueConversationAsync` needs. */
const referenceSchema = z.object({
  activityId: z.string().optional(),
  user: accountSchema.optional(),
  bot: accountSchema,
  conversation: z.object({
    id: z.string(),
    isGroup: z.boolean().default(false),
    conversationType: z.string().default(''),
    name: z.string().default(''),
    tenantId: z.string().optional(),
  }),
  channelId: z.string(),
  serviceUrl: z.string(),
  locale: z.string().optional(),
});

export interface ProactiveMessengerOptions {
  cloudAdapter: CloudAdapter;
  /** The built-in web chat channel, which carries its own conversations. */
  webChat: ProactiveChannel;
  /** `MicrosoftAppId`, which the CloudAdapter needs to message Azure channels proactively. */
  appId: string | undefined;
  /** `ALLOW_EMULATOR_LOOPBACK`: without an app id, the Emulator's literal loopback service URLs may be messaged. */
  allowEmulatorLoopback: boolean;
  services: ConversationServices;
  bot: () => CouncilBot;
}

/**
 * Delivers the handoff domain's notices into residents' conversations, outside their own turns: through the built-in
 * Direct Line channel for web chat, through Azure Bot Service for other channels. Each runs as a proactive turn
 * through the adapter's middleware, so it is recorded and labelled like any other reply. Without an app id, a
 * conversation from `/api/messages` came from an unauthenticated caller: its service URL is never called (unless it
 * is the Emulator's loopback address and `allowEmulatorLoopback` is set); `notify` rejects with
 * `UnreachableConversationError` instead.
 */
export class ProactiveMessenger implements ResidentMessenger {
  constructor(private readonly options: ProactiveMessengerOptions) {}

  async notify(reference: string, notice: ResidentNotice): Promise<{ activityId: string | undefined }> {
    const parsed = referenceSchema.parse(JSON.parse(reference));
    const conversation: Partial<ConversationReference> = parsed;
    let activityId: string | undefined;
    const logic = async (context: TurnContext) => {
      activityId = await this.deliver(context, notice);
    };
    if (this.options.webChat.carries(conversation)) {
      await this.options.webChat.continueConversation(conversation, logic);
    } else if (!this.options.appId && !(this.options.allowEmulatorLoopback && isLoopbackUrl(parsed.serviceUrl))) {
      throw new UnreachableConversationError();
    } else {
      await this.options.cloudAdapter.continueConversationAsync(this.options.appId ?? '', conversation, logic);
    }
    return { activityId };
  }

  private async deliver(context: TurnContext, notice: ResidentNotice): Promise<string | undefined> {
    const { services } = this.options;
    switch (notice.kind) {
      case 'agentJoined':
        return (await context.sendActivity(agentJoinedReply(notice.csaName, services)))?.id;
      case 'agentMessage':
        return (await context.sendActivity(agentMessageReply(notice.csaName, notice.text, services)))?.id;
      case 'article':
        return (await context.sendActivity(agentArticleReply(notice.csaName, notice.articleId, services)))?.id;
      case 'transferred':
        return (await context.sendActivity(transferredReply(notice.team, notice.position)))?.id;
      case 'waitExpired':
        return (await context.sendActivity(waitExpiredReply(notice.minutesWaited, services)))?.id;
      case 'chatEnded':
        return this.options.bot().handBack(context, notice.csaName, notice.sessionId);
    }
  }
}
