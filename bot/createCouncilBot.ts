import { type Activity, ConversationState, type StatePropertyAccessor, type Storage, UserState } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { ConversationData } from '../dialogs/conversationData';
import type { ConversationServices } from '../dialogs/conversationServices';
import { MainDialog } from '../dialogs/mainDialog';
import { CouncilBot } from './councilBot';

/** The bot and the state it keeps, as every host builds them (the app, and tests through `createTestBot`). */
export interface CouncilBotParts {
  bot: CouncilBot;
  conversationState: ConversationState;
  userState: UserState;
  dialogState: StatePropertyAccessor<DialogState>;
}

/**
 * Builds the bot on a state storage (in the app, `repositories.botState`) with the domain's services.
 * `isFromAgentHub` says whether an activity came from the configured external agent hub: only then are its
 * `handoff.status` events followed (residents could otherwise end or take over their own handoff).
 */
export function createCouncilBot(
  storage: Storage,
  services: ConversationServices,
  isFromAgentHub: (activity: Activity) => boolean,
): CouncilBotParts {
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const conversationData = conversationState.createProperty<ConversationData>('conversationData');
  const mainDialog = new MainDialog(services, conversationData);
  const bot = new CouncilBot(conversationState, userState, dialogState, mainDialog, services, isFromAgentHub);
  return { bot, conversationState, userState, dialogState };
}
