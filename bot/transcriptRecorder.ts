import type { Activity, TranscriptLogger } from 'botbuilder';
import type { Logger } from 'pino';

/** Where transcript entries go (the transcript repository, in the app). */
export interface TranscriptAppender {
  append(direction: 'incoming' | 'outgoing', activity: Partial<Activity>): Promise<unknown>;
}

/**
 * Records every activity into and out of a conversation in the transcript repository, for botbuilder's
 * `TranscriptLoggerMiddleware` (which calls it in the order activities happen, without waiting). Conversations of
 * the built-in web chat channel are skipped: the channel has already stored each of their activities, and personal
 * data is kept once (`readConversationTranscript` reads either). A failed write is logged, with the conversation id
 * but never the activity's content, and does not fail the turn.
 */
export class TranscriptRecorder implements TranscriptLogger {
  constructor(
    private readonly transcripts: TranscriptAppender,
    private readonly logger: Logger,
    /** Whether a channel has stored this activity already (the built-in web chat channel stores its own). */
    private readonly storedByChannel: (activity: Activity) => boolean,
  ) {}

  logActivity(activity: Activity): Promise<void> {
    if (this.storedByChannel(activity)) return Promise.resolve();
    // The middleware gives every incoming activity's sender the role `user`, so anything else is the bot's.
    const direction = activity.from?.role === 'user' ? 'incoming' : 'outgoing';
    return this.transcripts.append(direction, activity).then(
      () => undefined,
      (error: unknown) => {
        this.logger.error(
          { err: error, conversationId: activity.conversation?.id, activityType: activity.type },
          'transcript entry not recorded',
        );
      },
    );
  }
}
