import type { Activity } from 'botbuilder';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';
import { phoneLine } from './contactLine';

export const POPULAR_TOPICS = ['Bin collection days', 'Pay council tax', 'Report a missed bin', 'Talk to a person'];

/** The first message: says it is a bot, what it can do, how to reach a person, and what to do in an emergency. */
export function welcomeReply(services: ConversationServices): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  const text = [
    `Hello, I'm ${profile.name}'s **automated assistant**: a computer program, not a person.`,
    'I can answer questions about council services (bins, council tax, housing, parking, planning and more) at any time of day. Ask me in your own words.',
    `To speak to a person, type **talk to a person** or ${phoneLine(profile, services)}.`,
    'If someone is in danger right now, call **999**.',
  ].join('\n\n');
  return botMessage(text, { action: 'welcome' }, POPULAR_TOPICS);
}
