import type { Activity } from 'botbuilder';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';
import { allContactLines, phoneLine } from './contactLine';
import { POPULAR_TOPICS } from './welcomeReply';

export function helpReply(services: ConversationServices): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  const text = [
    "I'm an automated assistant. Ask me about a council service in your own words, for example **when is my bin day** or **pay council tax**.",
    'You can type **start over** at any time, **cancel** to stop what we are doing, or **talk to a person**.',
    `You can also ${phoneLine(profile, services)}.`,
  ].join('\n\n');
  return botMessage(text, { action: 'help' }, POPULAR_TOPICS);
}

export function cancelledReply(hadSomethingToCancel: boolean): Partial<Activity> {
  const text = hadSomethingToCancel
    ? "OK, I've stopped that. What would you like to do now?"
    : "There's nothing to cancel. What can I help you with?";
  return botMessage(text, { action: 'cancelled' });
}

export function restartedReply(): Partial<Activity> {
  return botMessage("OK, let's start again. What can I help you with?", { action: 'restarted' }, POPULAR_TOPICS);
}

/** How to reach a person: every traditional contact method, since nothing is digital-only. */
export function contactReply(services: ConversationServices): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  const text = [
    `You can talk to a person at ${profile.name}:`,
    allContactLines(profile, services),
    'If someone is in danger right now, call **999**.',
  ].join('\n\n');
  return botMessage(text, { action: 'contact' });
}

export function unsupportedReply(): Partial<Activity> {
  return botMessage('Sorry, I can only read typed messages at the moment. Please tell me in words what you need.', {
    action: 'unsupported',
  });
}
