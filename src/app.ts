import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Middleware,
  TranscriptLoggerMiddleware,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import restify, { type Server } from 'restify';
import type { CouncilBot } from '../bot/councilBot';
import { CouncilBotMetaMiddleware } from '../bot/councilBotMetaMiddleware';
import { createCouncilBot } from '../bot/createCouncilBot';
import { erasePersonalData } from './storage/personalData/erasePersonalData';
import { exportPersonalData } from './storage/personalData/exportPersonalData';
import { ProactiveMessenger } from '../bot/proactiveMessenger';
import { ResilientStateStorage } from '../bot/resilientStateStorage';
import { TranscriptRecorder } from '../bot/transcriptRecorder';
import { createTurnErrorHandler } from '../bot/turnErrorHandler';
import { TurnAnalyticsMiddleware } from '../bot/turnAnalyticsMiddleware';
import { TurnLoggingMiddleware } from '../bot/turnLoggingMiddleware';
import type { ConversationServices } from '../dialogs/conversationServices';
import { AnsweringService } from './answering/answeringService';
import {
  addDirectLineRoutes,
  DIRECT_LINE_PREFIX,
  DIRECT_LINE_SERVICE_URL,
  DirectLineChannel,
  isDirectLineChannelReference,
  directLineRefusal,
  type DirectLineLimits,
  loadOrCreateDirectLineSecret,
} from './channel/directline';
import { parseAttachmentPath } from './server/http/attachmentUrls';
import { clientAddress, requestOrigin } from './server/http/requestOrigin';
import { perMinute, TokenBucketLimiter } from './server/http/tokenBucketLimiter';
import type { Config } from './config/config';
import { addConsoleRoutes } from './console/addConsoleRoutes';
import { type BootstrapOutcome, bootstrapConsoleAdmin } from './console/auth/bootstrapConsoleAdmin';
import { StoredCsaPresence } from './console/csaPresence';
import { ContactCentre } from './contactCentre/contactCentre';
import { FiguresService } from './figures/figuresService';
import { parseOpeningHours } from './contactCentre/openingHours';
import type { CsaPresence, HandoffDesk } from './handoff/handoffDesk';
import { HYBRID } from './knowledge/decideHybrid';
import { keepSectionsEmbedded } from './knowledge/keepSectionsEmbedded';
import { FeedbackService } from './feedback/feedbackService';
import { HandoffEvents } from './handoff/handoffEvents';
import type { ClusterBus } from './cluster/clusterBus';
import { type ClusterConnection, connectCluster } from './cluster/connectCluster';
import { StoreClusterBus } from './cluster/storeClusterBus';
import { LiveFeed } from './channel/directline/liveFeed';
import { HandoffService } from './handoff/handoffService';
import type { KnowledgeProblem } from './knowledge/knowledgeBase';
import { KnowledgeService } from './knowledge/knowledgeService';
import { SectionIndex } from './knowledge/sectionIndex';
import { createLanguageModel } from './llm/createLanguageModel';
import type { LanguageModel } from './llm/languageModel';
import { LlmUsageCounters, type LlmUsageSnapshot } from './llm/llmUsage';
import { answerErrors } from './server/answerErrors';
import { addHealthRoutes } from './server/healthRoutes';
import { readRequestBody } from './server/http/readRequestBody';
import { apiRefusal, type RenderRefusal } from './server/http/refusal';
import { answerUnparsableRequests, securityHeaders } from './server/http/securityHeaders';
import { LlmUsageFanOut } from './metrics/llmUsageFanOut';
import { ServiceMetrics } from './metrics/serviceMetrics';
import { addRequestRoutes } from './requests/http/requestRoutes';
import { OutboxDispatcher } from './requests/outboxDispatcher';
import { RequestDesk } from './requests/requestDesk';
import { createEmailSender } from './requests/senders/emailSender';
import type { OutboxSender } from './requests/senders/sendOutcome';
import { createWebhookSender } from './requests/senders/webhookSender';
import { addMessagesRoute } from './server/messagesRoute';
import { addMetricsRoute } from './server/metricsRoute';
import type { DocumentStore } from './storage/documentStore';
import { openDocumentStore } from './storage/openDocumentStore';
import { openRepositories, type Repositories } from './storage/repositories/openRepositories';
import { schedulePurge } from './storage/repositories/purgeExpiredData';
import { addWebRoutes } from './web/webRoutes';

/** The largest request body the JSON APIs and the console's forms read (Direct Line routes have their own limits). */
const MAX_BODY_BYTES = 256 * 1024;

