import type { DeskEvent } from './handoffDesk';

/**
 * Delivery of desk events to the console's live streams. Best effort by design: a console that misses an event
 * catches up from the store when it reconnects. With several instances, events published here are also given to
 * `relay` (the cluster bus), and those of other instances arrive through `deliver`, to this process's streams only.
 */
export class HandoffEvents {
  private readonly listeners = new Set<(event: DeskEvent) => void>();
  private relay: ((event: DeskEvent) => void) | undefined;

  subscribe(listener: (event: DeskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** An event of this process: to its streams, and to the other instances when relayed. */
  publish(event: DeskEvent): void {
    this.deliver(event);
    this.relay?.(event);
  }

  /** An event (of this process or another): to this process's streams only. */
  deliver(event: DeskEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  /** Sends every event published from now on to `relay` too (the cluster bus). */
  relayTo(relay: (event: DeskEvent) => void): void {
    this.relay = relay;
  }
}
