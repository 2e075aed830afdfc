import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { DocumentStore, InsertWatch } from '../storage/documentStore';
import type { StoreCollection } from '../storage/storeCollection';
import type { ClusterBus, ClusterTopic } from './clusterBus';

const messageSchema = z.object({
  /** `<ISO time>-<instance>-<counter>`: unique, and in publishing order within an instance. */
  _id: z.string(),
  instance: z.string(),
  topic: z.enum(['desk', 'conversation']),
  /** The message as JSON (ids only). */
  body: z.string(),
  /** When it was published (the publisher's clock): polls read by it, and it expires by it. */
  at: z.date(),
});

type ClusterMessage = z.infer<typeof messageSchema>;

export interface StoreClusterBusOptions {
  /** How often other instances' messages are read when change streams are not available (default 500 ms). */
  pollMs?: number;
  /** With change streams, a slow poll still runs, in case a change was missed while the stream resumed (10 s). */
  safetyPollMs?: number;
  /** Use change streams when the store offers them (default true). */
  changeStreams?: boolean;
  clock?: () => Date;
}

/** Messages are kept this long: long enough for any poll, short enough to hold nothing for long. */
const KEPT_SECONDS = 600;
/** A poll re-reads this far back, for messages stored late or stamped by a clock a little behind this one. */
const OVERLAP_MS = 5_000;
const PAGE = 500;

/**
 * The cluster bus through the store every instance already shares (`cluster_events`): a message is one small
 * document. Other instances learn of it from a MongoDB change stream when the server offers one (a replica set or
 * Atlas), else by polling; either way each message is delivered once per instance (ids are remembered for as long
 * as a poll can see them again) and never to the instance that sent it.
 */
export class StoreClusterBus implements ClusterBus {
  static readonly collection = 'cluster_events';

  readonly instance = randomBytes(6).toString('base64url');
  mode: ClusterBus['mode'] = 'stopped';

  private readonly messages: StoreCollection<ClusterMessage>;
  private readonly listeners = new Map<ClusterTopic, Set<(body: unknown) => void>>();
  private readonly seen = new Map<string, number>();
  private readonly sending = new Set<Promise<unknown>>();
  private readonly clock: () => Date;
  private counter = 0;
  private readFrom = 0;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private watch: InsertWatch | undefined;

  constructor(
    private readonly store: DocumentStore,
    private readonly logger: Logger,
    private readonly options: StoreClusterBusOptions = {},
  ) {
    this.messages = store.collection(StoreClusterBus.collection, messageSchema);
    this.clock = options.clock ?? (() => new Date());
  }

  publish(topic: ClusterTopic, body: unknown): void {
    if (this.mode === 'stopped') return;
    const at = this.clock();
    const message: ClusterMessage = {
      _id: `${at.toISOString()}-${this.instance}-${(this.counter++).toString(36).padStart(6, '0')}`,
      instance: this.instance,
      topic,
      body: JSON.stringify(body),
      at,
    };
    const sent = this.messages
      .insertOne(message)
      .catch((error: unknown) => this.logger.warn({ err: error, topic }, 'cluster message not sent'))
      .finally(() => this.sending.delete(sent));
    this.sending.add(sent);
  }

  subscribe(topic: ClusterTopic, listener: (body: unknown) => void): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  async start(): Promise<void> {
    await this.messages.createIndex({ at: 1 }, { expireAfterSeconds: KEPT_SECONDS });
    this.readFrom = this.clock().getTime();
    this.mode = 'polling';
    if (this.store.watchInserts && this.options.changeStreams !== false) {
      this.watch = this.store.watchInserts(
        StoreClusterBus.collection,
        messageSchema,
        (message) => this.receive(message),
        (error) => {
          this.watch = undefined;
          if (this.mode === 'stopped') return;
          this.mode = 'polling';
          this.logger.warn(
            { problem: error.message, pollMs: this.pollMs() },
            'cluster: change streams unavailable (they need a replica set); polling instead',
          );
          // Poll at the fast rate from now (a poll in flight reschedules itself when it ends).
          clearTimeout(this.timer);
          if (!this.polling) this.schedulePoll();
        },
      );
      this.mode = 'changeStream';
    }
    this.logger.info({ instance: this.instance, mode: this.mode }, 'cluster bus listening');
    this.schedulePoll();
  }

  async close(): Promise<void> {
    this.mode = 'stopped';
    clearTimeout(this.timer);
    await this.watch?.close().catch(() => undefined);
    this.watch = undefined;
    await this.polling;
    await Promise.all([...this.sending]);
  }

  private pollMs(): number {
    return this.mode === 'changeStream' ? (this.options.safetyPollMs ?? 10_000) : (this.options.pollMs ?? 500);
  }

  private schedulePoll(): void {
    if (this.mode === 'stopped') return;
    this.timer = setTimeout(() => {
      this.polling = this.poll()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'cluster poll failed'))
        .finally(() => {
          this.polling = undefined;
          this.schedulePoll();
        });
    }, this.pollMs());
    this.timer.unref();
  }

  /** Reads the messages published since the last poll (and a little before it), oldest first. */
  private async poll(): Promise<void> {
    const started = this.clock().getTime();
    let from = new Date(this.readFrom - OVERLAP_MS);
    for (let page = 0; page < 20 && this.mode !== 'stopped'; page++) {
      const found = await this.messages.findMany({ at: { $gte: from } }, { sort: { at: 1, _id: 1 }, limit: PAGE });
      for (const message of found) this.receive(message);
      const last = found.at(-1);
      if (found.length < PAGE || !last) break;
      from = last.at;
    }
    this.readFrom = started;
    // Later polls read from `readFrom - OVERLAP_MS` on: a message older than that is never read again.
    const forgetBefore = started - OVERLAP_MS;
    for (const [id, at] of this.seen) if (at < forgetBefore) this.seen.delete(id);
  }

  private receive(message: ClusterMessage): void {
    if (message.instance === this.instance || this.seen.has(message._id) || this.mode === 'stopped') return;
    this.seen.set(message._id, message.at.getTime());
    let body: unknown;
    try {
      body = JSON.parse(message.body);
    } catch {
      this.logger.warn({ id: message._id }, 'cluster message is not JSON: ignored');
      return;
    }
    for (const listener of [...(this.listeners.get(message.topic) ?? [])]) {
      try {
        listener(body);
      } catch (error) {
        this.logger.error({ err: error, topic: message.topic }, 'cluster message listener failed');
      }
    }
  }
}
