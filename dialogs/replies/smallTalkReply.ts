import type { Activity } from 'botbuilder';
import type { SmallTalkKind } from '../../src/knowledge/detectSmallTalk';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';
import { phoneLine } from './contactLine';
import { POPULAR_TOPICS } from './welcomeReply';

/** Short, polite replies to conversation that is not a council question; never a guess at an article. */
export function smallTalkReply(kind: SmallTalkKind, services: ConversationServices): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  const meta = { action: 'smallTalk' as const, smallTalk: kind };
  switch (kind) {
    case 'greeting':
      return botMessage(
        'Hello! What can I help you with today? Ask me about any council service in your own words.',
        meta,
        POPULAR_TOPICS,
      );
    case 'thanks':
      return botMessage("You're welcome. Is there anything else I can help with?", meta);
    case 'goodbye':
      return botMessage(`Thanks for contacting ${profile.name}. Goodbye, and come back any time.`, meta);
    case 'howAreYou':
      return botMessage("I'm a bot, so I'm always ready to help. What can I help you with?", meta);
    case 'identity':
      return botMessage(
        `I'm ${profile.name}'s automated assistant, a computer program, not a person. To speak to a person, type **talk to a person** or ${phoneLine(profile, services)}.`,
        meta,
        ['Talk to a person'],
      );
    case 'capabilities':
      return botMessage(
        'I can answer questions about council services such as bins and recycling, council tax, benefits, housing, parking, planning, licensing and voting, and point you to the right place for county council services. Ask in your own words.',
        meta,
        POPULAR_TOPICS,
      );
    case 'playful':
      return botMessage(
        "I'm afraid I'm only good at council services, not entertainment. Is there anything council-related I can help with?",
        meta,
      );
    case 'compliment':
      return botMessage('Thank you, that is kind of you. Is there anything else I can help with?', meta);
    case 'frustration':
      return botMessage(
        `I'm sorry I haven't been helpful. You can talk to a person: type **talk to a person**, or ${phoneLine(profile, services)}.`,
        meta,
        ['Talk to a person'],
      );
    case 'restricted':
      return botMessage(
        "Sorry, I can't help with that. I can only answer questions about council services. What would you like to know?",
        meta,
      );
    case 'privacy':
      return botMessage(
        "Sorry, I can't share anyone's personal information. If you want to report a concern about someone, tell me what it's about, or talk to a person.",
        meta,
        ['Talk to a person'],
      );
    case 'acknowledgement':
      return botMessage('OK. Is there anything else I can help with?', meta);
  }
}
