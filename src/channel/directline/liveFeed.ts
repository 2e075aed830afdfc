/**
 * What a conversation's live subscribers (WebSocket streams) are told: an activity stored with its seq (first when it
 * is committed, again once it is on disk), an
 * activity that is delivered but not stored (the bot's typing indicator), a stored activity the bot revised, or an
 * activity that should have been stored but could not be (the store was unreachable), delivered live only.
 */
export type FeedEvent =
  | { kind: 'stored'; seq: number; json: string }
  /** Stored but not yet on disk: shown now without a watermark; `stored` follows with the same seq once on disk. */
  | { kind: 'committed'; seq: number; json: string }
  | { kind: 'ephemeral'; json: string }
  | { kind: 'revised'; json: string }
  | { kind: 'unsaved'; json: string }
  /** Another process stored something in the conversation: read the store. */
  | { kind: 'nudge' };

/** How long, and how many, unsaved activities are kept for streams that connect after they were sent. */
const UNSAVED_KEPT_MS = 10 * 60_000;
const UNSAVED_PER_CONVERSATION = 100;
const UNSAVED_CONVERSATIONS = 2_000;

export type FeedListener = (event: FeedEvent) => void;

export interface LiveFeedOptions {
  now?: () => number;
  /**
   * An activity was stored in a conversation no stream of this process is following: the resident's WebSocket may
   * be on another instance, which the cluster bus tells (it then `nudge`s its streams).
   */
  onUnheard?: (conversationId: string) => void;
}

/**
 * In-process publish/subscribe per conversation, for prompt live delivery. It is not relied on for correctness:
 * streams also read the store after every gap and on a timer, so activities stored by another process arrive too.
 */
export class LiveFeed {
  private readonly listeners = new Map<string, Set<FeedListener>>();
  /** Activities the store could not keep, per conversation, for a stream that connects soon after (a new chat). */
  private readonly unsaved = new Map<string, { json: string; at: number }[]>();

  private readonly now: () => number;

  constructor(private readonly options: LiveFeedOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Starts delivering the conversation's events to `listener`; returns the function that stops it. A new listener
   * is first given the conversation's recent unsaved activities (sent while the store was unreachable).
   */
  subscribe(conversationId: string, listener: FeedListener): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) {
      set = new Set();
      this.listeners.set(conversationId, set);
    }
    set.add(listener);
    for (const kept of this.recentUnsaved(conversationId)) listener({ kind: 'unsaved', json: kept.json });
    return () => {
      const current = this.listeners.get(conversationId);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(conversationId);
    };
  }

  publish(conversationId: string, event: FeedEvent): void {
    if (event.kind === 'unsaved') this.keepUnsaved(conversationId, event.json);
    const set = this.listeners.get(conversationId);
    if (!set) {
      if (event.kind === 'stored' || event.kind === 'revised') this.options.onUnheard?.(conversationId);
      return;
    }
    for (const listener of [...set]) listener(event);
  }

  /** Tells this process's streams of the conversation to read the store (another process stored something). */
  nudge(conversationId: string): void {
    const set = this.listeners.get(conversationId);
    if (!set) return;
    for (const listener of [...set]) listener({ kind: 'nudge' });
  }

  private keepUnsaved(conversationId: string, json: string): void {
    const kept = this.recentUnsaved(conversationId);
    kept.push({ json, at: this.now() });
    if (kept.length > UNSAVED_PER_CONVERSATION) kept.shift();
    this.unsaved.delete(conversationId);
    this.unsaved.set(conversationId, kept);
    while (this.unsaved.size > UNSAVED_CONVERSATIONS) {
      const oldest = this.unsaved.keys().next().value;
      if (oldest === undefined) break;
      this.unsaved.delete(oldest);
    }
  }

  private recentUnsaved(conversationId: string): { json: string; at: number }[] {
    const kept = this.unsaved.get(conversationId);
    if (!kept) return [];
    const since = this.now() - UNSAVED_KEPT_MS;
    const recent = kept.filter((entry) => entry.at >= since);
    if (recent.length === 0) this.unsaved.delete(conversationId);
    return recent;
  }

  /** Conversations with at least one subscriber. */
  get size(): number {
    return this.listeners.size;
  }
}
