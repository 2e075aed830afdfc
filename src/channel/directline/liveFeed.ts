/**
 * What a conversation's live subscribers (WebSocket streams) are told: an activity stored with its seq, an
 * activity that is delivered but not stored (the bot's typing indicator), or a stored activity the bot revised.
 */
export type FeedEvent =
  | { kind: 'stored'; seq: number; json: string }
  | { kind: 'ephemeral'; json: string }
  | { kind: 'revised'; json: string };

export type FeedListener = (event: FeedEvent) => void;

/**
 * In-process publish/subscribe per conversation, for prompt live delivery. It is not relied on for correctness:
 * streams also read the store after every gap and on a timer, so activities stored by another process arrive too.
 */
export class LiveFeed {
  private readonly listeners = new Map<string, Set<FeedListener>>();

  /** Starts delivering the conversation's events to `listener`; returns the function that stops it. */
  subscribe(conversationId: string, listener: FeedListener): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) {
      set = new Set();
      this.listeners.set(conversationId, set);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(conversationId);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(conversationId);
    };
  }

  publish(conversationId: string, event: FeedEvent): void {
    const set = this.listeners.get(conversationId);
    if (!set) return;
    for (const listener of [...set]) listener(event);
  }

  /** Conversations with at least one subscriber. */
  get size(): number {
    return this.listeners.size;
  }
}
