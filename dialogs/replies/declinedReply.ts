import type { Activity } from 'botbuilder';
import type { DeclineReason } from '../../src/guardrails/declineReason';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase';
import type { ConversationServices } from '../conversationServices';
import { botMessage } from '../councilBotMeta';
import { phoneLine } from './contactLine';

/** The articles that give the routes for information requests, when the knowledge base has them. */
const SUBJECT_ACCESS_ARTICLE = 'data-protection';
const FREEDOM_OF_INFORMATION_ARTICLE = 'freedom-of-information';

/**
 * A short, polite refusal for each reason a message is declined, with what the bot can do instead. A request for
 * data is pointed to the right route: a subject access request for the resident's own data, a freedom of
 * information request for the council's records; never anyone else's personal details, and, since a resident asking
 * where the person who hurt them lives is asking about their safety, 999 and 101 for anyone afraid.
 */
export function declinedReply(reason: DeclineReason, services: ConversationServices): Partial<Activity> {
  const { knowledge } = services.knowledge.current();
  const { profile } = knowledge;
  const meta = {
    action: 'declined' as const,
    // `reason` as before (contracts.md); `declinedReason` names every reason the same way as `kb ask --json`.
    reason: reason === 'injection' ? ('promptInjection' as const) : reason,
    declined: true as const,
    declinedReason: reason,
  };
  switch (reason) {
    case 'injection':
      return botMessage(
        `Sorry, I can't change how I work, share my instructions, or make decisions or promises for ${profile.name}. ` +
          `I can answer questions about the council's services, in your own words. What would you like to know?`,
        meta,
      );
    case 'dataExfiltration':
      return botMessage(
        `Sorry, I can't share anyone's personal information or the council's internal records. ${dataRoutes(knowledge)} ` +
          `To report a concern about someone, tell me what it's about, or ${phoneLine(profile, services)}. ` +
          // Someone asking where the person who hurt them now lives is asking about their own safety.
          "If you're afraid someone may hurt you, call 999 in an emergency, or the police on 101.",
        meta,
        ['Talk to a person'],
      );
    case 'harmful':
      return botMessage(
        "Sorry, I can't help with that. I can answer questions about council services. If you're in a dispute with " +
          `a neighbour or worried about something, tell me what's happening, or ${phoneLine(profile, services)}.`,
        meta,
      );
    case 'offTopicGeneration':
      return botMessage(
        `Sorry, I can only help with ${profile.name}'s services, so I can't write that or give opinions. ` +
          'What would you like to know about the council?',
        meta,
      );
  }
}

/** Where to ask for your own data (subject access) and for the council's records (freedom of information). */
function dataRoutes(knowledge: KnowledgeBase): string {
  const own = knowledge.byId.get(SUBJECT_ACCESS_ARTICLE)?.url ?? knowledge.profile.website;
  const records = knowledge.byId.get(FREEDOM_OF_INFORMATION_ARTICLE)?.url ?? knowledge.profile.website;
  return (
    `For the information the council holds about you, make a subject access request: ${own}. ` +
    `For the council's own records, make a freedom of information request: ${records}.`
  );
}

/** A message in another language: the bot reads English only, and a person can arrange help in other languages. */
export function notEnglishReply(services: ConversationServices): Partial<Activity> {
  const { profile } = services.knowledge.current().knowledge;
  return botMessage(
    `Sorry, I can only understand messages in English. To talk to someone at ${profile.name} in another language, ` +
      `${phoneLine(profile, services)} and ask for an interpreter, or type **talk to a person**. ` +
      'If anyone is in danger now, call 999.',
    { action: 'notEnglish' },
    ['Talk to a person'],
  );
}
