import type { ContactCentre } from '../contactCentre/contactCentre';
import type { KnowledgeSource } from '../knowledge/knowledgeService';
import type { Repositories } from '../storage/repositories/openRepositories';
import type { CsaPresence } from './handoffDesk';
import type { HandoffEvents } from './handoffEvents';

export interface HandoffSettings {
  /** `console`: the built-in CSA console; `botframework`: an external agent hub through the handoff protocol. */
  mode: 'console' | 'botframework';
  /** A resident waiting longer than this is offered a callback (`HANDOFF_MAX_WAIT_MINUTES`). */
  maxWaitMinutes: number;
}

export interface HandoffServiceDependencies {
  repositories: Pick<
    Repositories,
    'handoffs' | 'requests' | 'conversations' | 'transcripts' | 'auditLog' | 'analytics'
  >;
  knowledge: KnowledgeSource;
  contactCentre: ContactCentre;
  presence: CsaPresence;
  /** Desk events to the consoles, and notices to residents (through the messenger the bot layer attaches). */
  events: HandoffEvents;
  clock: () => Date;
  settings: HandoffSettings;
}
