import type { QuestionAnswering } from '../src/answering/answeringService';
import type { ContactCentre } from '../src/contactCentre/contactCentre';
import type { FeedbackPort } from '../src/feedback/feedbackService';
import type { HandoffPort } from '../src/handoff/handoffPort';
import type { KnowledgeSource } from '../src/knowledge/knowledgeService';
import type { AddressLookup } from '../src/places/addressLookup';
import type { PlaceEvents } from '../src/places/placeEvents';
import type { RequestDesk } from '../src/requests/requestDesk';

/** What the dialogs need from the domain, handed in by the composition root (tests hand in their own). */
export interface ConversationServices {
  knowledge: KnowledgeSource;
  contactCentre: ContactCentre;
  /** The one answering decision (with or without a language model). */
  answering: QuestionAnswering;
  handoff: HandoffPort;
  /** Service requests: submit, look up. */
  requests: RequestDesk;
  /** How well answers served residents: "Was this helpful?", and questions the knowledge base could not answer. */
  feedback: FeedbackPort;
  /** Addresses by postcode and UPRN; the knowledge base's embedded gazetteer when not given. */
  addresses?: AddressLookup;
  /** Where bin-day outcomes are counted for the figures (none in tests that do not look). */
  placeEvents?: PlaceEvents;
  /** The time (tests move it). */
  clock: () => Date;
}
