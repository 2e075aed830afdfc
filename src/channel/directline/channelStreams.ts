import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { type LiveFeed } from './liveFeed';
import type { ConversationLog, ConversationRecord } from '../../storage/repositories/conversationLog';
import { ActivityStream } from './stream/activityStream';

/**
 * The open WebSocket streams of this process: each serves one conversation's activities from a watermark, live from
 * the feed and from the store; all are closed when the channel stops (clients reconnect elsewhere or later).
 */
export class ChannelStreams {
  private readonly streams = new Set<ActivityStream>();

  constructor(
    private readonly settings: {
      log: ConversationLog;
      feed: LiveFeed;
      logger: Logger;
      maxActivitiesPerRead: number;
      keepAliveMs?: number;
      streamPollMs?: number;
    },
    private readonly isClosing: () => boolean,
  ) {}

  /** Serves an accepted WebSocket as the conversation's stream from `watermark`. */
  open(
    socket: WebSocket,
    conversation: ConversationRecord,
    watermark: number,
    present: (json: string) => string,
    onClose: () => void = () => undefined,
  ): void {
    const stream = new ActivityStream(socket, {
      conversationId: conversation._id,
      watermark,
      log: this.settings.log,
      feed: this.settings.feed,
      present,
      maxActivitiesPerRead: this.settings.maxActivitiesPerRead,
      keepAliveMs: this.settings.keepAliveMs ?? 15_000,
      pollMs: this.settings.streamPollMs ?? 2_000,
      logger: this.settings.logger,
      onClose: () => {
        this.streams.delete(stream);
        onClose();
      },
    });
    this.streams.add(stream);
    stream.start();
    if (this.isClosing()) stream.close();
  }

  /** Open WebSocket streams (for metrics and tests). */
  get size(): number {
    return this.streams.size;
  }

  /** Closes every open stream. */
  closeAll(): void {
    for (const stream of [...this.streams]) stream.close();
  }
}
