import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { ServiceMetrics } from '../src/metrics/serviceMetrics';
import type { AnalyticsRecorder, NewAnalyticsEvent } from '../src/figures/analyticsRecorder';

/**
 * Counts what every turn did, for the performance figures (analytics events in the store) and for Prometheus: a
 * resident's message, and each bot message by its `channelData.councilBot` (action, article, handoff reason). Codes
 * and ids only; never the words. A failure to record is logged and does not fail the turn.
 */
export class TurnAnalyticsMiddleware implements Middleware {
  constructor(
    private readonly analytics: AnalyticsRecorder,
    private readonly metrics: ServiceMetrics,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const started = performance.now();
    const { activity } = context;
    const channel = activity.channelId ?? 'unknown';
    const conversationId = activity.conversation?.id;
    const events: NewAnalyticsEvent[] = [];
    if (activity.type === ActivityTypes.Message)
      events.push({ kind: 'message', at: this.clock(), conversationId, channel });
    context.onSendActivities(async (_ctx, activities, sendNext) => {
      const responses = await sendNext();
      for (const sent of activities) {
        if (sent.type !== ActivityTypes.Message) continue;
        const meta = metaOf(sent.channelData);
        const action = stringField(meta, 'action') ?? 'unknown';
        this.metrics.replies.inc({ action });
        const requestType = stringField(meta, 'requestType');
        if (action === 'requestSubmitted' && requestType && meta?.alreadySubmitted !== true) {
          this.metrics.requestsSubmitted.inc({ type: requestType });
        }
        const reason = stringField(meta, 'reason');
        if (action === 'handoff' && stringField(meta, 'handoffState') === 'queued' && reason) {
          this.metrics.handoffs.inc({ reason });
        }
        const articleId = stringField(meta, 'articleId');
        const urgentCategory = action === 'urgent' ? stringField(meta, 'urgentCategory') : undefined;
        if (urgentCategory) this.metrics.urgentReplies.inc({ category: urgentCategory });
        const declinedReason = action === 'declined' ? stringField(meta, 'declinedReason') : undefined;
        if (declinedReason) this.metrics.declinedReplies.inc({ reason: declinedReason });
        events.push({ kind: 'reply', at: this.clock(), conversationId, channel, action, articleId, urgentCategory });
      }
      return responses;
    });
    try {
      await next();
    } finally {
      this.metrics.turns.inc({ channel, type: activity.type ?? 'unknown' });
      this.metrics.turnDuration.observe({ channel }, (performance.now() - started) / 1000);
      await Promise.all(events.map((event) => this.analytics.record(event))).catch((error: unknown) => {
        this.logger.error({ err: error, conversationId }, 'analytics events not recorded');
      });
    }
  }
}

function metaOf(channelData: unknown): Record<string, unknown> | undefined {
  if (typeof channelData !== 'object' || channelData === null || !('councilBot' in channelData)) return undefined;
  const meta: unknown = channelData.councilBot;
  return typeof meta === 'object' && meta !== null ? Object.fromEntries(Object.entries(meta)) : undefined;
}

function stringField(record: Record<string, unknown> | undefined, field: string): string | undefined {
  const value = record?.[field];
  return typeof value === 'string' ? value : undefined;
}
