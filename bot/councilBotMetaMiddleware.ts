import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';

/**
 * Guarantees the contract that every bot message carries `channelData.councilBot`: a message without one gets
 * `{ action: "message" }` and a warning in the log, so a missing label is found in development, not by a website.
 */
export class CouncilBotMetaMiddleware implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      for (const activity of activities) {
        if (activity.type !== ActivityTypes.Message) continue;
        const channelData: unknown = activity.channelData;
        const hasMeta =
          typeof channelData === 'object' &&
          channelData !== null &&
          'councilBot' in channelData &&
          channelData.councilBot;
        if (!hasMeta) {
          this.logger.warn('bot message sent without channelData.councilBot');
          activity.channelData = {
            ...(typeof channelData === 'object' ? channelData : {}),
            councilBot: { action: 'message' },
          };
        }
      }
      return sendNext();
    });
    await next();
  }
}
