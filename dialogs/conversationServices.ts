import type { ContactCentre } from '../src/contactCentre/contactCentre';
import type { KnowledgeSource } from '../src/knowledge/knowledgeService';
import type { RequestDesk } from '../src/requests/requestDesk';
import type { OfferPerson } from './offerPerson';

/** What the dialogs need from the domain, handed in by the composition root (tests hand in their own). */
export interface ConversationServices {
  knowledge: KnowledgeSource;
  contactCentre: ContactCentre;
  /** Service requests: submit, look up. */
  requests: RequestDesk;
  /** Offers a person when the bot is not getting anywhere (contact routes today, a live handoff later). */
  offerPerson: OfferPerson;
  clock: () => Date;
}
