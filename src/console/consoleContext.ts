import type { CaseworkDesk } from '../casework/caseworkDesk';
import type { ContactCentre } from '../contactCentre/contactCentre';
import type { Logger } from 'pino';
import type { FiguresService } from '../figures/figuresService';
import type { CsaPresence, HandoffDesk } from '../handoff/handoffDesk';
import type { KnowledgeSource } from '../knowledge/knowledgeService';
import type { RequestDesk } from '../requests/requestDesk';
import type { DataSubject } from '../storage/personalData/dataSubject';
import type { ErasureSummary } from '../storage/personalData/erasePersonalData';
import type { PersonalDataExport } from '../storage/personalData/exportPersonalData';
import type { AuditActor, AuditLog } from '../storage/repositories/auditLog';
import type { ConsoleSessionRepository } from '../storage/repositories/consoleSessionRepository';
import type { ConsoleUserRepository } from '../storage/repositories/consoleUserRepository';
import type { RequestRepository } from '../storage/repositories/requestRepository';
import type { ConsoleAccounts } from './auth/consoleAccounts';

/** What the console is built from; the composition root supplies each part. */
export interface ConsoleDependencies {
  /** The handoff domain; absent with an external agent hub (the console then has no chats; everything else works). */
  desk?: HandoffDesk;
  presence: CsaPresence;
  /** Service requests: made by a CSA for a resident, and status changes (history, audit log, figures). */
  requestDesk: Pick<RequestDesk, 'submit' | 'updateStatus'>;
  repositories: {
    consoleUsers: ConsoleUserRepository;
    consoleSessions: ConsoleSessionRepository;
    auditLog: AuditLog;
    requests: RequestRepository;
  };
  knowledge: KnowledgeSource;
  /** Opening hours, for the time each callback was promised. */
  contactCentre: Pick<ContactCentre, 'hours'>;
  /** The service's figures, for supervisors' reports and their CSV export. */
  figures: Pick<FiguresService, 'report' | 'services' | 'articleTitle'>;
  /** Residents' rights while the server runs (supervisors' `Residents’ data` page); absent, the page is not offered. */
  personalData?: {
    export(subject: DataSubject): Promise<PersonalDataExport>;
    erase(subject: DataSubject, actor: AuditActor): Promise<ErasureSummary>;
  };
  /** Councillors' casework; absent, the casework pages are not offered. */
  casework?: CaseworkDesk;
  logger: Logger;
  config: {
    PUBLIC_URL?: string;
    TRUST_PROXY: boolean;
    /** Minutes without a request after which a console session ends. */
    CONSOLE_SESSION_IDLE_MINUTES: number;
    /** Sign-in attempts per client address per minute. */
    RATE_LIMIT_SIGN_INS_PER_ADDRESS: number;
  };
  clock: () => Date;
}

/** The dependencies plus what `addConsoleRoutes` builds from them, handed to each group of routes. */
export interface ConsoleContext extends ConsoleDependencies {
  accounts: ConsoleAccounts;
  /** `/console/assets/<version>`. */
  assetBase: string;
  councilName(): string;
}
