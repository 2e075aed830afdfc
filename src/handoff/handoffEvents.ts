import type { DeskEvent } from './handoffDesk';

/**
 * In-process delivery of desk events to the console's live streams. Best effort by design: a console that misses an
 * event (or runs in another process) catches up from the store when it reloads or polls.
 */
export class HandoffEvents {
  private readonly listeners = new Set<(event: DeskEvent) => void>();

  subscribe(listener: (event: DeskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: DeskEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
