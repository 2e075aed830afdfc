import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  type Storage,
  type TurnContext,
  UserState,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Logger } from 'pino';
import restify, { type Server } from 'restify';
import { CouncilBot } from '../bot/councilBot';
import { CouncilBotMetaMiddleware } from '../bot/councilBotMetaMiddleware';
import { createTurnErrorHandler } from '../bot/turnErrorHandler';
import { TurnLoggingMiddleware } from '../bot/turnLoggingMiddleware';
import type { ConversationData } from '../dialogs/conversationData';
import type { ConversationServices } from '../dialogs/conversationServices';
import { MainDialog } from '../dialogs/mainDialog';
import type { Config } from './config/config';
import { ContactCentre } from './contactCentre/contactCentre';
import { parseOpeningHours } from './contactCentre/openingHours';
import type { KnowledgeProblem } from './knowledge/knowledgeBase';
import { KnowledgeService } from './knowledge/knowledgeService';
import { addHealthRoutes } from './server/healthRoutes';
import { addMessagesRoute } from './server/messagesRoute';

/** A built application: the HTTP server and the parts tests and benchmarks reach into. */
export interface App {
  server: Server;
  knowledge: KnowledgeService;
  adapter: CloudAdapter;
  bot: CouncilBot;
  /** Starts serving; resolves with the base URL. */
  listen(): Promise<string>;
  /** Stops taking requests, lets turns in flight finish (up to `drainMs`), then releases everything. */
  close(drainMs?: number): Promise<void>;
}

export type CreateAppResult = { ok: true; app: App } | { ok: false; problems: KnowledgeProblem[] };

export interface AppDependencies {
  storage?: Storage;
}

/** The composition root: builds every part from a validated configuration and wires them together. */
export async function createApp(
  config: Config,
  logger: Logger,
  dependencies: AppDependencies = {},
): Promise<CreateAppResult> {
  const loaded = await KnowledgeService.load(config.KNOWLEDGE_DIR, logger);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const knowledge = loaded.service;

  const storage = dependencies.storage ?? new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const dialogState = conversationState.createProperty<DialogState>('dialogState');
  const conversationData = conversationState.createProperty<ConversationData>('conversationData');

  const hoursOverride = config.CONTACT_CENTRE_HOURS ? parseOpeningHours(config.CONTACT_CENTRE_HOURS) : undefined;
  const services: ConversationServices = {
    knowledge,
    contactCentre: new ContactCentre(hoursOverride?.ok ? hoursOverride.hours : undefined),
  };
  const mainDialog = new MainDialog(services, conversationData);
  const bot = new CouncilBot(conversationState, userState, dialogState, mainDialog, services);

  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new CloudAdapter(authentication);
  adapter.use(new TurnLoggingMiddleware(logger));
  adapter.use(new CouncilBotMetaMiddleware(logger));
  adapter.onTurnError = createTurnErrorHandler(logger, conversationState, dialogState, knowledge);

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

  const server = restify.createServer({ name: 'council-assistant', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  addHealthRoutes(server, () => !closing);
  addMessagesRoute(server, { adapter, runBot, authenticated: Boolean(config.MicrosoftAppId) });
  server.on('restifyError', (req, _res, error, callback) => {
    logger.warn({ method: req.method, path: req.path(), status: error.statusCode, code: error.code }, 'request failed');
    callback();
  });

  const app: App = {
    server,
    knowledge,
    adapter,
    bot,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => {
          const address = server.address();
          resolve(`http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${address.port}`);
        });
      }),
    close: async (drainMs = 10_000) => {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + drainMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      await knowledge.close();
      server.server.closeIdleConnections();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
      server.server.closeAllConnections();
    },
  };
  return { ok: true, app };
}
