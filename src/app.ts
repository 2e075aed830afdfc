import { type Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { type Server } from 'restify';
import type { CouncilBot } from '../bot/councilBot';
import { ProactiveMessenger } from '../bot/proactiveMessenger';
import { ResilientStateStorage } from '../bot/resilientStateStorage';
import { AnsweringService } from './answering/answeringService';
import { CaseworkDesk } from './casework/caseworkDesk';
import { wardFromGazetteer } from './casework/wardFromGazetteer';
import {
  DIRECT_LINE_SERVICE_URL,
  type DirectLineChannel,
  isDirectLineChannelReference,
  type DirectLineLimits,
  loadOrCreateDirectLineSecret,
} from './channel/directline';
import { parseAttachmentPath } from './server/http/attachmentUrls';
import type { Config } from './config/config';
import { createBot, createTurnMiddleware } from './composition/createBot';
import { createChannel } from './composition/createChannel';
import { createHttpServer } from './composition/createHttpServer';
import { createConsoleAccounts, createConversationServices, createRequestDesk } from './composition/createServices';
import { createStore } from './composition/createStore';
import { createOutbox } from './composition/createOutbox';
import { connectOpen311 } from './composition/connectOpen311';
import { type BootstrapOutcome, bootstrapConsoleAdmin } from './console/auth/bootstrapConsoleAdmin';
import { StoredCsaPresence } from './console/csaPresence';
import { ContactCentre } from './contactCentre/contactCentre';
import { FiguresService } from './figures/figuresService';
import { parseOpeningHours } from './contactCentre/openingHours';
import type { CsaPresence, HandoffDesk } from './handoff/handoffDesk';
import { HYBRID } from './knowledge/decideHybrid';
import { keepSectionsEmbedded } from './knowledge/keepSectionsEmbedded';
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
import { LlmUsageFanOut } from './metrics/llmUsageFanOut';
import { ServiceMetrics } from './metrics/serviceMetrics';
import { type RequestDesk } from './requests/requestDesk';
import type { DocumentStore } from './storage/documentStore';
import { type Repositories } from './storage/repositories/openRepositories';
import { schedulePurge } from './storage/repositories/purgeExpiredData';
import type { AddressLookup } from './places/addressLookup';
import { createAddressLookup } from './places/createAddressLookup';
import { analyticsPlaceEvents } from './places/placeEvents';
import type { Open311StatusPoller } from './open311/open311StatusPoller';
import type { OutboxDispatcher } from './requests/outboxDispatcher';

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
  /** Reads back the status of requests passed over Open311 (when `OPEN311_ENDPOINT` is set). */
  open311Poller: Open311StatusPoller | undefined;
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
  /** An address lookup instead of the one the configuration names (the embedded gazetteer or OS Places). */
  addresses?: AddressLookup;
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
  const addresses = dependencies.addresses ?? createAddressLookup(config, knowledge);

  const clock = dependencies.clock ?? (() => new Date());
  const { store, repositories } = await createStore(config, logger, clock, dependencies.store);
  const consoleBootstrap = await bootstrapConsoleAdmin(repositories.consoleUsers, repositories.auditLog, {
    email: config.CONSOLE_ADMIN_EMAIL,
    password: config.CONSOLE_ADMIN_PASSWORD,
  });
  const presence = new StoredCsaPresence(repositories.consoleUsers, clock);

  // Links the CRM can fetch uploads from: the staff API's photo route on the public address.
  let publicBase = config.PUBLIC_URL?.replace(/\/+$/, '');
  // The web chat channel is built later (it needs the bot): status checks ask it for a conversation's address.
  const channelForAddresses: { current?: DirectLineChannel } = {};
  const photoUrl = (link: string, reference: string) => {
    const upload = parseAttachmentPath(link);
    return upload ? `${publicBase ?? ''}/api/requests/${reference}/photos/${upload.attachmentId}` : link;
  };
  // The back office over Open311: its service codes are checked against services.json before anything is taken.
  const open311 = await connectOpen311(config, {
    store,
    addresses,
    photoUrl,
    analytics: repositories.analytics,
    logger,
    clock,
  });
  if (open311 && !open311.ok) {
    await store.close();
    return { ok: false, problems: open311.problems };
  }
  const requests = createRequestDesk(repositories, knowledge, clock, {
    addressOf: (conversationId) => channelForAddresses.current?.addressOf(conversationId),
    crmWebhookUrl: config.CRM_WEBHOOK_URL,
    open311Delivery: open311?.open311.delivery,
    photoUrl,
    onQueued: () => dispatcher.wake(),
    onStatusChanged: (request, previous) => casework.statusChanged(request, previous),
  });
  const casework = new CaseworkDesk({
    ...repositories,
    knowledge: () => knowledge.current().knowledge,
    crmWebhookUrl: config.CRM_WEBHOOK_URL,
    caseUrl: (reference) => `${publicBase ?? ''}/console/casework/cases/${encodeURIComponent(reference)}`,
    open311Delivery: open311?.open311.memberEnquiryDelivery,
    wardOf: wardFromGazetteer(() => knowledge.current().knowledge.places.gazetteer),
    onQueued: () => dispatcher.wake(),
    clock,
  });
  const open311Poller: Open311StatusPoller | undefined = open311?.open311.poller(requests);
  const { dispatcher, closeSenders } = createOutbox(config, {
    repositories,
    requests: () => requests,
    open311Sender: open311?.open311.sender,
    pollMs: dependencies.outboxPollMs,
    logger,
    clock,
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
  const services = createConversationServices({
    knowledge,
    repositories,
    contactCentre,
    answering,
    handoff,
    requests,
    addresses,
    placeEvents: analyticsPlaceEvents(repositories.analytics),
    clock,
  });
  const figures = new FiguresService({ analytics: repositories.analytics, knowledge, clock });
  // Bot state degrades to this instance's memory while the store is unreachable: residents still get answers.
  const botState = new ResilientStateStorage(repositories.botState, logger);
  // The hub speaks through Azure Bot Service, whose requests carry a checked JWT; residents use Direct Line.
  const isFromAgentHub = (activity: Activity) =>
    config.HANDOFF_MODE === 'botframework' &&
    Boolean(config.MicrosoftAppId) &&
    activity.serviceUrl !== DIRECT_LINE_SERVICE_URL;
  const { bot, onTurnError } = createBot(botState, services, {
    isFromAgentHub,
    logger,
    countError: () => metrics.errors.inc({ kind: 'turn' }),
  });
  const middleware = createTurnMiddleware({
    repositories,
    metrics,
    logger,
    clock,
    storedByChannel: (activity) => activity.serviceUrl === DIRECT_LINE_SERVICE_URL,
  });

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
  const channel = createChannel(config, {
    repositories,
    secret: secret.secret,
    logger,
    logic: runBot,
    clock,
    feed,
    limits: dependencies.channelLimits,
    streamPollMs: dependencies.streamPollMs,
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

  const { server, consoleRoutes } = createHttpServer(config, {
    store,
    repositories,
    knowledge,
    contactCentre,
    channel,
    adapter,
    runBot,
    metrics,
    requests,
    figures,
    presence,
    // With an external agent hub, the console has no chats: only callbacks, requests and accounts.
    desk: config.HANDOFF_MODE === 'console' ? (dependencies.desk ?? handoff) : undefined,
    consoleAccounts: createConsoleAccounts(repositories, config, clock),
    casework,
    addresses,
    isClosing: () => closing,
    logger,
    clock,
  });

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
    open311Poller,
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
          open311Poller?.start();
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
      await open311Poller?.stop();
      closeSenders();
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
