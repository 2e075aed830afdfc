import type { Activity, TranscriptLogger } from 'botbuilder';
import type { Logger } from 'pino';
import type { TranscriptRepository } from '../src/storage/repositories/transcriptRepository';

/**
 * Records every activity into and out of a conversation in the transcript repository, for botbuilder's
 * `TranscriptLoggerMiddleware` (which calls it in the order activities happen, without waiting). A failed write is
 * logged here, with the conversation id but never the activity's content, and does not fail the turn: the
 * resident's words are also kept in the channel's own conversation log.
 */
export class TranscriptRecorder implements TranscriptLogger {
  constructor(
    private readonly transcripts: TranscriptRepository,
    private readonly logger: Logger,
  ) {}

  logActivity(activity: Activity): Promise<void> {
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
