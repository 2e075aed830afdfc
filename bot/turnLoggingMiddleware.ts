import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';

/**
 * One structured log line per turn: the channel, the activity type, what the bot did (the `councilBot` actions of
 * its replies) and how long it took. Never the resident's words or anything else they typed.
 */
export class TurnLoggingMiddleware implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const started = performance.now();
    const actions: string[] = [];
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      for (const activity of activities) {
        if (activity.type === ActivityTypes.Message) actions.push(actionOf(activity.channelData));
      }
      return sendNext();
    });
    await next();
    this.logger.info(
      {
        channelId: context.activity.channelId,
        activityType: context.activity.type,
        actions,
        ms: Math.round(performance.now() - started),
      },
      'turn',
    );
  }
}

function actionOf(channelData: unknown): string {
  if (typeof channelData !== 'object' || channelData === null || !('councilBot' in channelData)) return 'unknown';
  const meta: unknown = channelData.councilBot;
  if (typeof meta === 'object' && meta !== null && 'action' in meta && typeof meta.action === 'string') {
    return meta.action;
  }
  return 'unknown';
}
