import { StoreUnavailableError } from '../storage/storageErrors';
import type { ContactCentre } from '../contactCentre/contactCentre';
import type { KnowledgeSource } from '../knowledge/knowledgeService';
import type { NewAnalyticsEvent } from '../storage/repositories/analyticsRepository';
import type { HandoffSession, StoredBrief } from '../storage/repositories/handoffRepository';
import type { Repositories } from '../storage/repositories/openRepositories';
import { readConversationTranscript } from '../storage/repositories/readConversationTranscript';
import { buildHandoffBrief, topicOf } from './buildHandoffBrief';
import {
  type ChatNote,
  type ChatView,
  type Csa,
  type CsaPresence,
  type DeskEvent,
  type DeskOutcome,
  type DeskRefusal,
  ESCALATION_REASONS,
  type EscalationReason,
  type HandoffBrief,
  type HandoffDesk,
  type QueueItem,
  type ResidentDetails,
  type TranscriptLine,
} from './handoffDesk';
import type { HandoffEvents } from './handoffEvents';
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
import { URGENT_CATEGORIES, type UrgentCategory } from '../safety/urgentCategory';
import { urgentCategoryName } from './urgentCategoryName';
import type { ResidentMessenger, ResidentNotice } from './residentMessenger';
import { residentAttachmentForCsa } from './residentAttachmentForCsa';
import { toTranscriptLines } from './toTranscriptLines';
import { estimateWaitMinutes } from './estimateWait';

export interface HandoffSettings {
  /** `console`: the built-in CSA console; `botframework`: an external agent hub through the handoff protocol. */
  mode: 'console' | 'botframework';
  /** A resident waiting longer than this is offered a callback (`HANDOFF_MAX_WAIT_MINUTES`). */
  maxWaitMinutes: number;
}

export interface HandoffServiceDependencies {
  repositories: Pick<
    Repositories,
    'handoffs' | 'requests' | 'conversations' | 'transcripts' | 'auditLog' | 'analytics'
  >;
  knowledge: KnowledgeSource;
  contactCentre: ContactCentre;
  presence: CsaPresence;
  /** Set once the bot is built (it needs this service first). */
  messenger: () => ResidentMessenger;
  events: HandoffEvents;
  clock: () => Date;
  settings: HandoffSettings;
}

const MAX_MESSAGE_LENGTH = 4000;
/** A safeguarding follow-up is a callback (so it is in the console's callbacks list), marked by its detail. */
const SAFEGUARDING_REQUEST_TYPE = 'callback';
const MAX_NOTE_LENGTH = 2000;

/**
 * Hands conversations to people and back: queues them with a brief, tells residents their place and expected wait,
 * relays what residents and CSAs say, transfers, ends chats (the bot then asks for a rating), books callbacks when
 * nobody is free, and offers one when a resident has waited too long. The conversation side (`HandoffPort`) and the
 * console side (`HandoffDesk`) meet here; every console action is audited by CSA id, never by message text.
 */
export class HandoffService implements HandoffPort, HandoffDesk {
  constructor(private readonly deps: HandoffServiceDependencies) {}

  // ---- The conversation's side ----

