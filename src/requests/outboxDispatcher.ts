import type { Logger } from 'pino';
import type { OutboxMessage, OutboxRepository } from '../storage/repositories/outboxRepository';
import type { OutboxSender } from './senders/sendOutcome';

export interface OutboxDispatcherOptions {
  outbox: OutboxRepository;
  /** One sender per channel that is configured; messages of other channels stay in the outbox. */
  senders: Partial<Record<OutboxMessage['channel'], OutboxSender>>;
  logger: Logger;
  /** After a message is sent (e.g. mark its request forwarded). A failure here is logged, not retried. */
  onSent?: (message: OutboxMessage) => Promise<void>;
  /** Run before each round (e.g. queue deliveries that are missing); failures are logged. */
  beforeRound?: () => Promise<void>;
  /** How often to look for due messages (default 5 s); `wake()` looks at once. */
  pollMs?: number;
  /** Messages claimed per round (default 10). */
  batchSize?: number;
}

/**
 * Sends what the outbox holds, in the background: every round it claims due messages (atomically, so several
 * processes can share one store) and hands each to its channel's sender, then marks it sent, or failed so the
 * outbox retries it with backoff and dead-letters it after the last attempt. Nothing is removed from the store
 * before it is sent, so a crash or a restart loses nothing: a claim whose process died lapses and is taken again.
 */
export class OutboxDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private again = false;
  private running = false;
  private stopRequested = false;
  private readonly channels: OutboxMessage['channel'][];

  constructor(private readonly options: OutboxDispatcherOptions) {
    this.channels = (['email', 'webhook', 'open311'] as const).filter(
      (channel) => options.senders[channel] !== undefined,
    );
  }

  /** Starts polling (and runs a first round now). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopRequested = false;
    this.schedule(0);
  }

  /** Runs a round as soon as possible (after messages are queued). */
  wake(): void {
    if (!this.running) return;
    if (this.round) this.again = true;
    else this.schedule(0);
  }

  /** Stops polling and waits for the round in flight; unsent messages stay in the outbox for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopRequested = true;
    clearTimeout(this.timer);
    await this.round;
  }

  /** One round: claims and sends every due message, batch by batch. Resolves with how many were attempted. */
  async runOnce(): Promise<number> {
    await this.options.beforeRound?.().catch((error: unknown) => {
      this.options.logger.error({ err: error }, 'outbox: preparing a round failed');
    });
    if (this.channels.length === 0) return 0;
    let attempted = 0;
    for (;;) {
      const batch = await this.options.outbox.claimDue(this.options.batchSize ?? 10, this.channels);
      if (batch.length === 0) return attempted;
      attempted += batch.length;
      await Promise.all(batch.map((message) => this.deliver(message)));
      if (this.stopRequested) return attempted;
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.round = this.runOnce()
        .catch((error: unknown) => {
          this.options.logger.error({ err: error }, 'outbox round failed');
        })
        .then(() => {
          this.round = undefined;
          if (!this.running) return;
          const next = this.again ? 0 : (this.options.pollMs ?? 5_000);
          this.again = false;
          this.schedule(next);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async deliver(message: OutboxMessage): Promise<void> {
    const sender = this.options.senders[message.channel];
    if (!sender) return;
    const log = { outboxId: message._id, channel: message.channel, attempt: message.attempts };
    const outcome = await sender(message).catch((error: unknown) => ({
      ok: false as const,
      problem: error instanceof Error ? error.message.slice(0, 200) : 'sender failed',
    }));
    if (outcome.ok) {
      await this.options.outbox.markSent(message._id);
      this.options.logger.info(log, 'outbox message sent');
      await this.options.onSent?.(message).catch((error: unknown) => {
        this.options.logger.error({ ...log, err: error }, 'outbox: after-send step failed');
      });
      return;
    }
    const failed = await this.options.outbox.markFailed(message._id, outcome.problem);
    if (failed.ok && failed.outcome === 'deadLettered') {
      this.options.logger.error(
        { ...log, problem: outcome.problem },
        'outbox message dead-lettered after its last attempt',
      );
    } else if (failed.ok) {
      this.options.logger.warn(
        { ...log, problem: outcome.problem, nextAttemptAt: failed.nextAttemptAt },
        'outbox message failed; will retry',
      );
    }
  }
}
