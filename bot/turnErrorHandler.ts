import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import { errorReply } from '../dialogs/replies/errorReply';
import type { CouncilProfile } from '../src/knowledge/councilProfileSchema';
import type { KnowledgeSource } from '../src/knowledge/knowledgeService';
import { StoreUnavailableError } from '../src/storage/storageErrors';

/**
 * The one catch-all for a failed turn: log the error (never the resident's words), apologise with the phone
 * number, and reset only the dialog stack so the next message starts cleanly. Everything else the conversation
 * holds (and whatever the resident has already submitted) is kept; when the store was unreachable the dialog stack
 * is kept too, so the resident carries on where they were once it is back.
 */
export function createTurnErrorHandler(
  logger: Logger,
  conversationState: BotState,
  dialogState: StatePropertyAccessor<DialogState>,
  knowledge: KnowledgeSource | undefined,
  countError: () => void = () => undefined,
): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    countError();
    logger.error(
      { err: error, conversationId: context.activity.conversation?.id, activityType: context.activity.type },
      'turn failed',
    );
    try {
      await context.sendActivity(errorReply(profileIfAvailable(knowledge)));
      // The store being unreachable is not the dialog's fault: the form stays where it was, to carry on after.
      if (error instanceof StoreUnavailableError) return;
      await dialogState.delete(context);
      await conversationState.saveChanges(context, true);
    } catch (recoveryError) {
      logger.error({ err: recoveryError }, 'could not recover from a failed turn');
    }
  };
}

/** The council profile for the apology, unless the knowledge base is what failed. */
function profileIfAvailable(knowledge: KnowledgeSource | undefined): CouncilProfile | undefined {
  try {
    return knowledge?.current().knowledge.profile;
  } catch {
    return undefined;
  }
}
