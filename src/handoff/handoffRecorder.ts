import type { NewAnalyticsEvent } from '../storage/repositories/analyticsRepository';
import type { HandoffSession } from '../storage/repositories/handoffRepository';
import type { HandoffServiceDependencies } from './handoffDependencies';
import type { DeskEvent } from './handoffDesk';
import type { ResidentNotice } from './residentMessenger';

/**
 * What both sides of a handoff share: telling the resident (through the events' messenger), the audit log (by CSA id, never
 * message text), the analytics events for the figures, and the desk events the consoles follow.
 */
export class HandoffRecorder {
  constructor(private readonly deps: HandoffServiceDependencies) {}

  notify(session: HandoffSession, notice: ResidentNotice): Promise<{ activityId: string | undefined }> {
    if (!session.reference) return Promise.reject(new Error('the handoff has no conversation reference'));
    return this.deps.events.notify(session.reference, notice);
  }

  recordAccepted(session: HandoffSession): Promise<void> {
    const waitMs = (session.acceptedAt ?? this.deps.clock()).getTime() - session.queuedAt.getTime();
    return this.record({
      kind: 'handoffAccepted',
      conversationId: session.conversationId,
      service: session.serviceArea,
      waitMs,
    });
  }

  /** How a handoff finished: `helped` (a person helped), `leftQueue`, `callbackBooked`, `failed` (the hub could not). */
  recordEnd(session: HandoffSession, outcome: string): Promise<void> {
    const endedAt = session.endedAt ?? this.deps.clock();
    const durationMs = session.acceptedAt ? endedAt.getTime() - session.acceptedAt.getTime() : undefined;
    const waitMs = session.acceptedAt ? undefined : endedAt.getTime() - session.queuedAt.getTime();
    return this.record({
      kind: 'handoffEnded',
      conversationId: session.conversationId,
      service: session.serviceArea,
      reason: session.reason,
      outcome,
      durationMs,
      waitMs,
    });
  }

  async record(event: NewAnalyticsEvent): Promise<void> {
    await this.deps.repositories.analytics.record(event);
  }

  changed(sessionId: string, state: 'queued' | 'accepted' | 'ended' | 'callbackBooked'): void {
    this.publish({ kind: 'sessionChanged', sessionId, state });
    this.publish({ kind: 'queueChanged' });
  }

  publish(event: DeskEvent): void {
    this.deps.events.publish(event);
  }

  async audit(
    action: string,
    session: HandoffSession,
    actor: { kind: 'csa' | 'supervisor' | 'system'; id?: string },
    details?: Record<string, string>,
  ): Promise<void> {
    await this.deps.repositories.auditLog.record({
      actor,
      action,
      subject: { kind: 'handoff', id: session._id },
      details,
    });
  }
}