/** A built application: the HTTP server and the parts tests and benchmarks reach into. */
export interface App {
  server: Server;
  knowledge: KnowledgeService;
  store: DocumentStore;
  repositories: Repositories;
  adapter: CloudAdapter;
  channel: DirectLineChannel;
  bot: CouncilBot;
  /** The language model's token use, latencies, outcomes and fallbacks since start (all zero without a model). */
  llmUsage: { snapshot(): LlmUsageSnapshot };
  /** Section vectors for hybrid retrieval, when a language model is configured. */
  sectionIndex: SectionIndex | undefined;
  handoff: HandoffService;
  metrics: ServiceMetrics;
  /** Service requests: submission, status, the staff API's operations. */
  requests: RequestDesk;
  /** The service's figures per day, week and month (console reports, CSV export, `/performance`). */
  figures: FiguresService;
  /** Sends the outbox (acknowledgement emails, CRM deliveries) in the background while the app listens. */
  dispatcher: OutboxDispatcher;
  /** Where the Direct Line secret came from (`configured`, `stored` or `generated`), for the start-up message. */
  directLineSecretSource: string;
  /** The Direct Line secret, printed once when it was just generated (never logged). */
  directLineSecret: string;
  /** Whether CSAs are free to chat (kept on the console user records). */
  presence: CsaPresence;
  /** The console's bootstrap supervisor, created on the first start; its generated password is printed once. */
  consoleBootstrap: BootstrapOutcome;
  /** How this instance hears the others (MongoDB backend, or one given): undefined when it runs alone. */
  clusterBus: ClusterBus | undefined;
  /** Starts serving; resolves with the base URL. */
  listen(): Promise<string>;
  /** Stops taking requests, lets turns in flight finish (up to `drainMs`), then releases everything. */
  close(drainMs?: number): Promise<void>;
}

export type CreateAppResult = { ok: true; app: App } | { ok: false; problems: KnowledgeProblem[] };

/** Parts a test or benchmark may supply instead of those the configuration names. */
export interface AppDependencies {
  /** A store to use instead of opening the configured one; the app closes it on `close`. */
  store?: DocumentStore;
  clock?: () => Date;
  /** Channel limits other than the defaults (benchmarks drive many conversations from one address). */
  channelLimits?: Partial<DirectLineLimits>;
  /** A handoff desk for the console instead of the handoff service (console tests use a fake). */
  desk?: HandoffDesk;
  /** A language model to use instead of the one `OPENAI_API_KEY` configures (tests point one at a local server). */
  languageModel?: LanguageModel;
  /** How often the outbox dispatcher looks for due messages (default 5 s). */
  outboxPollMs?: number;
  /**
   * How this instance hears the others. By default a bus through the store when the store is MongoDB (several
   * instances share it), none on the embedded store (one process owns its files).
   */
  clusterBus?: ClusterBus;
  /** How often a WebSocket stream also reads the store (default 2 s). */
  streamPollMs?: number;
}

/**
 * The composition root: builds every part from a validated configuration and wires them together. Rejects with
 * `StoreUnavailableError` when the configured store cannot be opened.
 */
