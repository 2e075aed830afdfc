import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type Middleware,
  TranscriptLoggerMiddleware,
  type TurnContext,
  UserState,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import restify, { type Server } from 'restify';
import { CouncilBot } from '../bot/councilBot';
import { CouncilBotMetaMiddleware } from '../bot/councilBotMetaMiddleware';
import { TranscriptRecorder } from '../bot/transcriptRecorder';
import { createTurnErrorHandler } from '../bot/turnErrorHandler';
import { TurnLoggingMiddleware } from '../bot/turnLoggingMiddleware';
import type { ConversationData } from '../dialogs/conversationData';
import type { ConversationServices } from '../dialogs/conversationServices';
import { MainDialog } from '../dialogs/mainDialog';
import { AnsweringService } from './answering/answeringService';
import {
  addDirectLineRoutes,
  DirectLineChannel,
  type DirectLineLimits,
  loadOrCreateDirectLineSecret,
} from './channel/directline';
import { clientAddress } from './channel/directline/http/requestOrigin';
import type { Config } from './config/config';
import { addConsoleRoutes } from './console/addConsoleRoutes';
import { type BootstrapOutcome, bootstrapConsoleAdmin } from './console/auth/bootstrapConsoleAdmin';
import { StoredCsaPresence } from './console/csaPresence';
import { ContactCentre } from './contactCentre/contactCentre';
import { parseOpeningHours } from './contactCentre/openingHours';
import type { CsaPresence, HandoffDesk } from './handoff/handoffDesk';
import { HYBRID } from './knowledge/decideHybrid';
import { keepSectionsEmbedded } from './knowledge/keepSectionsEmbedded';
import type { KnowledgeProblem } from './knowledge/knowledgeBase';
import { KnowledgeService } from './knowledge/knowledgeService';
import { SectionIndex } from './knowledge/sectionIndex';
import { createLanguageModel } from './llm/createLanguageModel';
import type { LanguageModel } from './llm/languageModel';
import { LlmUsageCounters, type LlmUsageSnapshot } from './llm/llmUsage';
import { addHealthRoutes } from './server/healthRoutes';
import { addMessagesRoute } from './server/messagesRoute';
import type { DocumentStore } from './storage/documentStore';
import { openDocumentStore } from './storage/openDocumentStore';
import { openRepositories, type Repositories } from './storage/repositories/openRepositories';
import { schedulePurge } from './storage/repositories/purgeExpiredData';
import { addWebRoutes } from './web/webRoutes';

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
  /** Where the Direct Line secret came from (`configured`, `stored` or `generated`), for the start-up message. */
  directLineSecretSource: string;
  /** The Direct Line secret, printed once when it was just generated (never logged). */
  directLineSecret: string;
  /** Whether CSAs are free to chat (kept on the console user records). */
  presence: CsaPresence;
  /** The console's bootstrap supervisor, created on the first start; its generated password is printed once. */
  consoleBootstrap: BootstrapOutcome;
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
  /**
   * The handoff domain the CSA console works on. Until it is wired here the console runs without it and says
   * handoffs are not available.
   */
  desk?: HandoffDesk;
  /** A language model to use instead of the one `OPENAI_API_KEY` configures (tests point one at a local server). */
  languageModel?: LanguageModel;
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
  const repositories = await openRepositories(store, { retentionDays: config.RETENTION_DAYS, clock });
  const consoleBootstrap = await bootstrapConsoleAdmin(repositories.consoleUsers, repositories.auditLog, {
    email: config.CONSOLE_ADMIN_EMAIL,
    password: config.CONSOLE_ADMIN_PASSWORD,
  });
  const presence = new StoredCsaPresence(repositories.consoleUsers, clock);

  const conversationState = new ConversationState(repositories.botState);
  const userState = new UserState(repositories.botState);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const conversationData = conversationState.createProperty<ConversationData>('conversationData');

  const hoursOverride = config.CONTACT_CENTRE_HOURS ? parseOpeningHours(config.CONTACT_CENTRE_HOURS) : undefined;
  const contactCentre = new ContactCentre(hoursOverride?.ok ? hoursOverride.hours : undefined);
  const llmUsage = new LlmUsageCounters();
  const model = dependencies.languageModel ?? createLanguageModel(config, llmUsage, logger);
  const sectionIndex = model && new SectionIndex(model, repositories.embeddings, logger);
  const stopEmbedding = sectionIndex && keepSectionsEmbedded(knowledge, sectionIndex, logger);
  const answering = new AnsweringService(knowledge, {
    logger,
    model,
    sectionIndex,
    usage: llmUsage,
    turnBudgetMs: config.OPENAI_TIMEOUT_MS,
    hybrid: { ...HYBRID, minSimilarity: config.OPENAI_MIN_SIMILARITY },
  });
  if (model) logger.info({ model: model.chatModel, embeddingModel: model.embeddingModel }, 'language model configured');
  const services: ConversationServices = { knowledge, contactCentre, answering };
  const mainDialog = new MainDialog(services, conversationData);
  const bot = new CouncilBot(conversationState, userState, dialogState, mainDialog, services);

  // The same middleware, in the same order, on every adapter: transcripts see replies after they are labelled.
  const middleware: Middleware[] = [
    new TranscriptLoggerMiddleware(new TranscriptRecorder(repositories.transcripts, logger)),
    new TurnLoggingMiddleware(logger),
    new CouncilBotMetaMiddleware(logger),
  ];
  const onTurnError = createTurnErrorHandler(logger, conversationState, dialogState, knowledge);

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
    limits: dependencies.channelLimits,
  });
  for (const adapterOfChannel of [adapter, channel.adapter]) {
    for (const piece of middleware) adapterOfChannel.use(piece);
    adapterOfChannel.onTurnError = onTurnError;
  }

  const server = restify.createServer({ name: 'council-assistant', handleUncaughtExceptions: false });
  addDirectLineRoutes(server, channel);
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
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
  addMessagesRoute(server, { adapter, runBot, authenticated: Boolean(config.MicrosoftAppId) });
  addWebRoutes(server, {
    knowledge,
    contactCentre,
    issueSession: (existingToken) => channel.webchatSession(existingToken),
    allowTokenRequest: (req) => channel.admit('tokens', clientAddress(req, config.TRUST_PROXY)).ok,
  });
  const consoleRoutes = addConsoleRoutes(server, {
    desk: dependencies.desk,
    presence,
    repositories,
    knowledge,
    logger,
    config,
    clock,
  });
  server.on('restifyError', (req, _res, error, callback) => {
    logger.warn({ method: req.method, path: req.path(), status: error.statusCode, code: error.code }, 'request failed');
    callback();
  });

  let stopPurge: (() => void) | undefined;
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
    directLineSecretSource: secret.source,
    directLineSecret: secret.secret,
    presence,
    consoleBootstrap,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => {
          stopPurge = schedulePurge(repositories, logger);
          const address = server.address();
          resolve(`http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${address.port}`);
        });
      }),
    close: async (drainMs = 10_000) => {
      closing = true;
      stopPurge?.();
      consoleRoutes.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + drainMs;
      await channel.close(drainMs);
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      await knowledge.close();
      stopEmbedding?.();
      await sectionIndex?.idle();
      server.server.closeIdleConnections();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
      server.server.closeAllConnections();
      await store.close();
    },
  };
  return { ok: true, app };
}
