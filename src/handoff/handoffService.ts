import {
  type ChatNote,
  type ChatView,
  type Csa,
  type DeskEvent,
  type DeskOutcome,
  type HandoffDesk,
  type QueueItem,
  type TranscriptLine,
} from './handoffDesk';
import type {
  HandoffPort,
  HandoffRequest,
  HandoffStart,
  LiveHandoff,
  ResidentLine,
  SafeguardingFollowUp,
  SafeguardingFollowUpRequest,
} from './handoffPort';
import type { HandoffServiceDependencies } from './handoffDependencies';
import { HandoffRecorder } from './handoffRecorder';
import { CsaDesk } from './csaDesk';
import { ResidentQueue } from './residentQueue';

export type { HandoffServiceDependencies, HandoffSettings } from './handoffDependencies';
export { firstName } from './sessionCodes';

/**
 * Hands conversations to people and back: the conversation's side (`HandoffPort`, the resident's queue) and the
 * console's side (`HandoffDesk`, the CSA desk) meet here, sharing one recorder of audit entries, analytics events and
 * desk events. Each side is its own class; this one builds them from the same dependencies.
 */
export class HandoffService implements HandoffPort, HandoffDesk {
  private readonly resident: ResidentQueue;
  private readonly desk: CsaDesk;

  constructor(deps: HandoffServiceDependencies) {
    const recorder = new HandoffRecorder(deps);
    this.resident = new ResidentQueue(deps, recorder);
    this.desk = new CsaDesk(deps, recorder);
  }

  // ---- The conversation's side ----

  request(request: HandoffRequest): Promise<HandoffStart> {
    return this.resident.request(request);
  }

  live(conversationId: string): Promise<LiveHandoff | undefined> {
    return this.resident.live(conversationId);
  }

  residentSaid(conversationId: string, line: ResidentLine): Promise<LiveHandoff | undefined> {
    return this.resident.residentSaid(conversationId, line);
  }

  leaveQueue(conversationId: string, why?: 'stoppedWaiting' | 'choseCallback'): Promise<boolean> {
    return this.resident.leaveQueue(conversationId, why);
  }

  residentWords(conversationId: string, activityId: string): Promise<string | undefined> {
    return this.resident.residentWords(conversationId, activityId);
  }

  callbackBooked(conversationId: string, reference: string, promisedBy: Date | undefined): Promise<void> {
    return this.resident.callbackBooked(conversationId, reference, promisedBy);
  }

  recordSafeguardingFollowUp(request: SafeguardingFollowUpRequest): Promise<SafeguardingFollowUp> {
    return this.resident.recordSafeguardingFollowUp(request);
  }

  externalStatus(conversationId: string, status: 'accepted' | 'failed' | 'completed'): Promise<void> {
    return this.resident.externalStatus(conversationId, status);
  }

  recordRating(sessionId: string, score: number, comment: string | undefined): Promise<void> {
    return this.resident.recordRating(sessionId, score, comment);
  }

  offerCallbacksAfterLongWaits(): Promise<number> {
    return this.resident.offerCallbacksAfterLongWaits();
  }

  // ---- The console's side ----

  queue(): Promise<QueueItem[]> {
    return this.desk.queue();
  }

  view(sessionId: string): Promise<ChatView | null> {
    return this.desk.view(sessionId);
  }

  accept(sessionId: string, csa: Csa): Promise<DeskOutcome<QueueItem>> {
    return this.desk.accept(sessionId, csa);
  }

  sendMessage(sessionId: string, csa: Csa, text: string): Promise<DeskOutcome<TranscriptLine>> {
    return this.desk.sendMessage(sessionId, csa, text);
  }

  sendArticle(sessionId: string, csa: Csa, articleId: string): Promise<DeskOutcome<TranscriptLine>> {
    return this.desk.sendArticle(sessionId, csa, articleId);
  }

  addNote(sessionId: string, csa: Csa, text: string): Promise<DeskOutcome<ChatNote>> {
    return this.desk.addNote(sessionId, csa, text);
  }

  transfer(sessionId: string, csa: Csa, team: string): Promise<DeskOutcome<QueueItem>> {
    return this.desk.transfer(sessionId, csa, team);
  }

  attachRequest(sessionId: string, csa: Csa, reference: string): Promise<DeskOutcome<void>> {
    return this.desk.attachRequest(sessionId, csa, reference);
  }

  end(sessionId: string, csa: Csa): Promise<DeskOutcome<void>> {
    return this.desk.end(sessionId, csa);
  }

  sessionForRequest(reference: string): Promise<string | undefined> {
    return this.desk.sessionForRequest(reference);
  }

  teams(): string[] {
    return this.desk.teams();
  }

  cannedResponses(): Array<{ title: string; text: string }> {
    return this.desk.cannedResponses();
  }

  subscribe(listener: (event: DeskEvent) => void): () => void {
    return this.desk.subscribe(listener);
  }
}
