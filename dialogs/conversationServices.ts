import type { ContactCentre } from '../src/contactCentre/contactCentre';
import type { KnowledgeSource } from '../src/knowledge/knowledgeService';

/** What the dialogs need from the domain, handed in by the composition root (tests hand in their own). */
export interface ConversationServices {
  knowledge: KnowledgeSource;
  contactCentre: ContactCentre;
}
