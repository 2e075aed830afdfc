import { StoreUnavailableError } from '../storage/storageErrors';
import type { HandoffSession } from '../storage/repositories/handoffRepository';
import { readConversationTranscript } from '../storage/repositories/readConversationTranscript';
import { buildHandoffBrief, topicOf } from './buildHandoffBrief';
import { type HandoffBrief, type ResidentDetails, type TranscriptLine } from './handoffDesk';
import type {
  HandoffPort,
  HandoffRequest,
  HandoffStart,
  LiveHandoff,
  ResidentLine,
  SafeguardingFollowUp,
  SafeguardingFollowUpRequest,
} from './handoffPort';
import { SAFEGUARDING_DETAIL } from './handoffPort';
import { londonDate } from '../calendar/londonTime';
import { urgentCategoryName } from './urgentCategoryName';
import { residentAttachmentForCsa } from './residentAttachmentForCsa';
import { estimateWaitMinutes } from './estimateWait';

import type { HandoffServiceDependencies } from './handoffDependencies';
import { type HandoffRecorder } from './handoffRecorder';
import { firstName, reasonOf } from './sessionCodes';

/** A safeguarding follow-up is a callback (so it is in the console's callbacks list), marked by its detail. */
const SAFEGUARDING_REQUEST_TYPE = 'callback';

/**
 * The resident's side of a handoff (`HandoffPort`): queues a conversation with a brief, tells the resident their
 * place and expected wait, relays what they say to the desk, books callbacks when nobody is free, offers one when
 * they have waited too long, and takes their rating at the end.
 */
export class ResidentQueue implements HandoffPort {
  constructor(
    private readonly deps: HandoffServiceDependencies,
    private readonly recorder: HandoffRecorder,
  ) {}

  async request(request: HandoffRequest): Promise<HandoffStart> {
    const { handoffs } = this.deps.repositories;
    const live = await handoffs.findLive(request.conversationId);
    if (live) {
      if (request.priority === 'urgent' && live.priority !== 'urgent') {
        await handoffs.makeUrgent(live._id, request.urgentCategory);
        this.recorder.publish({ kind: 'queueChanged' });
      }
      return this.startOf(live, true);
    }
    const now = this.deps.clock();
    const { profile } = this.deps.knowledge.current().knowledge;
    const external = this.deps.settings.mode === 'botframework';
    if (!external && !this.deps.contactCentre.isOpen(profile, now)) {
      await this.recorder.record({ kind: 'handoffRequested', ...this.about(request), outcome: 'closed' });
      return { kind: 'closed', nextOpening: this.deps.contactCentre.nextOpening(profile, now) };
    }
    const brief = await this.buildBrief(request, now);
    const opened = await handoffs.open({
      conversationId: request.conversationId,
      priority: request.priority,
      reason: request.reason,
      urgentCategory: request.urgentCategory,
      topic: topicOf(brief),
      serviceArea: brief.serviceArea,
      channel: request.channel,
      reference: request.reference,
      brief,
    });
    if (!opened.opened) return this.startOf(opened.session, true);
    await this.recorder.audit('handoff.queued', opened.session, { kind: 'system' }, { reason: request.reason });
    await this.recorder.record({
      kind: 'handoffRequested',
      ...this.about(request),
      service: brief.serviceArea,
      outcome: external ? 'external' : 'queued',
    });
    this.recorder.publish({ kind: 'queueChanged' });
    if (external) {
      const transcript = await readConversationTranscript(this.deps.repositories, request.conversationId);
      return {
        kind: 'external',
        sessionId: opened.session._id,
        brief,
        transcript: transcript.map((entry) => entry.activity),
      };
    }
    return this.startOf(opened.session, false);
  }

  /**
   * The conversation's handoff, if one is queued or live. When the store cannot be reached none is known, so the bot
   * answers the resident (a CSA's console cannot reach the conversation either until the store is back).
   */
  async live(conversationId: string): Promise<LiveHandoff | undefined> {
    const session = await this.deps.repositories.handoffs.findLive(conversationId).catch((error: unknown) => {
      if (error instanceof StoreUnavailableError) return null;
      throw error;
    });
    return session ? this.liveOf(session) : undefined;
  }

  async residentSaid(conversationId: string, line: ResidentLine): Promise<LiveHandoff | undefined> {
    const { handoffs } = this.deps.repositories;
    const session = await handoffs.findLive(conversationId);
    if (!session) return undefined;
    await handoffs.recordResidentMessage(session._id);
    const shown: TranscriptLine = {
      id: line.activityId,
      at: line.at,
      from: 'resident',
      text: line.text,
      attachments: line.attachments.map(residentAttachmentForCsa),
    };
    this.recorder.publish({ kind: 'line', sessionId: session._id, line: shown });
    if (line.urgent) {
      if (session.priority !== 'urgent') await handoffs.makeUrgent(session._id, line.urgentCategory);
      this.recorder.publish({ kind: 'line', sessionId: session._id, line: urgentWarning(line) });
      this.recorder.publish({ kind: 'queueChanged' });
    }
    return this.liveOf(session);
  }

