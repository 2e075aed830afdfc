import type { HandoffPort, HandoffStart, LiveHandoff, SafeguardingFollowUp } from '../handoff/handoffPort';

/**
 * The handoff domain for `kb eval --conversations`: nobody is there to take a conversation, so a handoff is met as
 * the contact centre being closed (the bot offers a callback and carries on answering), and no conversation is
 * ever live with a person. What a handoff was asked for is counted, so the report can say so.
 */
export class EvalHandoffPort implements HandoffPort {
  requested = 0;

  async request(): Promise<HandoffStart> {
    this.requested += 1;
    return { kind: 'closed', nextOpening: undefined };
  }

  async live(): Promise<LiveHandoff | undefined> {
    return undefined;
  }

  async residentSaid(): Promise<LiveHandoff | undefined> {
    return undefined;
  }

  async leaveQueue(): Promise<boolean> {
    return false;
  }

  async callbackBooked(): Promise<void> {}

  async externalStatus(): Promise<void> {}

  async recordRating(): Promise<void> {}

  /** A flagged conversation's follow-up is recorded as the real service would, without a store: counted only. */
  async recordSafeguardingFollowUp(): Promise<SafeguardingFollowUp> {
    this.requested += 1;
    return { reference: 'EVAL-FOLLOWUP', dueAt: undefined };
  }

  async residentWords(): Promise<string | undefined> {
    return undefined;
  }
}
