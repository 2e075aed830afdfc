import type { HandoffSession, StoredBrief } from '../storage/repositories/handoffRepository';
import { readConversationTranscript } from '../storage/repositories/readConversationTranscript';
import {
  type ChatNote,
  type ChatView,
  type Csa,
  type DeskEvent,
  type DeskOutcome,
  type DeskRefusal,
  type HandoffBrief,
  type HandoffDesk,
  type QueueItem,
  type TranscriptLine,
} from './handoffDesk';
import type { ResidentNotice } from './residentMessenger';
import { toTranscriptLines } from './toTranscriptLines';

import type { HandoffServiceDependencies } from './handoffDependencies';
import { type HandoffRecorder } from './handoffRecorder';
import { categoryOf, firstName, reasonOf } from './sessionCodes';

const MAX_MESSAGE_LENGTH = 4000;
const MAX_NOTE_LENGTH = 2000;

/**
 * The CSA's side of a handoff (`HandoffDesk`): the queue, a chat's brief and transcript, accepting, messages,
 * articles, notes, transfers, linked requests and ending. A CSA acts only on a chat that is theirs once accepted
 * (a supervisor on any); every action is audited.
 */
export class CsaDesk implements HandoffDesk {
  constructor(
    private readonly deps: HandoffServiceDependencies,
    private readonly recorder: HandoffRecorder,
  ) {}

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
    await this.recorder.audit('handoff.accepted', accepted.session, actorOf(csa));
    await this.recorder.recordAccepted(accepted.session);
    this.recorder.changed(sessionId, 'accepted');
    await this.recorder
      .notify(accepted.session, { kind: 'agentJoined', csaName: firstName(csa.displayName) })
      .catch(() => undefined);
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
    await this.recorder.audit('handoff.noteAdded', added.session, actorOf(csa));
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
    await this.recorder.audit('handoff.transferred', moved.session, actorOf(csa), { team });
    this.recorder.changed(sessionId, 'queued');
    const queue = await this.deps.repositories.handoffs.listQueue();
    const position = queue.findIndex((queued) => queued._id === sessionId) + 1;
    await this.recorder.notify(moved.session, { kind: 'transferred', team, position }).catch(() => undefined);
    return { ok: true, value: toQueueItem(moved.session, position) };
  }

  async attachRequest(sessionId: string, csa: Csa, reference: string): Promise<DeskOutcome<void>> {
    const request = await this.deps.repositories.requests.findByReference(reference);
    if (!request) return invalid('There is no service request with that reference.');
    const attached = await this.deps.repositories.handoffs.attachRequest(sessionId, request.reference);
    if (!attached.ok) return refusal(attached, 'The request could not be attached.');
    await this.recorder.audit('handoff.requestAttached', attached.session, actorOf(csa));
    return { ok: true, value: undefined };
  }

  async end(sessionId: string, csa: Csa): Promise<DeskOutcome<void>> {
    const session = await this.deps.repositories.handoffs.findById(sessionId);
    const owned = this.checkOwner(session, csa, ['accepted']);
    if (!owned.ok) return owned;
    const ended = await this.deps.repositories.handoffs.end(sessionId, 'csa');
    if (!ended.ok) return refusal(ended, 'This chat has already ended.');
    await this.recorder.audit('handoff.ended', ended.session, actorOf(csa));
    await this.recorder.recordEnd(ended.session, 'helped');
    this.recorder.changed(sessionId, 'ended');
    await this.recorder
      .notify(ended.session, { kind: 'chatEnded', csaName: firstName(csa.displayName), sessionId })
      .catch(() => undefined);
    return { ok: true, value: undefined };
  }

  /** The handoff session that carries a service request (a callback booked, or a request a CSA linked). */
  async sessionForRequest(reference: string): Promise<string | undefined> {
    return (await this.deps.repositories.handoffs.findByRequest(reference))?._id;
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
      activityId = (await this.recorder.notify(session, notice)).activityId;
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
    await this.recorder.audit(
      notice.kind === 'article' ? 'handoff.articleSent' : 'handoff.messageSent',
      session,
      actorOf(csa),
    );
    this.recorder.publish({ kind: 'line', sessionId, line });
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

function actorOf(csa: Csa): { kind: 'csa' | 'supervisor'; id: string } {
  return { kind: csa.role, id: csa.id };
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