  async leaveQueue(
    conversationId: string,
    why: 'stoppedWaiting' | 'choseCallback' = 'stoppedWaiting',
  ): Promise<boolean> {
    const session = await this.deps.repositories.handoffs.findLive(conversationId);
    if (!session || session.state !== 'queued') return false;
    const ended = await this.deps.repositories.handoffs.end(session._id, 'resident');
    if (!ended.ok) return false;
    await this.recorder.audit('handoff.leftQueue', session, { kind: 'system' }, { why });
    await this.recorder.recordEnd(ended.session, why === 'choseCallback' ? 'choseCallback' : 'leftQueue');
    this.recorder.changed(session._id, 'ended');
    return true;
  }

  async residentWords(conversationId: string, activityId: string): Promise<string | undefined> {
    const transcript = await readConversationTranscript(this.deps.repositories, conversationId);
    const entry = transcript.find((line) => line.activityId === activityId && line.direction === 'incoming');
    const text = entry?.activity.text;
    return typeof text === 'string' ? text : undefined;
  }

  async callbackBooked(conversationId: string, reference: string, promisedBy: Date | undefined): Promise<void> {
    const { handoffs } = this.deps.repositories;
    const at = promisedBy ?? this.deps.clock();
    const live = await handoffs.findLive(conversationId);
    if (live?.state === 'queued') {
      const booked = await handoffs.bookCallback(live._id, at, reference);
      if (!booked.ok) return;
      await this.recorder.audit('handoff.callbackBooked', live, { kind: 'system' });
      await this.recorder.recordEnd(booked.session, 'callbackBooked');
      this.recorder.changed(live._id, 'callbackBooked');
      return;
    }
    if (live) return;
    const latest = await handoffs.findLatest(conversationId);
    const reason = reasonOf(latest?.reason ?? 'residentAsked');
    const channel = latest?.channel ?? 'directline';
    const brief = await this.buildBrief(
      { conversationId, channel, reference: latest?.reference ?? '', reason, priority: 'normal' },
      this.deps.clock(),
    );
    const session = await handoffs.recordBookedCallback({
      conversationId,
      priority: 'normal',
      reason,
      topic: topicOf(brief),
      serviceArea: brief.serviceArea,
      channel,
      reference: latest?.reference,
      brief,
      callbackAt: at,
      callbackReference: reference,
    });
    await this.recorder.audit('handoff.callbackBooked', session, { kind: 'system' });
  }

  /**
   * A callback marked urgent in the console's list, due when the contact centre next opens, carrying the brief: on the
   * waiting session when there is one (it stays in the queue), else on a finished session recorded for it.
   */
  async recordSafeguardingFollowUp(request: SafeguardingFollowUpRequest): Promise<SafeguardingFollowUp> {
    const { handoffs, requests } = this.deps.repositories;
    const now = this.deps.clock();
    const { profile } = this.deps.knowledge.current().knowledge;
    const dueAt = this.deps.contactCentre.isOpen(profile, now)
      ? now
      : this.deps.contactCentre.nextOpening(profile, now);
    const stored = await requests.create({
      idempotencyKey: `safeguarding:${request.conversationId}`,
      requestType: SAFEGUARDING_REQUEST_TYPE,
      conversationId: request.conversationId,
      details: {
        topic: `Safeguarding follow-up: ${urgentCategoryName(request.urgentCategory)}`,
        [SAFEGUARDING_DETAIL]: request.urgentCategory,
      },
      contact: {},
      responseDueBy: londonDate(dueAt ?? now),
    });
    const reference = stored.request.reference;
    if (!stored.created) return { reference, dueAt };
    const live = await handoffs.findLive(request.conversationId);
    if (live) {
      await handoffs.attachRequest(live._id, reference);
      await this.recorder.audit('handoff.safeguardingFollowUp', live, { kind: 'system' });
    } else {
      const handoff: HandoffRequest = { ...request, reason: 'urgent', priority: 'urgent' };
      const brief = await this.buildBrief(handoff, now);
      const session = await handoffs.recordBookedCallback({
        conversationId: request.conversationId,
        priority: 'urgent',
        reason: 'urgent',
        urgentCategory: request.urgentCategory,
        topic: topicOf(brief),
        serviceArea: brief.serviceArea,
        channel: request.channel,
        reference: request.reference,
        brief,
        callbackAt: dueAt ?? now,
        callbackReference: reference,
      });
      await this.recorder.audit('handoff.safeguardingFollowUp', session, { kind: 'system' });
    }
    await this.recorder.record({
      kind: 'safeguardingFollowUp',
      conversationId: request.conversationId,
      urgentCategory: request.urgentCategory,
      promisedBy: dueAt,
    });
    return { reference, dueAt };
  }

