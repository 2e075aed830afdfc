import type { Activity } from 'botbuilder';
import type { CouncilProfile } from '../../src/knowledge/councilProfileSchema';
import { botMessage } from '../councilBotMeta';

/** What the resident sees when something breaks: an apology and the phone number; nothing they typed is lost. */
export function errorReply(profile: CouncilProfile | undefined): Partial<Activity> {
  const phone = profile ? ` or call us on ${profile.phone}` : '';
  return botMessage(
    `Sorry, something went wrong on our side. Please try again in a moment${phone}. You can also type **talk to a person**.`,
    { action: 'error' },
  );
}
