import type { Activity } from 'botbuilder';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';

/** A polite refusal of an attempt to change how the bot works or to see its instructions, with what it can do. */
export function declinedReply(services: ConversationServices): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  return botMessage(
    `Sorry, I can't change how I work or share my instructions. I can answer questions about ${profile.name}'s ` +
      'services, in your own words. What would you like to know?',
    { action: 'declined', reason: 'promptInjection' },
  );
}
