import type {
  HandoffPort,
  HandoffRequest,
  HandoffStart,
  LiveHandoff,
  ResidentLine,
  SafeguardingFollowUp,
  SafeguardingFollowUpRequest,
} from '../../src/handoff/handoffPort';

/**
 * A handoff domain for conversation tests of the bot alone: it records what the bot asks for and answers as the
 * test sets it up. Queueing makes the conversation live, as the real service does.
 */
export class FakeHandoffPort implements HandoffPort {
  readonly requests: HandoffRequest[] = [];
  readonly residentLines: ResidentLine[] = [];
  readonly ratings: Array<{ sessionId: string; score: number; comment: string | undefined }> = [];
  readonly left: Array<{ conversationId: string; why: string }> = [];
  readonly callbacks: Array<{ conversationId: string; reference: string; promisedBy: Date | undefined }> = [];
  next: HandoffStart = {
    kind: 'queued',
    sessionId: 'session-1',
    position: 2,
    estimatedWaitMinutes: 6,
    csasAvailable: 1,
    alreadyQueued: false,
  };
  current: LiveHandoff | undefined;
  readonly followUps: SafeguardingFollowUpRequest[] = [];
  /** When recorded follow-ups are due (the next opening, in the real service). */
  followUpDueAt: Date | undefined = new Date('2026-12-07T09:00:00Z');

  async request(request: HandoffRequest): Promise<HandoffStart> {
    this.requests.push(request);
    if (this.next.kind === 'queued') {
      const { sessionId, position, estimatedWaitMinutes } = this.next;
      this.current = { state: 'queued', sessionId, position, estimatedWaitMinutes };
    }
    return this.next;
  }

  async live(): Promise<LiveHandoff | undefined> {
    return this.current;
  }

  async residentSaid(_conversationId: string, line: ResidentLine): Promise<LiveHandoff | undefined> {
    if (this.current) this.residentLines.push(line);
    return this.current;
  }

  async leaveQueue(conversationId: string, why = 'stoppedWaiting'): Promise<boolean> {
    if (this.current?.state !== 'queued') return false;
    this.left.push({ conversationId, why });
    this.current = undefined;
    return true;
  }

  /** The fake keeps no transcript: a message's words are whatever a test put here, by activity id. */
  readonly residentMessages = new Map<string, string>();

  async residentWords(_conversationId: string, activityId: string): Promise<string | undefined> {
    return this.residentMessages.get(activityId);
  }

  async callbackBooked(conversationId: string, reference: string, promisedBy: Date | undefined): Promise<void> {
    this.callbacks.push({ conversationId, reference, promisedBy });
    this.current = undefined;
  }

  async externalStatus(_conversationId: string, status: 'accepted' | 'failed' | 'completed'): Promise<void> {
    if (status !== 'accepted') this.current = undefined;
  }

  async recordRating(sessionId: string, score: number, comment: string | undefined): Promise<void> {
    this.ratings.push({ sessionId, score, comment });
  }

  async recordSafeguardingFollowUp(request: SafeguardingFollowUpRequest): Promise<SafeguardingFollowUp> {
    if (!this.followUps.some((recorded) => recorded.conversationId === request.conversationId)) {
      this.followUps.push(request);
    }
    return { reference: 'SG-FOLLOWUP', dueAt: this.followUpDueAt };
  }

  /** What a CSA accepting the conversation looks like to the bot. */
  acceptedBy(csaName: string): void {
    if (this.current) this.current = { state: 'accepted', sessionId: this.current.sessionId, csaName };
  }

  /** The CSA ended the chat. */
  ended(): void {
    this.current = undefined;
  }
}
