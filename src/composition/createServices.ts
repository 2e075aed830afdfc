import type { ConversationServices } from '../../dialogs/conversationServices';
import type { QuestionAnswering } from '../answering/answeringService';
import type { Config } from '../config/config';
import { MAX_SESSION_HOURS } from '../console/addConsoleRoutes';
import { ConsoleAccounts } from '../console/auth/consoleAccounts';
import type { ContactCentre } from '../contactCentre/contactCentre';
import { FeedbackService } from '../feedback/feedbackService';
import type { HandoffPort } from '../handoff/handoffPort';
import type { KnowledgeSource } from '../knowledge/knowledgeService';
import type { AddressLookup } from '../places/addressLookup';
import type { PlaceEvents } from '../places/placeEvents';
import { RequestDesk, type RequestDeskOptions } from '../requests/requestDesk';
import { perMinute } from '../server/http/tokenBucketLimiter';
import type { Repositories } from '../storage/repositories/openRepositories';

/** What the request desk needs beyond the store and the knowledge base (the app's links and hooks). */
export type RequestDeskWiring = Pick<
  RequestDeskOptions,
  'crmWebhookUrl' | 'photoUrl' | 'addressOf' | 'onQueued' | 'open311Delivery' | 'onStatusChanged'
>;

/** The request desk on the store's repositories and the knowledge base's council profile. */
export function createRequestDesk(
  repositories: Repositories,
  knowledge: KnowledgeSource,
  clock: () => Date,
  wiring: RequestDeskWiring,
): RequestDesk {
  return new RequestDesk({
    ...wiring,
    requests: repositories.requests,
    outbox: repositories.outbox,
    auditLog: repositories.auditLog,
    analytics: repositories.analytics,
    profile: () => knowledge.current().knowledge.profile,
    clock,
  });
}

/** The domain services the conversation (bot/ and dialogs/) is given, in the app and in the conversation tests. */
export function createConversationServices<Handoff extends HandoffPort>(parts: {
  knowledge: KnowledgeSource;
  repositories: Repositories;
  contactCentre: ContactCentre;
  answering: QuestionAnswering;
  handoff: Handoff;
  requests: RequestDesk;
  /** The address lookup for the own-address journeys (bin days, councillors, the missed-bin address step). */
  addresses?: AddressLookup;
  /** Where the own-address journeys count what they answered (figures). */
  placeEvents?: PlaceEvents;
  clock: () => Date;
}): ConversationServices & { handoff: Handoff } {
  const { repositories, ...given } = parts;
  return { ...given, feedback: new FeedbackService(repositories) };
}

/** Console accounts and sessions, with the configured sign-in rate and session lifetimes. */
export function createConsoleAccounts(
  repositories: Pick<Repositories, 'consoleUsers' | 'consoleSessions' | 'auditLog'>,
  config: Pick<Config, 'RATE_LIMIT_SIGN_INS_PER_ADDRESS' | 'CONSOLE_SESSION_IDLE_MINUTES'>,
  clock: () => Date,
): ConsoleAccounts {
  return new ConsoleAccounts({
    users: repositories.consoleUsers,
    sessions: repositories.consoleSessions,
    auditLog: repositories.auditLog,
    clock,
    signInRate: perMinute(config.RATE_LIMIT_SIGN_INS_PER_ADDRESS),
    session: {
      idleMs: config.CONSOLE_SESSION_IDLE_MINUTES * 60_000,
      maxAgeMs: MAX_SESSION_HOURS * 3_600_000,
    },
  });
}
