import type { Activity } from 'botbuilder';
import type { Signpost } from '../../src/knowledge/signpostSchema';
import { botMessage } from '../councilBotMeta';

/**
 * Points the resident to the body that does what they asked (a national service or another organisation): who,
 * what they do, the link and the phone number when there is one. Not an answer from the council's articles; the
 * resident can still ask for a person.
 */
export function signpostReply(signpost: Signpost): Partial<Activity> {
  const parts = [
    `That's not something the council handles: it's for ${signpost.name}. ${signpost.says}`,
    `[${signpost.name}](${signpost.url})${signpost.phone ? `, phone ${signpost.phone}` : ''}`,
    'If there is something else the council can help with, just ask.',
  ];
  return botMessage(parts.join('\n\n'), { action: 'signpost', signpostId: signpost.id, url: signpost.url }, [
    'Talk to a person',
  ]);
}
