import type { Activity } from 'botbuilder';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';
import { phoneLine } from './contactLine';

export function helpfulThanksReply(): Partial<Activity> {
  return botMessage('Thanks for letting me know. Is there anything else I can help with?', {
    action: 'feedbackRecorded',
    helpful: true,
  });
}

/** The answer did not help: the question goes to the editors, and the resident gets other ways forward. */
export function notHelpfulReply(services: ConversationServices): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  return botMessage(
    [
      "Sorry that didn't help. I've passed your question to the team who keep these answers up to date.",
      `You could ask me in different words, talk to a person, or ${phoneLine(profile, services)}.`,
    ].join('\n\n'),
    { action: 'feedbackRecorded', helpful: false },
    ['Talk to a person'],
  );
}
