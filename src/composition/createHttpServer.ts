import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import restify, { type Server } from 'restify';
import {
  addDirectLineRoutes,
  DIRECT_LINE_PREFIX,
  DIRECT_LINE_SERVICE_URL,
  type DirectLineChannel,
  directLineRefusal,
} from '../channel/directline';
import type { CaseworkDesk } from '../casework/caseworkDesk';
import type { Config } from '../config/config';
import { addConsoleRoutes, type ConsoleRoutes } from '../console/addConsoleRoutes';
import type { ConsoleAccounts } from '../console/auth/consoleAccounts';
import type { ContactCentre } from '../contactCentre/contactCentre';
import type { FiguresService } from '../figures/figuresService';
import type { CsaPresence, HandoffDesk } from '../handoff/handoffDesk';
import type { KnowledgeService } from '../knowledge/knowledgeService';
import type { ServiceMetrics } from '../metrics/serviceMetrics';
import type { AddressLookup } from '../places/addressLookup';
import { addCollectionsCalendarRoute } from '../places/http/collectionsCalendarRoute';
import { addRequestRoutes } from '../requests/http/requestRoutes';
import type { RequestDesk } from '../requests/requestDesk';
import { answerErrors } from '../server/answerErrors';
import { addHealthRoutes } from '../server/healthRoutes';
import { readRequestBody } from '../server/http/readRequestBody';
import { apiRefusal, type RenderRefusal } from '../server/http/refusal';
import { clientAddress, requestOrigin } from '../server/http/requestOrigin';
import { answerUnparsableRequests, securityHeaders } from '../server/http/securityHeaders';
import { perMinute, TokenBucketLimiter } from '../server/http/tokenBucketLimiter';
import { addMessagesRoute } from '../server/messagesRoute';
import { addMetricsRoute } from '../server/metricsRoute';
import type { DocumentStore } from '../storage/documentStore';
import { erasePersonalData } from '../storage/personalData/erasePersonalData';
import { exportPersonalData } from '../storage/personalData/exportPersonalData';
import type { Repositories } from '../storage/repositories/openRepositories';
import { addWebRoutes } from '../web/webRoutes';

/** The largest request body the JSON APIs and the console's forms read (Direct Line routes have their own limits). */
const MAX_BODY_BYTES = 256 * 1024;

/** The parts the HTTP server serves. */
export interface HttpParts {
  store: DocumentStore;
  repositories: Repositories;
  knowledge: KnowledgeService;
  contactCentre: ContactCentre;
  channel: DirectLineChannel;
  adapter: CloudAdapter;
  runBot: (context: TurnContext) => Promise<void>;
  metrics: ServiceMetrics;
  requests: RequestDesk;
  figures: FiguresService;
  presence: CsaPresence;
  /** The console's handoff desk; undefined with an external agent hub (the console then has no chats). */
  desk: HandoffDesk | undefined;
  consoleAccounts: ConsoleAccounts;
  /** Councillors' casework (the console's casework pages). */
  casework: CaseworkDesk;
  /** The address lookup behind the bin-day calendar links. */
  addresses: AddressLookup;
  /** Whether the app is stopping (health then says not ready). */
  isClosing: () => boolean;
  logger: Logger;
  clock: () => Date;
}

/**
 * The restify server with every route: security headers, the Direct Line channel, health, `/api/messages`,
 * metrics, the staff requests API, the website's pages and chat, and the console; one body reader and one error
 * answer for all, each refusal in the error shape of the part of the server that was asked.
 */
