import type { ConversationReference, TurnContext } from 'botbuilder';

/**
 * A channel that carries some conversations itself and can open a proactive turn in them (the built-in web chat
 * channel, in the app). The proactive messenger depends on this port rather than on the channel's adapter.
 */
export interface ProactiveChannel {
  /** Whether this conversation reference is one of this channel's. */
  carries(reference: Partial<ConversationReference>): boolean;
  /** Runs `logic` in a proactive turn of the conversation, through the channel's middleware. */
  continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}
