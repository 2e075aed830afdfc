import { type Activity, type Middleware, type Storage, TranscriptLoggerMiddleware, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { CouncilBotMetaMiddleware } from '../../bot/councilBotMetaMiddleware';
import { createCouncilBot, type CouncilBotParts } from '../../bot/createCouncilBot';
import { TranscriptRecorder } from '../../bot/transcriptRecorder';
import { TurnAnalyticsMiddleware } from '../../bot/turnAnalyticsMiddleware';
import { createTurnErrorHandler } from '../../bot/turnErrorHandler';
import { TurnLoggingMiddleware } from '../../bot/turnLoggingMiddleware';
import type { ConversationServices } from '../../dialogs/conversationServices';
import type { ServiceMetrics } from '../metrics/serviceMetrics';
import type { Repositories } from '../storage/repositories/openRepositories';

/** The bot, its state, and the one turn-error handler every adapter it runs on is given. */
export interface BotParts extends CouncilBotParts {
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
}

/**
 * The bot on a state storage with the domain's services, and its turn-error handler (which counts errors with
 * `countError`). `isFromAgentHub` says whether an activity came from the configured external agent hub.
 */
export function createBot(
  storage: Storage,
  services: ConversationServices,
  options: {
    isFromAgentHub: (activity: Activity) => boolean;
    logger: Logger;
    countError?: () => void;
  },
): BotParts {
  const parts = createCouncilBot(storage, services, options.isFromAgentHub);
  const onTurnError = createTurnErrorHandler(
    options.logger,
    parts.conversationState,
    parts.dialogState,
    services.knowledge,
    options.countError,
  );
  return { ...parts, onTurnError };
}

/**
 * The middleware every adapter runs, in this order: transcripts (which see replies after they are labelled),
 * analytics and metrics, turn logging, and the `channelData.councilBot` label on every reply.
 */
export function createTurnMiddleware(parts: {
  repositories: Pick<Repositories, 'transcripts' | 'analytics'>;
  metrics: ServiceMetrics;
  logger: Logger;
  clock: () => Date;
  /** Whether a channel has stored this activity already (the built-in web chat channel stores its own). */
  storedByChannel: (activity: Activity) => boolean;
}): Middleware[] {
  const { repositories, metrics, logger, clock } = parts;
  return [
    new TranscriptLoggerMiddleware(new TranscriptRecorder(repositories.transcripts, logger, parts.storedByChannel)),
    new TurnAnalyticsMiddleware(repositories.analytics, metrics, logger, clock),
    new TurnLoggingMiddleware(logger),
    new CouncilBotMetaMiddleware(logger),
  ];
}