export async function createApp(
  config: Config,
  logger: Logger,
  dependencies: AppDependencies = {},
): Promise<CreateAppResult> {
  const loaded = await KnowledgeService.load(config.KNOWLEDGE_DIR, logger);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const knowledge = loaded.service;

  const store =
    dependencies.store ??
    (await openDocumentStore({
      mongodbUri: config.MONGODB_URI,
      mongodbDb: config.MONGODB_DB,
      dataDir: config.DATA_DIR,
      logger,
    }));
  const clock = dependencies.clock ?? (() => new Date());
  const repositories = await openRepositories(store, {
    retentionDays: config.RETENTION_DAYS,
    analyticsRetentionDays: config.ANALYTICS_RETENTION_DAYS,
    clock,
    outbox: {
      maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
      backoff: { baseMs: config.OUTBOX_RETRY_BASE_SECONDS * 1000, maxMs: 3_600_000 },
    },
  });
  const consoleBootstrap = await bootstrapConsoleAdmin(repositories.consoleUsers, repositories.auditLog, {
    email: config.CONSOLE_ADMIN_EMAIL,
    password: config.CONSOLE_ADMIN_PASSWORD,
  });
  const presence = new StoredCsaPresence(repositories.consoleUsers, clock);

  // Links the CRM can fetch uploads from: the staff API's photo route on the public address.
  let publicBase = config.PUBLIC_URL?.replace(/\/+$/, '');
  // The web chat channel is built later (it needs the bot): status checks ask it for a conversation's address.
  const channelForAddresses: { current?: DirectLineChannel } = {};
  const requests = new RequestDesk({
    addressOf: (conversationId) => channelForAddresses.current?.addressOf(conversationId),
    requests: repositories.requests,
    outbox: repositories.outbox,
    auditLog: repositories.auditLog,
    analytics: repositories.analytics,
    profile: () => knowledge.current().knowledge.profile,
    crmWebhookUrl: config.CRM_WEBHOOK_URL,
    photoUrl: (link, reference) => {
      const upload = parseAttachmentPath(link);
      return upload ? `${publicBase ?? ''}/api/requests/${reference}/photos/${upload.attachmentId}` : link;
    },
    onQueued: () => dispatcher.wake(),
    clock,
  });
  const senders: { email?: OutboxSender; webhook?: OutboxSender } = {};
  const smtp = config.SMTP_HOST
    ? createEmailSender({
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        user: config.SMTP_USER,
        password: config.SMTP_PASSWORD,
        from: config.SMTP_FROM ?? '',
      })
    : undefined;
  if (smtp) senders.email = smtp.send;
  if (config.CRM_WEBHOOK_URL && config.CRM_WEBHOOK_SECRET) {
    senders.webhook = createWebhookSender({ secret: config.CRM_WEBHOOK_SECRET, clock });
  }
  const dispatcher = new OutboxDispatcher({
    outbox: repositories.outbox,
    senders,
    logger,
    pollMs: dependencies.outboxPollMs,
    beforeRound: async () => {
      await requests.queueMissingDeliveries();
    },
    onSent: async (message) => {
      if (message.channel === 'webhook' && message.requestReference)
        await requests.markForwarded(message.requestReference);
    },
  });

  const hoursOverride = config.CONTACT_CENTRE_HOURS ? parseOpeningHours(config.CONTACT_CENTRE_HOURS) : undefined;
  const contactCentre = new ContactCentre(hoursOverride?.ok ? hoursOverride.hours : undefined);
  const metrics = new ServiceMetrics({ queueLength: async () => (await repositories.handoffs.listQueue()).length });
  const llmUsage = new LlmUsageCounters();
  const usageRecorder = new LlmUsageFanOut(llmUsage, metrics, repositories.analytics, logger);
  const model = dependencies.languageModel ?? createLanguageModel(config, usageRecorder, logger);
  const sectionIndex = model && new SectionIndex(model, repositories.embeddings, logger);
  const stopEmbedding = sectionIndex && keepSectionsEmbedded(knowledge, sectionIndex, logger);
  const answering = new AnsweringService(knowledge, {
    logger,
    model,
    sectionIndex,
    usage: usageRecorder,
    turnBudgetMs: config.OPENAI_TIMEOUT_MS,
    hybrid: { ...HYBRID, minSimilarity: config.OPENAI_MIN_SIMILARITY },
  });
  if (model) logger.info({ model: model.chatModel, embeddingModel: model.embeddingModel }, 'language model configured');
  const handoffEvents = new HandoffEvents();
  const clusterBus =
    dependencies.clusterBus ??
    (store.backend === 'mongodb' ? new StoreClusterBus(store, logger, { clock }) : undefined);
  let cluster: ClusterConnection | undefined;
  const feed = new LiveFeed({ onUnheard: (conversationId) => cluster?.conversationStored(conversationId) });
  const handoff = new HandoffService({
    repositories,
    knowledge,
    contactCentre,
    presence,
    events: handoffEvents,
    clock,
    settings: { mode: config.HANDOFF_MODE, maxWaitMinutes: config.HANDOFF_MAX_WAIT_MINUTES },
  });
  const feedback = new FeedbackService(repositories);
  const services: ConversationServices = { knowledge, contactCentre, answering, handoff, requests, feedback, clock };
  const figures = new FiguresService({ analytics: repositories.analytics, knowledge, clock });
  // Bot state degrades to this instance's memory while the store is unreachable: residents still get answers.
  const botState = new ResilientStateStorage(repositories.botState, logger);
  // The hub speaks through Azure Bot Service, whose requests carry a checked JWT; residents use Direct Line.
  const isFromAgentHub = (activity: Activity) =>
    config.HANDOFF_MODE === 'botframework' &&
    Boolean(config.MicrosoftAppId) &&
    activity.serviceUrl !== DIRECT_LINE_SERVICE_URL;
  const { bot, conversationState, dialogState } = createCouncilBot(botState, services, isFromAgentHub);

  // The same middleware, in the same order, on every adapter: transcripts see replies after they are labelled.
  const middleware: Middleware[] = [
    new TranscriptLoggerMiddleware(
      new TranscriptRecorder(
        repositories.transcripts,
        logger,
        (activity) => activity.serviceUrl === DIRECT_LINE_SERVICE_URL,
      ),
    ),
    new TurnAnalyticsMiddleware(repositories.analytics, metrics, logger, clock),
    new TurnLoggingMiddleware(logger),
    new CouncilBotMetaMiddleware(logger),
  ];
  const onTurnError = createTurnErrorHandler(logger, conversationState, dialogState, knowledge, () =>
    metrics.errors.inc({ kind: 'turn' }),
  );

  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    }),
  );

  let inFlight = 0;
  let closing = false;
  const runBot = async (context: TurnContext) => {
    inFlight++;
    try {
      await bot.run(context);
    } finally {
      inFlight--;
    }
  };

  const secret = await loadOrCreateDirectLineSecret(store, config.DIRECTLINE_SECRET, clock);
  const channel = new DirectLineChannel({
    conversations: repositories.conversations,
    attachments: repositories.attachments,
    secret: secret.secret,
    logger,
    logic: runBot,
    clock,
    publicUrl: config.PUBLIC_URL,
    trustProxy: config.TRUST_PROXY,
    limits: {
      tokensPerAddress: perMinute(config.RATE_LIMIT_TOKENS_PER_ADDRESS),
      tokensPerConversation: perMinute(config.RATE_LIMIT_TOKENS_PER_CONVERSATION),
      postsPerAddress: perMinute(config.RATE_LIMIT_MESSAGES_PER_ADDRESS),
      postsPerConversation: perMinute(config.RATE_LIMIT_MESSAGES_PER_CONVERSATION),
      uploadsPerAddress: perMinute(config.RATE_LIMIT_UPLOADS_PER_ADDRESS),
      uploadsPerConversation: perMinute(config.RATE_LIMIT_UPLOADS_PER_CONVERSATION),
      ...dependencies.channelLimits,
    },
    streamPollMs: dependencies.streamPollMs,
    feed,
  });
  channelForAddresses.current = channel;
  if (clusterBus) {
    await clusterBus.start();
    cluster = connectCluster(clusterBus, { deskEvents: handoffEvents, feed }, logger);
  }
  for (const adapterOfChannel of [adapter, channel.adapter]) {
    for (const piece of middleware) adapterOfChannel.use(piece);
    adapterOfChannel.onTurnError = onTurnError;
  }
  // The bot is built after the handoff service: residents are told things through the events port from now on.
  handoffEvents.tellResidentsThrough(
    new ProactiveMessenger({
      cloudAdapter: adapter,
      webChat: {
        carries: isDirectLineChannelReference,
        continueConversation: (reference, logic) => channel.adapter.continueConversationAsync('', reference, logic),
      },
      appId: config.MicrosoftAppId,
      allowEmulatorLoopback: config.ALLOW_EMULATOR_LOOPBACK,
      services,
      bot: () => bot,
    }),
  );

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
    if (closing) return false;
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
  const consoleRoutes = addConsoleRoutes(server, {
    // With an external agent hub, the console has no chats: only callbacks, requests and accounts.
    desk: config.HANDOFF_MODE === 'console' ? (dependencies.desk ?? handoff) : undefined,
    presence,
    requestDesk: requests,
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
  });
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

  let stopPurge: (() => void) | undefined;
  let longWaits: NodeJS.Timeout | undefined;
  const app: App = {
    server,
    knowledge,
    store,
    repositories,
    adapter,
    channel,
    bot,
    llmUsage,
    sectionIndex,
    handoff,
    metrics,
    requests,
    figures,
    dispatcher,
    directLineSecretSource: secret.source,
    directLineSecret: secret.secret,
    presence,
    consoleBootstrap,
    clusterBus,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => {
          stopPurge = schedulePurge(repositories, logger);
          longWaits = setInterval(() => {
            handoff.offerCallbacksAfterLongWaits().catch((error: unknown) => {
              logger.error({ err: error }, 'offering callbacks after long waits failed');
            });
          }, 30_000);
          longWaits.unref();
          const address = server.address();
          const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${address.port}`;
          publicBase ??= url;
          dispatcher.start();
          resolve(url);
        });
      }),
    close: async (drainMs = 10_000) => {
      closing = true;
      stopPurge?.();
      clearInterval(longWaits);
      consoleRoutes.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + drainMs;
      await channel.close(drainMs);
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      await dispatcher.stop();
      smtp?.close();
      await knowledge.close();
      stopEmbedding?.();
      await sectionIndex?.idle();
      server.server.closeIdleConnections();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
      server.server.closeAllConnections();
      cluster?.close();
      await clusterBus?.close();
      await store.close();
    },
  };
  return { ok: true, app };
}
