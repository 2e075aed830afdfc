import type { DeskEvent } from './handoffDesk';
import type { ResidentMessenger, ResidentNotice } from './residentMessenger';

/**
 * Delivery of desk events to the console's live streams. Best effort by design: a console that misses an event
 * catches up from the store when it reconnects. With several instances, events published here are also given to
 * `relay` (the cluster bus), and those of other instances arrive through `deliver`, to this process's streams only.
 *
 * It is also the handoff domain's way to tell a resident something outside their turn (`ResidentMessenger`): the
 * bot layer, built after the handoff service, attaches its messenger with `tellResidentsThrough`. The handoff
 * service depends only on this port, so neither needs the other to be built first.
 */
export class HandoffEvents implements ResidentMessenger {
  private readonly listeners = new Set<(event: DeskEvent) => void>();
  private relay: ((event: DeskEvent) => void) | undefined;
  private messenger: ResidentMessenger | undefined;

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

  /** Sends every resident notice from now on through `messenger` (the bot's proactive messenger). */
  tellResidentsThrough(messenger: ResidentMessenger): void {
    this.messenger = messenger;
  }

  /** Tells a resident, through the attached messenger; rejects when none is attached yet (nobody can be told). */
  notify(reference: string, notice: ResidentNotice): Promise<{ activityId: string | undefined }> {
    if (!this.messenger) return Promise.reject(new Error('no messenger is attached: the bot is not built yet'));
    return this.messenger.notify(reference, notice);
  }
}
