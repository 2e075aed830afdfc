import { ActivityHandler, type BotState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { ConversationServices } from '../dialogs/conversationServices';
import type { MainDialog } from '../dialogs/mainDialog';
import { welcomeReply } from '../dialogs/replies/welcomeReply';

/** Web Chat sends this event when its window opens, so the welcome shows before the resident types. */
export const WEBCHAT_JOIN_EVENT = 'webchat/join';

/**
 * The bot: welcomes each resident once, runs the main dialog for every message, and saves state after every
 * turn. Transport-free: any adapter (Azure Bot Service, the built-in Direct Line channel, tests) can run it.
 */
export class CouncilBot extends ActivityHandler {
  private readonly welcomed: StatePropertyAccessor<boolean>;

  constructor(
    private readonly conversationState: BotState,
    private readonly userState: BotState,
    private readonly dialogState: StatePropertyAccessor<DialogState>,
    private readonly mainDialog: MainDialog,
    private readonly services: ConversationServices,
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
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.mainDialog.run(context, this.dialogState);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }

  private async welcomeOnce(context: TurnContext): Promise<void> {
    if (await this.welcomed.get(context, false)) return;
    await this.welcomed.set(context, true);
    await context.sendActivity(welcomeReply(this.services));
  }
}
