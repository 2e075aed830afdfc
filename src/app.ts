import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Middleware,
  TranscriptLoggerMiddleware,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import restify, { type Server } from 'restify';
import type { CouncilBot } from '../bot/councilBot';
import { createCouncilBot } from '../bot/createCouncilBot';
import { CouncilBotMetaMiddleware } from '../bot/councilBotMetaMiddleware';
import { TranscriptRecorder } from '../bot/transcriptRecorder';
import { createTurnErrorHandler } from '../bot/turnErrorHandler';
import { TurnLoggingMiddleware } from '../bot/turnLoggingMiddleware';
import type { ConversationServices } from '../dialogs/conversationServices';
import { offerContactRoutes } from '../dialogs/offerPerson';
import {
  addDirectLineRoutes,
  DirectLineChannel,
  type DirectLineLimits,
  loadOrCreateDirectLineSecret,
} from './channel/directline';
import { parseAttachmentPath } from './channel/directline/attachmentUrls';
import { clientAddress } from './channel/directline/http/requestOrigin';
import type { Config } from './config/config';
import { ContactCentre } from './contactCentre/contactCentre';
import { parseOpeningHours } from './contactCentre/openingHours';
import type { KnowledgeProblem } from './knowledge/knowledgeBase';
import { KnowledgeService } from './knowledge/knowledgeService';
import { addHealthRoutes } from './server/healthRoutes';
import { addRequestRoutes } from './requests/http/requestRoutes';
import { OutboxDispatcher } from './requests/outboxDispatcher';
import { RequestDesk } from './requests/requestDesk';
import { createEmailSender } from './requests/senders/emailSender';
import type { OutboxSender } from './requests/senders/sendOutcome';
import { createWebhookSender } from './requests/senders/webhookSender';
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
  /** Service requests: submission, status, the staff API's operations. */
  requests: RequestDesk;
  /** Sends the outbox (acknowledgement emails, CRM deliveries) in the background while the app listens. */
  dispatcher: OutboxDispatcher;
  /** Where the Direct Line secret came from (`configured`, `stored` or `generated`), for the start-up message. */
  directLineSecretSource: string;
  /** The Direct Line secret, printed once when it was just generated (never logged). */
  directLineSecret: string;
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
  /** How often the outbox dispatcher looks for due messages (default 5 s). */
  outboxPollMs?: number;
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
    clock,
    outbox: {
      maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
      backoff: { baseMs: config.OUTBOX_RETRY_BASE_SECONDS * 1000, maxMs: 3_600_000 },
    },
  });

  // Links the CRM can fetch uploads from: the staff API's photo route on the public address.
  let publicBase = config.PUBLIC_URL?.replace(/\/+$/, '');
  const requests = new RequestDesk({
    requests: repositories.requests,
    outbox: repositories.outbox,
    auditLog: repositories.auditLog,
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
  const services: ConversationServices = {
    knowledge,
    contactCentre,
    requests,
    offerPerson: offerContactRoutes(knowledge, contactCentre),
    clock,
  };
  const { bot, conversationState, dialogState } = createCouncilBot(repositories.botState, services);

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
  addRequestRoutes(server, { desk: requests, attachments: repositories.attachments, apiKey: config.STAFF_API_KEY });
  addWebRoutes(server, {
    knowledge,
    contactCentre,
    issueSession: (existingToken) => channel.webchatSession(existingToken),
    allowTokenRequest: (req) => channel.admit('tokens', clientAddress(req, config.TRUST_PROXY)).ok,
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
    requests,
    dispatcher,
    directLineSecretSource: secret.source,
    directLineSecret: secret.secret,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => {
          stopPurge = schedulePurge(repositories, logger);
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
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + drainMs;
      await channel.close(drainMs);
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      await dispatcher.stop();
      smtp?.close();
      await knowledge.close();
      server.server.closeIdleConnections();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
      server.server.closeAllConnections();
      await store.close();
    },
  };
  return { ok: true, app };
}
