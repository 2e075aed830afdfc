/**
 * What the instances of one deployment tell each other, so a resident on one instance and a CSA on another chat
 * live: `desk` carries console events (the queue changed, a session changed, new lines in a session), and
 * `conversation` says that something was stored in a Direct Line conversation (the instance holding the resident's
 * WebSocket then reads it). Messages carry ids only, never what anyone wrote: the store holds that.
 */
export type ClusterTopic = 'desk' | 'conversation';

export interface ClusterBus {
  /** `instance` and how other instances' messages arrive (`changeStream` or `polling`), for logs and tests. */
  readonly instance: string;
  readonly mode: 'changeStream' | 'polling' | 'stopped';
  /** Sends `body` (plain JSON) to the other instances. Best effort: a failure is logged, never thrown. */
  publish(topic: ClusterTopic, body: unknown): void;
  /** Receives other instances' messages on `topic` (never this instance's own); returns the unsubscribe. */
  subscribe(topic: ClusterTopic, listener: (body: unknown) => void): () => void;
  /** Starts listening (creates the collection's indexes first). */
  start(): Promise<void>;
  /** Stops listening and waits for messages being sent. Does not close the store. */
  close(): Promise<void>;
}