  async request(request: HandoffRequest): Promise<HandoffStart> {
    const { handoffs } = this.deps.repositories;
    const live = await handoffs.findLive(request.conversationId);
    if (live) {
      if (request.priority === 'urgent' && live.priority !== 'urgent') {
        await handoffs.makeUrgent(live._id, request.urgentCategory);
        this.publish({ kind: 'queueChanged' });
      }
      return this.startOf(live, true);
    }
    const now = this.deps.clock();
    const { profile } = this.deps.knowledge.current().knowledge;
    const external = this.deps.settings.mode === 'botframework';
    if (!external && !this.deps.contactCentre.isOpen(profile, now)) {
      await this.record({ kind: 'handoffRequested', ...this.about(request), outcome: 'closed' });
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
    await this.audit('handoff.queued', opened.session, { kind: 'system' }, { reason: request.reason });
    await this.record({
      kind: 'handoffRequested',
      ...this.about(request),
      service: brief.serviceArea,
      outcome: external ? 'external' : 'queued',
    });
    this.publish({ kind: 'queueChanged' });
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
    this.publish({ kind: 'line', sessionId: session._id, line: shown });
    if (line.urgent) {
      if (session.priority !== 'urgent') await handoffs.makeUrgent(session._id, line.urgentCategory);
      this.publish({ kind: 'line', sessionId: session._id, line: urgentWarning(line) });
      this.publish({ kind: 'queueChanged' });
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
    await this.audit('handoff.leftQueue', session, { kind: 'system' }, { why });
    await this.recordEnd(ended.session, why === 'choseCallback' ? 'choseCallback' : 'leftQueue');
    this.changed(session._id, 'ended');
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
      await this.audit('handoff.callbackBooked', live, { kind: 'system' });
      await this.recordEnd(booked.session, 'callbackBooked');
      this.changed(live._id, 'callbackBooked');
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
    await this.audit('handoff.callbackBooked', session, { kind: 'system' });
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
      await this.audit('handoff.safeguardingFollowUp', live, { kind: 'system' });
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
      await this.audit('handoff.safeguardingFollowUp', session, { kind: 'system' });
    }
    await this.record({
      kind: 'safeguardingFollowUp',
      conversationId: request.conversationId,
      urgentCategory: request.urgentCategory,
      promisedBy: dueAt,
    });
    return { reference, dueAt };
  }

  /** The handoff session that carries a service request (a callback booked, or a request a CSA linked). */
  async sessionForRequest(reference: string): Promise<string | undefined> {
    return (await this.deps.repositories.handoffs.findByRequest(reference))?._id;
  }

  async externalStatus(conversationId: string, status: 'accepted' | 'failed' | 'completed'): Promise<void> {
    const { handoffs } = this.deps.repositories;
    const session = await handoffs.findLive(conversationId);
    if (!session) return;
    const change =
      status === 'accepted'
        ? await handoffs.accept(session._id, { id: 'external', displayName: 'an adviser' })
        : await handoffs.end(session._id, status === 'failed' ? 'system' : 'csa');
    await this.audit(`handoff.external.${status}`, session, { kind: 'system' });
    if (change.ok && status === 'accepted') await this.recordAccepted(change.session);
    if (change.ok && status !== 'accepted')
      await this.recordEnd(change.session, status === 'failed' ? 'failed' : 'helped');
    this.changed(session._id, status === 'accepted' ? 'accepted' : 'ended');
  }

  async recordRating(sessionId: string, score: number, comment: string | undefined): Promise<void> {
    if (!(await this.deps.repositories.handoffs.recordRating(sessionId, score, comment))) return;
    const session = await this.deps.repositories.handoffs.findById(sessionId);
    await this.record({
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
      const told = await this.notify(session, { kind: 'waitExpired', sessionId: session._id, minutesWaited }).then(
        () => true,
        () => false,
      );
      if (told) offered++;
    }
    return offered;
  }

  // ---- The console's side ----

  async queue(): Promise<QueueItem[]> {
    const { handoffs } = this.deps.repositories;
    const [queued, accepted] = await Promise.all([handoffs.listQueue(), handoffs.listAccepted()]);
    return [
      ...queued.map((session, index) => toQueueItem(session, index + 1)),
      ...accepted.map((session) => toQueueItem(session, undefined)),
    ];
  }

  async view(sessionId: string): Promise<ChatView | null> {
    const session = await this.deps.repositories.handoffs.findById(sessionId);
    if (!session?.brief) return null;
    const queue = session.state === 'queued' ? await this.deps.repositories.handoffs.listQueue() : [];
    const position = queue.findIndex((queued) => queued._id === session._id) + 1 || undefined;
    const transcript = await readConversationTranscript(this.deps.repositories, session.conversationId);
    const references = [...session.brief.details.requestReferences, ...session.attachedRequests];
    return {
      item: toQueueItem(session, position),
      brief: {
        ...toBrief(session.brief),
        details: { ...session.brief.details, requestReferences: unique(references) },
      },
      transcript: toTranscriptLines(transcript),
      notes: session.notes.map((note) => ({
        at: note.at,
        csa: { id: note.csaId, displayName: note.csaName },
        text: note.text,
      })),
    };
  }

  async accept(sessionId: string, csa: Csa): Promise<DeskOutcome<QueueItem>> {
    const accepted = await this.deps.repositories.handoffs.accept(sessionId, {
      id: csa.id,
      displayName: csa.displayName,
    });
    if (!accepted.ok) return refusal(accepted, 'Someone else has already accepted this conversation.');
    await this.audit('handoff.accepted', accepted.session, actorOf(csa));
    await this.recordAccepted(accepted.session);
    this.changed(sessionId, 'accepted');
    await this.notify(accepted.session, { kind: 'agentJoined', csaName: firstName(csa.displayName) }).catch(
      () => undefined,
    );
    return { ok: true, value: toQueueItem(accepted.session, undefined) };
  }

  async sendMessage(sessionId: string, csa: Csa, text: string): Promise<DeskOutcome<TranscriptLine>> {
    const message = text.trim();
    if (message === '') return invalid('Type a message to send.');
    if (message.length > MAX_MESSAGE_LENGTH)
      return invalid(`A message can be at most ${MAX_MESSAGE_LENGTH} characters.`);
    return this.deliver(
      sessionId,
      csa,
      { kind: 'agentMessage', csaName: firstName(csa.displayName), text: message },
      message,
    );
  }

  async sendArticle(sessionId: string, csa: Csa, articleId: string): Promise<DeskOutcome<TranscriptLine>> {
    const article = this.deps.knowledge.current().knowledge.byId.get(articleId);
    if (!article) return invalid('There is no such article.');
    const notice: ResidentNotice = { kind: 'article', csaName: firstName(csa.displayName), articleId };
    return this.deliver(sessionId, csa, notice, `${article.title}: ${article.url}`);
  }

  async addNote(sessionId: string, csa: Csa, text: string): Promise<DeskOutcome<ChatNote>> {
    const note = text.trim();
    if (note === '') return invalid('Type a note to add.');
    if (note.length > MAX_NOTE_LENGTH) return invalid(`A note can be at most ${MAX_NOTE_LENGTH} characters.`);
    const added = await this.deps.repositories.handoffs.addNote(sessionId, {
      csaId: csa.id,
      csaName: csa.displayName,
      text: note,
    });
    if (!added.ok) return refusal(added, 'This conversation cannot take notes.');
    await this.audit('handoff.noteAdded', added.session, actorOf(csa));
    const stored = added.session.notes.at(-1);
    return {
      ok: true,
      value: { at: stored?.at ?? this.deps.clock(), csa: { id: csa.id, displayName: csa.displayName }, text: note },
    };
  }

  async transfer(sessionId: string, csa: Csa, team: string): Promise<DeskOutcome<QueueItem>> {
    if (!this.teams().includes(team)) return invalid('Choose one of the teams listed.');
    const session = await this.deps.repositories.handoffs.findById(sessionId);
    const owned = this.checkOwner(session, csa, ['queued', 'accepted']);
    if (!owned.ok) return owned;
    const moved = await this.deps.repositories.handoffs.transfer(sessionId, team);
    if (!moved.ok) return refusal(moved, 'This conversation can no longer be transferred.');
    await this.audit('handoff.transferred', moved.session, actorOf(csa), { team });
    this.changed(sessionId, 'queued');
    const queue = await this.deps.repositories.handoffs.listQueue();
    const position = queue.findIndex((queued) => queued._id === sessionId) + 1;
    await this.notify(moved.session, { kind: 'transferred', team, position }).catch(() => undefined);
    return { ok: true, value: toQueueItem(moved.session, position) };
  }

  async attachRequest(sessionId: string, csa: Csa, reference: string): Promise<DeskOutcome<void>> {
    const request = await this.deps.repositories.requests.findByReference(reference);
    if (!request) return invalid('There is no service request with that reference.');
    const attached = await this.deps.repositories.handoffs.attachRequest(sessionId, request.reference);
    if (!attached.ok) return refusal(attached, 'The request could not be attached.');
    await this.audit('handoff.requestAttached', attached.session, actorOf(csa));
    return { ok: true, value: undefined };
  }

  async end(sessionId: string, csa: Csa): Promise<DeskOutcome<void>> {
    const session = await this.deps.repositories.handoffs.findById(sessionId);
    const owned = this.checkOwner(session, csa, ['accepted']);
    if (!owned.ok) return owned;
    const ended = await this.deps.repositories.handoffs.end(sessionId, 'csa');
    if (!ended.ok) return refusal(ended, 'This chat has already ended.');
    await this.audit('handoff.ended', ended.session, actorOf(csa));
    await this.recordEnd(ended.session, 'helped');
    this.changed(sessionId, 'ended');
    await this.notify(ended.session, { kind: 'chatEnded', csaName: firstName(csa.displayName), sessionId }).catch(
      () => undefined,
    );
    return { ok: true, value: undefined };
  }

  teams(): string[] {
    return [...this.deps.knowledge.current().knowledge.profile.contactCentre.teams];
  }

  cannedResponses(): Array<{ title: string; text: string }> {
    return this.deps.knowledge
      .current()
      .knowledge.profile.contactCentre.cannedResponses.map((canned) => ({ ...canned }));
  }

  subscribe(listener: (event: DeskEvent) => void): () => void {
    return this.deps.events.subscribe(listener);
  }

  // ---- Helpers ----

  private async deliver(
    sessionId: string,
    csa: Csa,
    notice: ResidentNotice,
    lineText: string,
  ): Promise<DeskOutcome<TranscriptLine>> {
    const session = await this.deps.repositories.handoffs.findById(sessionId);
    const owned = this.checkOwner(session, csa, ['accepted']);
    if (!owned.ok || !session) return owned.ok ? invalid('There is no such conversation.') : owned;
    let activityId: string | undefined;
    try {
      activityId = (await this.notify(session, notice)).activityId;
    } catch {
      return {
        ok: false,
        reason: 'unavailable',
        message: 'The message could not be delivered. It has not been sent; try again.',
      };
    }
    const line: TranscriptLine = {
      id: activityId ?? `${sessionId}#${this.deps.clock().getTime()}`,
      at: this.deps.clock(),
      from: 'csa',
      name: firstName(csa.displayName),
      text: lineText,
      attachments: [],
    };
    await this.audit(notice.kind === 'article' ? 'handoff.articleSent' : 'handoff.messageSent', session, actorOf(csa));
    this.publish({ kind: 'line', sessionId, line });
    return { ok: true, value: line };
  }

  /** The session, if it is in one of `states` and (unless the CSA is a supervisor) is theirs once accepted. */
  private checkOwner(
    session: HandoffSession | null,
    csa: Csa,
    states: HandoffSession['state'][],
  ): { ok: true } | DeskRefusal {
    if (!session) return { ok: false, reason: 'notFound', message: 'There is no such conversation.' };
    if (!states.includes(session.state)) {
      return { ok: false, reason: 'ended', message: 'This conversation is no longer live.' };
    }
    if (session.state === 'accepted' && session.assignedCsa !== csa.id && csa.role !== 'supervisor') {
      return { ok: false, reason: 'notYours', message: 'Another CSA is helping this resident.' };
    }
    return { ok: true };
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

  private notify(session: HandoffSession, notice: ResidentNotice): Promise<{ activityId: string | undefined }> {
    if (!session.reference) return Promise.reject(new Error('the handoff has no conversation reference'));
    return this.deps.messenger().notify(session.reference, notice);
  }

  private about(request: HandoffRequest) {
    return {
      conversationId: request.conversationId,
      channel: request.channel,
      reason: request.reason,
      priority: request.priority,
    };
  }

  private recordAccepted(session: HandoffSession): Promise<void> {
    const waitMs = (session.acceptedAt ?? this.deps.clock()).getTime() - session.queuedAt.getTime();
    return this.record({
      kind: 'handoffAccepted',
      conversationId: session.conversationId,
      service: session.serviceArea,
      waitMs,
    });
  }

  /** How a handoff finished: `helped` (a person helped), `leftQueue`, `callbackBooked`, `failed` (the hub could not). */
  private recordEnd(session: HandoffSession, outcome: string): Promise<void> {
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

  private async record(event: NewAnalyticsEvent): Promise<void> {
    await this.deps.repositories.analytics.record(event);
  }

  private changed(sessionId: string, state: 'queued' | 'accepted' | 'ended' | 'callbackBooked'): void {
    this.publish({ kind: 'sessionChanged', sessionId, state });
    this.publish({ kind: 'queueChanged' });
  }

  private publish(event: DeskEvent): void {
    this.deps.events.publish(event);
  }

  private async audit(
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

function toQueueItem(session: HandoffSession, position: number | undefined): QueueItem {
  const item: QueueItem = {
    sessionId: session._id,
    conversationId: session.conversationId,
    state: session.state,
    priority: session.priority,
    reason: reasonOf(session.reason),
    urgentCategory: categoryOf(session.urgentCategory),
    topic: session.topic ?? 'No question yet',
    team: session.team,
    queuedAt: session.queuedAt,
    residentMessagesSinceHandoff: session.residentMessages,
  };
  if (position !== undefined) item.position = position;
  if (session.acceptedAt) item.acceptedAt = session.acceptedAt;
  if (session.assignedCsa) item.assignedCsa = { id: session.assignedCsa, displayName: session.assignedCsaName ?? '' };
  return item;
}

function toBrief(stored: StoredBrief): HandoffBrief {
  return { ...stored, reason: reasonOf(stored.reason), urgentCategory: categoryOf(stored.urgentCategory) };
}

function categoryOf(category: string | undefined): UrgentCategory | undefined {
  return URGENT_CATEGORIES.find((known) => known === category);
}

function reasonOf(reason: string): EscalationReason {
  return ESCALATION_REASONS.find((known) => known === reason) ?? 'residentAsked';
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

function actorOf(csa: Csa): { kind: 'csa' | 'supervisor'; id: string } {
  return { kind: csa.role, id: csa.id };
}

/** What residents see of a CSA's name: the first name only. */
export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] || 'An adviser';
}

function invalid<T>(message: string): DeskOutcome<T> {
  return { ok: false, reason: 'invalid', message };
}

function refusal(
  change: { ok: false; reason: 'notFound' } | { ok: false; reason: 'wrongState'; state: string },
  wrongStateMessage: string,
): DeskRefusal {
  if (change.reason === 'notFound') return { ok: false, reason: 'notFound', message: 'There is no such conversation.' };
  return {
    ok: false,
    reason: change.state === 'accepted' ? 'alreadyTaken' : 'ended',
    message: change.state === 'accepted' ? wrongStateMessage : 'This conversation is no longer live.',
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