export function createHttpServer(config: Config, parts: HttpParts): { server: Server; consoleRoutes: ConsoleRoutes } {
  const { store, repositories, knowledge, contactCentre, channel, adapter, runBot, metrics, requests, figures } = parts;
  const { presence, logger, clock } = parts;
  const server = restify.createServer({ name: 'council-assistant', handleUncaughtExceptions: false });
  server.pre(
    securityHeaders({
      isHttps: (req) => requestOrigin(req, config.PUBLIC_URL, config.TRUST_PROXY).http.startsWith('https:'),
    }),
  );
  answerUnparsableRequests(server.server);
  addDirectLineRoutes(server, channel);
  server.use(restify.plugins.queryParser({ mapParams: false }));

  let storeReady = true;
  addHealthRoutes(server, async () => {
    if (parts.isClosing()) return false;
    const ping = await store.ping();
    if (ping.ok !== storeReady) {
      storeReady = ping.ok;
      if (!ping.ok) logger.error({ problem: ping.problem }, 'store unavailable: not ready');
      else logger.info('store available again: ready');
    }
    return ping.ok;
  });
  addMessagesRoute(server, {
    adapter,
    runBot,
    authenticated: Boolean(config.MicrosoftAppId),
    allowEmulatorLoopback: config.ALLOW_EMULATOR_LOOPBACK,
    maxTextLength: channel.limits.maxTextLength,
    // Behind Azure Bot Service every request comes from Azure's addresses: only conversations are limited then.
    limits: {
      perAddress: config.MicrosoftAppId
        ? undefined
        : new TokenBucketLimiter(perMinute(config.RATE_LIMIT_MESSAGES_PER_ADDRESS), clock),
      perConversation: new TokenBucketLimiter(perMinute(config.RATE_LIMIT_MESSAGES_PER_CONVERSATION), clock),
      addressOf: (req) => clientAddress(req, config.TRUST_PROXY),
    },
    isOwnChannelConversation: async (conversationId, serviceUrl) =>
      serviceUrl === DIRECT_LINE_SERVICE_URL || (await repositories.conversations.find(conversationId)) !== null,
  });
  addMetricsRoute(server, metrics, config.METRICS_TOKEN);
  addCollectionsCalendarRoute(server, { knowledge, addresses: parts.addresses, clock });
  addRequestRoutes(server, { desk: requests, attachments: repositories.attachments, apiKey: config.STAFF_API_KEY });
  addWebRoutes(server, {
    knowledge,
    contactCentre,
    issueSession: (req, existingToken) => {
      const session = channel.webchatSession(existingToken, clientAddress(req, config.TRUST_PROXY));
      return session.ok ? session : { ok: false, retryAfterSeconds: session.error.retryAfterSeconds ?? 60 };
    },
    streamOrigin: (req) => requestOrigin(req, config.PUBLIC_URL, config.TRUST_PROXY).ws,
    figures,
    performanceCacheSeconds: config.PERFORMANCE_CACHE_SECONDS,
    clock,
    logger,
  });
  const consoleRoutes = addConsoleRoutes(
    server,
    {
      // With an external agent hub, the console has no chats: only callbacks, requests and accounts.
      desk: parts.desk,
      presence,
      requestDesk: requests,
      casework: parts.casework,
      repositories,
      knowledge,
      contactCentre,
      figures,
      personalData: {
        export: (subject) => exportPersonalData(repositories, subject),
        erase: (subject, actor) =>
          erasePersonalData(repositories, subject, actor, () =>
            store.purgeDeleted ? store.purgeDeleted() : Promise.resolve(),
          ),
      },
      logger,
      config,
      clock,
    },
    parts.consoleAccounts,
  );
  // Every refusal made outside a route's own handler, in the error shape of the part of the server that was asked.
  const renderRefusal: RenderRefusal = (req, refusal) => {
    const path = req.path();
    if (path === '/console' || path.startsWith('/console/')) return consoleRoutes.renderRefusal(req, refusal);
    return path.startsWith(DIRECT_LINE_PREFIX) ? directLineRefusal(refusal) : apiRefusal(refusal);
  };
  server.use(
    readRequestBody({
      maxBytes: MAX_BODY_BYTES,
      skip: (req) => req.path().startsWith(DIRECT_LINE_PREFIX),
      render: renderRefusal,
    }),
  );
  answerErrors(server, { logger, render: renderRefusal, onServerError: () => metrics.errors.inc({ kind: 'http' }) });
  return { server, consoleRoutes };
}
