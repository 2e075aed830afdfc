import type { TurnContext } from 'botbuilder';
import type { ContactCentre } from '../src/contactCentre/contactCentre';
import type { KnowledgeSource } from '../src/knowledge/knowledgeService';
import { botMessage, type PersonOfferReason } from './councilBotMeta';
import { allContactLines } from './replies/contactLine';

/** Why and where the bot offers a person. */
export interface PersonOffer {
  reason: PersonOfferReason;
  /** The form and question the resident was stuck on. */
  form?: string;
  field?: string;
}

/**
 * The hook a dialog calls when the resident should be offered a person (two bad answers in a row at one question).
 * Today it offers the council's contact routes; the live handoff (issue 6) replaces it in the composition root.
 */
export type OfferPerson = (context: TurnContext, offer: PersonOffer) => Promise<void>;

/** The default `OfferPerson`: every traditional contact route, and the way to carry on. */
export function offerContactRoutes(knowledge: KnowledgeSource, contactCentre: ContactCentre): OfferPerson {
  return async (context, offer) => {
    const { profile } = knowledge.current().knowledge;
    const text = [
      offer.reason === 'statusCheckLocked'
        ? "I can't check any more references in this chat. A person can help:"
        : "Sorry, this doesn't seem to be working. If you'd rather, a person can help:",
      allContactLines(profile, { contactCentre }),
    ].join('\n\n');
    await context.sendActivity(botMessage(text, { action: 'offerPerson', ...offer }));
  };
}
