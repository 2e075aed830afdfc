import type { Activity } from 'botbuilder';
import type { Candidate } from '../../src/knowledge/articleSearch';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';
import { phoneLine } from './contactLine';

/**
 * Says honestly that the bot does not know. The first time it offers a rephrase, then a person or the phone; the
 * second time in a row it offers a person first, because the resident has already tried twice.
 */
export function noMatchReply(
  streak: number,
  candidates: readonly Candidate[],
  services: ConversationServices,
): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  const meta = { action: 'noMatch' as const, noMatchStreak: streak, candidates: candidates.map((c) => c.id) };
  if (streak >= 2) {
    const text = [
      "I'm sorry, I still can't find an answer to that, and I don't want to guess.",
      `The quickest way now is to talk to a person: type **talk to a person**, or ${phoneLine(profile, services)}.`,
    ].join('\n\n');
    return botMessage(text, meta, ['Talk to a person', 'Contact the council']);
  }
  const text = [
    `Sorry, I don't know the answer to that. I'm a bot and I only know about ${profile.name}'s services.`,
    'You could try asking in a few different words (for example "missed bin" or "council tax bands"), ' +
      `talk to a person, or ${phoneLine(profile, services)}.`,
  ].join('\n\n');
  return botMessage(text, meta, ['Talk to a person']);
}
