import {
  type Activity,
  ActivityHandler,
  type BotState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { z } from 'zod';
import type { ConversationServices } from '../dialogs/conversationServices';
import type { MainDialog } from '../dialogs/mainDialog';
import { chatEndedReply, handoffFailedReply } from '../dialogs/replies/handoffReplies';
import { welcomeReply } from '../dialogs/replies/welcomeReply';

/** Web Chat sends this event when its window opens, so the welcome shows before the resident types. */
export const WEBCHAT_JOIN_EVENT = 'webchat/join';

/** The Bot Framework handoff protocol's status event, sent by an external agent hub. */
export const HANDOFF_STATUS_EVENT = 'handoff.status';
const handoffStatusSchema = z.object({
  state: z.enum(['accepted', 'failed', 'completed']),
  message: z.string().optional(),
});

/**
 * The bot: welcomes each resident once, runs the main dialog for every message, follows an external agent hub's
 * handoff status (only from that hub), and saves state after every turn. Transport-free: any adapter (Azure Bot Service, the built-in
 * Direct Line channel, tests) can run it.
 */
export class CouncilBot extends ActivityHandler {
  private readonly welcomed: StatePropertyAccessor<boolean>;

  constructor(
    private readonly conversationState: BotState,
    private readonly userState: BotState,
    private readonly dialogState: StatePropertyAccessor<DialogState>,
    private readonly mainDialog: MainDialog,
    private readonly services: ConversationServices,
    private readonly isFromAgentHub: (activity: Activity) => boolean,
  ) {
    super();
    this.welcomed = conversationState.createProperty<boolean>('welcomed');

    this.onMembersAdded(async (context, next) => {
      const residentJoined = (context.activity.membersAdded ?? []).some(
        (member) => member.id !== context.activity.recipient?.id,
      );
      if (residentJoined) await this.welcomeOnce(context);
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === WEBCHAT_JOIN_EVENT) await this.welcomeOnce(context);
      if (context.activity.name === HANDOFF_STATUS_EVENT && this.isFromAgentHub(context.activity)) {
        await this.followHandoffStatus(context);
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.mainDialog.run(context, this.dialogState);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.saveState(context);
  }

  /** In a proactive turn after a CSA ended the chat: tells the resident and asks them to rate the help they had. */
  async handBack(context: TurnContext, csaName: string, sessionId: string): Promise<string | undefined> {
    const sent = await context.sendActivity(chatEndedReply(csaName));
    await this.mainDialog.beginSurvey(context, this.dialogState, sessionId);
    await this.saveState(context);
    return sent?.id;
  }

  /** The external hub accepted the conversation, could not take it (the resident is offered other routes), or ended it. */
  private async followHandoffStatus(context: TurnContext): Promise<void> {
    const status = handoffStatusSchema.safeParse(context.activity.value);
    if (!status.success) return;
    const conversationId = context.activity.conversation.id;
    const live = await this.services.handoff.live(conversationId);
    await this.services.handoff.externalStatus(conversationId, status.data.state);
    if (status.data.state === 'failed') await context.sendActivity(handoffFailedReply(this.services));
    if (status.data.state === 'completed' && live) {
      await context.sendActivity(chatEndedReply('The adviser'));
      await this.mainDialog.beginSurvey(context, this.dialogState, live.sessionId);
    }
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    if (await this.welcomed.get(context, false)) return;
    await this.welcomed.set(context, true);
    await context.sendActivity(welcomeReply(this.services));
  }

  private async saveState(context: TurnContext): Promise<void> {
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}