  async externalStatus(conversationId: string, status: 'accepted' | 'failed' | 'completed'): Promise<void> {
    const { handoffs } = this.deps.repositories;
    const session = await handoffs.findLive(conversationId);
    if (!session) return;
    const change =
      status === 'accepted'
        ? await handoffs.accept(session._id, { id: 'external', displayName: 'an adviser' })
        : await handoffs.end(session._id, status === 'failed' ? 'system' : 'csa');
    await this.recorder.audit(`handoff.external.${status}`, session, { kind: 'system' });
    if (change.ok && status === 'accepted') await this.recorder.recordAccepted(change.session);
    if (change.ok && status !== 'accepted')
      await this.recorder.recordEnd(change.session, status === 'failed' ? 'failed' : 'helped');
    this.recorder.changed(session._id, status === 'accepted' ? 'accepted' : 'ended');
  }

  async recordRating(sessionId: string, score: number, comment: string | undefined): Promise<void> {
    if (!(await this.deps.repositories.handoffs.recordRating(sessionId, score, comment))) return;
    const session = await this.deps.repositories.handoffs.findById(sessionId);
    await this.recorder.record({
      kind: 'rating',
      score,
      conversationId: session?.conversationId,
      service: session?.serviceArea,
    });
  }

  /** Offers a callback to residents who have waited longer than the configured time (once each). */
  async offerCallbacksAfterLongWaits(): Promise<number> {
    const { handoffs } = this.deps.repositories;
    const now = this.deps.clock();
    const limitMs = this.deps.settings.maxWaitMinutes * 60_000;
    let offered = 0;
    for (const session of await handoffs.listQueue()) {
      if (now.getTime() - session.queuedAt.getTime() < limitMs || session.waitExpiredAt || !session.reference) continue;
      if (!(await handoffs.markWaitExpired(session._id))) continue;
      const minutesWaited = Math.floor((now.getTime() - session.queuedAt.getTime()) / 60_000);
      // One conversation that cannot be reached must not keep the callback offer from the others.
      const told = await this.recorder
        .notify(session, { kind: 'waitExpired', sessionId: session._id, minutesWaited })
        .then(
          () => true,
          () => false,
        );
      if (told) offered++;
    }
    return offered;
  }

  private async startOf(session: HandoffSession, alreadyQueued: boolean): Promise<HandoffStart> {
    if (session.state === 'accepted') return { kind: 'withCsa', csaName: firstName(session.assignedCsaName ?? '') };
    const live = await this.liveOf(session);
    const position = live.state === 'queued' ? live.position : 1;
    const estimatedWaitMinutes = live.state === 'queued' ? live.estimatedWaitMinutes : 0;
    const csasAvailable = await this.deps.presence.availableCount();
    return { kind: 'queued', sessionId: session._id, position, estimatedWaitMinutes, csasAvailable, alreadyQueued };
  }

  private async liveOf(session: HandoffSession): Promise<LiveHandoff> {
    if (session.assignedCsa === 'external' || this.deps.settings.mode === 'botframework') {
      return { state: 'external', sessionId: session._id };
    }
    if (session.state === 'accepted') {
      return { state: 'accepted', sessionId: session._id, csaName: firstName(session.assignedCsaName ?? '') };
    }
    const queue = await this.deps.repositories.handoffs.listQueue();
    const position = Math.max(1, queue.findIndex((queued) => queued._id === session._id) + 1);
    const estimate = await this.estimator();
    return { state: 'queued', sessionId: session._id, position, estimatedWaitMinutes: estimate(position) };
  }

  /** Expected wait for a queue position, from how long recent chats took and how many CSAs are free. */
  private async estimator(): Promise<(position: number) => number> {
    const [recent, available] = await Promise.all([
      this.deps.repositories.handoffs.listRecentlyEnded(20),
      this.deps.presence.availableCount(),
    ]);
    return (position) => estimateWaitMinutes(position, available, recent);
  }

  private async buildBrief(request: HandoffRequest, queuedAt: Date): Promise<HandoffBrief> {
    const { knowledge } = this.deps.knowledge.current();
    const transcript = await readConversationTranscript(this.deps.repositories, request.conversationId);
    return buildHandoffBrief({
      reason: request.reason,
      priority: request.priority,
      urgentCategory: request.urgentCategory,
      transcript,
      knowledge,
      details: await this.detailsGiven(request.conversationId),
      channel: request.channel,
      queuedAt,
    });
  }

  /** Contact details from the service requests the resident made in this conversation, most recent first. */
  private async detailsGiven(conversationId: string): Promise<ResidentDetails> {
    const requests = await this.deps.repositories.requests.listFor({ conversationIds: [conversationId] });
    const details: ResidentDetails = { requestReferences: requests.map((request) => request.reference) };
    for (const { contact, details: answers } of [...requests].reverse()) {
      details.name ??= contact.name;
      details.email ??= contact.email;
      details.phone ??= contact.phone;
      details.address ??= contact.address;
      details.postcode ??= answers.postcode;
    }
    return details;
  }

  private about(request: HandoffRequest) {
    return {
      conversationId: request.conversationId,
      channel: request.channel,
      reason: request.reason,
      priority: request.priority,
    };
  }
}

function urgentWarning(line: ResidentLine): TranscriptLine {
  return {
    id: `${line.activityId}#urgent`,
    at: line.at,
    from: 'system',
    text: 'This message may be an emergency. The conversation has moved to the front of the queue.',
    attachments: [],
  };
}
