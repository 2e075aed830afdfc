import type { Logger } from 'pino';
import { WebSocket } from 'ws';
import type { FeedEvent, LiveFeed } from '../liveFeed';
import type { ConversationLog } from '../../../storage/repositories/conversationLog';

export interface ActivityStreamOptions {
  conversationId: string;
  /** The last seq the client has (0 for none): the stream starts after it. */
  watermark: number;
  log: ConversationLog;
  feed: LiveFeed;
  /** Turns a stored activity's JSON into what this client receives (attachment URLs made absolute). */
  present: (json: string) => string;
  maxActivitiesPerRead: number;
  keepAliveMs: number;
  /** 0 turns the store poll off (tests that want only live delivery). */
  pollMs: number;
  logger: Logger;
  onClose: () => void;
}

/** A client this far behind (bytes queued) is not reading: it is dropped, and reconnects from its watermark. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/**
 * One WebSocket client of a conversation (Direct Line's `streamUrl`). Frames are `{ "activities": [...],
 * "watermark": "N" }`, as Azure sends them.
 *
 * Guarantees: stored activities arrive each once, starting after the watermark the client connected with, in seq
 * order except that a bot reply may overtake the echo of the message it answers while that is still reaching the
 * disk (clients order activities by timestamp); each frame's watermark is the last seq the client holds, all before
 * it included. Live events from this process are sent at once; a gap in them (or the periodic poll) makes the
 * stream read the store, so activities stored by another process arrive too. An activity committed but not yet on disk is shown at once without a watermark, and its watermark follows
 * alone (`{"activities":[],"watermark":"N"}`) once it is on disk, so a watermark never names a seq a power cut could
 * take back. Typing indicators and revised activities are sent without a watermark. A client that stops answering
 * pings is disconnected (the client library then reconnects with its watermark).
 */
export class ActivityStream {
  /** The client's watermark: the last seq sent with it. */
  private lastSent: number;
  /** Seqs after the watermark the client has been shown already, while they were reaching the disk. */
  private readonly shownAhead = new Set<number>();
  private work: Promise<void> = Promise.resolve();
  private alive = true;
  private closed = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly socket: WebSocket,
    private readonly options: ActivityStreamOptions,
  ) {
    this.lastSent = options.watermark;
  }

  start(): void {
    const { socket, options } = this;
    socket.on('pong', () => {
      this.alive = true;
    });
    // Clients send empty keep-alive messages; Direct Line streams carry nothing else from the client.
    socket.on('message', () => {
      this.alive = true;
    });
    socket.on('error', (error) => options.logger.debug({ err: error }, 'direct line stream error'));
    socket.on('close', () => this.stop());
    this.unsubscribe = options.feed.subscribe(options.conversationId, (event) => this.onEvent(event));
    this.enqueue(() => this.catchUp());
    this.timers.push(setInterval(() => this.keepAlive(), options.keepAliveMs));
    if (options.pollMs > 0) this.timers.push(setInterval(() => this.enqueue(() => this.catchUp()), options.pollMs));
    for (const timer of this.timers) timer.unref();
  }

  /** Closes the connection (the server is stopping: 1001, "going away"). */
  close(code = 1001, reason = 'server stopping'): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      this.socket.close(code, reason);
    }
    this.stop();
  }

  private onEvent(event: FeedEvent): void {
    this.enqueue(async () => {
      if (event.kind === 'nudge') {
        await this.catchUp();
        return;
      }
      if (event.kind === 'committed') {
        // Shown at once; its watermark follows with `stored`. It may overtake the echo of the resident's message
        // still reaching the disk: clients order activities by timestamp.
        if (event.seq > this.lastSent && !this.shownAhead.has(event.seq)) {
          this.sendFrame([event.json], undefined);
          this.shownAhead.add(event.seq);
        }
        return;
      }
      if (event.kind !== 'stored') {
        this.sendFrame([event.json], undefined);
        return;
      }
      if (event.seq <= this.lastSent) return;
      if (event.seq !== this.lastSent + 1) await this.catchUp();
      else if (this.shownAhead.has(event.seq)) this.sendWatermark(event.seq);
      else this.sendFrame([event.json], event.seq);
    });
  }

  private async catchUp(): Promise<void> {
    const { log, conversationId, maxActivitiesPerRead } = this.options;
    while (!this.closed) {
      const page = await log.readAfter(conversationId, this.lastSent, maxActivitiesPerRead);
      if (page.lastSeq === undefined) return;
      const unseen = page.activities.filter((activity) => !this.shownAhead.has(activity.seq));
      if (unseen.length > 0) {
        this.sendFrame(
          unseen.map((activity) => activity.json),
          page.lastSeq,
        );
      } else if (page.activities.length > 0) {
        this.sendWatermark(page.lastSeq);
      }
      this.lastSent = Math.max(this.lastSent, page.lastSeq);
      if (page.count < maxActivitiesPerRead) return;
    }
  }

  private sendFrame(activities: string[], watermark: number | undefined): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.socket.terminate();
      return;
    }
    const presented = activities.map((json) => this.options.present(json)).join(',');
    const mark = watermark === undefined ? '' : `,"watermark":"${watermark}"`;
    this.socket.send(`{"activities":[${presented}]${mark}}`);
    if (watermark !== undefined) this.recordSent(watermark);
  }

  /** Tells the client it holds everything up to `seq`, which it has been shown already. */
  private sendWatermark(seq: number): void {
    if (this.closed || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send(`{"activities":[],"watermark":"${seq}"}`);
    this.recordSent(seq);
  }

  private recordSent(seq: number): void {
    this.lastSent = seq;
    for (const shown of this.shownAhead) if (shown <= seq) this.shownAhead.delete(shown);
  }

  private keepAlive(): void {
    if (!this.alive) {
      this.socket.terminate();
      return;
    }
    this.alive = false;
    this.socket.ping();
  }

  private enqueue(task: () => Promise<void>): void {
    this.work = this.work.then(task).catch((error: unknown) => {
      this.options.logger.warn(
        { err: error, conversationId: this.options.conversationId },
        'direct line stream read failed',
      );
    });
  }

  private stop(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    for (const timer of this.timers) clearInterval(timer);
    this.options.onClose();
  }
}
