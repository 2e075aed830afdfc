import { randomUUID } from 'node:crypto';
import type {
  ChatNote,
  ChatView,
  Csa,
  DeskEvent,
  DeskOutcome,
  DeskRefusal,
  HandoffBrief,
  HandoffDesk,
  QueueItem,
  TranscriptLine,
} from '../../src/handoff/handoffDesk';

interface FakeSession {
  item: QueueItem;
  brief: HandoffBrief;
  transcript: TranscriptLine[];
  notes: ChatNote[];
  attached: string[];
  ended: boolean;
}

export interface QueuedConversation {
  topic: string;
  priority?: 'urgent' | 'normal';
  reason?: QueueItem['reason'];
  residentWords?: string[];
  waitedMs?: number;
  details?: Partial<HandoffBrief['details']>;
}

/**
 * An in-memory `HandoffDesk` for console tests: conversations are queued by the test, the console's actions change
 * them as the real desk would (one CSA wins an accept; only the assigned CSA may act), and every change is
 * published to subscribers. `refuseNext` makes the next action of a kind fail, to test what the console does then.
 */
export class FakeHandoffDesk implements HandoffDesk {
  private readonly sessions = new Map<string, FakeSession>();
  private readonly listeners = new Set<(event: DeskEvent) => void>();
  private readonly refusals = new Map<string, DeskRefusal>();
  /** Every call, in order, for assertions: `accept s1 csa-id`. */
  readonly calls: string[] = [];

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** Puts a conversation in the queue, with a short transcript of what the resident and the bot said. */
  enqueue(conversation: QueuedConversation): string {
    const sessionId = randomUUID();
    const now = this.clock();
    const queuedAt = new Date(now.getTime() - (conversation.waitedMs ?? 0));
    const words = conversation.residentWords ?? ['I want to talk to a person'];
    const transcript: TranscriptLine[] = [];
    words.forEach((text, index) => {
      transcript.push(this.line('resident', text, new Date(queuedAt.getTime() - (words.length - index) * 30_000)));
      transcript.push(
        this.line(
          'bot',
          'I will find someone to help you.',
          new Date(queuedAt.getTime() - (words.length - index) * 29_000),
          'handoff',
        ),
      );
    });
    const priority = conversation.priority ?? 'normal';
    const reason = conversation.reason ?? 'residentAsked';
    this.sessions.set(sessionId, {
      item: {
        sessionId,
        conversationId: `conversation-${sessionId}`,
        state: 'queued',
        priority,
        reason,
        topic: conversation.topic,
        team: 'Customer services',
        queuedAt,
        residentMessagesSinceHandoff: 0,
      },
      brief: {
        reason,
        reasonText: 'The resident asked to talk to a person',
        serviceArea: 'Waste and recycling',
        priority,
        residentWords: words,
        articlesShown: [
          {
            articleId: 'missed-bin',
            title: 'Report a missed bin collection',
            url: 'https://www.eastmere.example/bins/missed',
          },
        ],
        botReplies: ['I will find someone to help you.'],
        details: { requestReferences: [], ...conversation.details },
        channel: 'directline',
        conversationStartedAt: new Date(queuedAt.getTime() - 120_000),
        queuedAt,
      },
      transcript,
      notes: [],
      attached: [],
      ended: false,
    });
    this.publish({ kind: 'queueChanged' });
    return sessionId;
  }

  /** The resident writes while waiting or chatting. */
  residentWrites(sessionId: string, text: string): TranscriptLine {
    const session = this.require(sessionId);
    const line = this.line('resident', text, this.clock());
    session.transcript.push(line);
    session.item.residentMessagesSinceHandoff++;
    this.publish({ kind: 'line', sessionId, line });
    return line;
  }

  refuseNext(action: string, refusal: Omit<DeskRefusal, 'ok'>): void {
    this.refusals.set(action, { ok: false, ...refusal });
  }

  session(sessionId: string): FakeSession | undefined {
    return this.sessions.get(sessionId);
  }

  async queue(): Promise<QueueItem[]> {
    const live = [...this.sessions.values()].filter((session) => !session.ended).map((session) => session.item);
    const waiting = live
      .filter((item) => item.state === 'queued')
      .sort(
        (a, b) =>
          Number(b.priority === 'urgent') - Number(a.priority === 'urgent') ||
          a.queuedAt.getTime() - b.queuedAt.getTime(),
      )
      .map((item, index) => ({ ...item, position: index + 1 }));
    return [...waiting, ...live.filter((item) => item.state === 'accepted').map((item) => ({ ...item }))];
  }

  async view(sessionId: string): Promise<ChatView | null> {
    const session = this.sessions.get(sessionId);
    if (!session || session.ended) return null;
    return {
      item: { ...session.item },
      brief: { ...session.brief, details: { ...session.brief.details, requestReferences: [...session.attached] } },
      transcript: [...session.transcript],
      notes: [...session.notes],
    };
  }

  async accept(sessionId: string, csa: Csa): Promise<DeskOutcome<QueueItem>> {
    this.calls.push(`accept ${sessionId} ${csa.id}`);
    const refused = this.refusal('accept');
    if (refused) return refused;
    const session = this.sessions.get(sessionId);
    if (!session || session.ended) return { ok: false, reason: 'notFound', message: 'This chat is no longer waiting.' };
    if (session.item.state !== 'queued') {
      return { ok: false, reason: 'alreadyTaken', message: 'Another CSA has already accepted this chat.' };
    }
    session.item = {
      ...session.item,
      state: 'accepted',
      position: undefined,
      acceptedAt: this.clock(),
      assignedCsa: { id: csa.id, displayName: csa.displayName },
    };
    this.addLine(sessionId, this.line('system', `${csa.displayName} joined the chat.`, this.clock()));
    this.publish({ kind: 'sessionChanged', sessionId, state: 'accepted' });
    this.publish({ kind: 'queueChanged' });
    return { ok: true, value: { ...session.item } };
  }

  async sendMessage(sessionId: string, csa: Csa, text: string): Promise<DeskOutcome<TranscriptLine>> {
    this.calls.push(`sendMessage ${sessionId} ${csa.id}`);
    const refused = this.refusal('sendMessage') ?? this.mine(sessionId, csa);
    if (refused) return refused;
    const line = { ...this.line('csa', text, this.clock()), name: csa.displayName.split(' ')[0] };
    this.addLine(sessionId, line);
    return { ok: true, value: line };
  }

  async sendArticle(sessionId: string, csa: Csa, articleId: string): Promise<DeskOutcome<TranscriptLine>> {
    this.calls.push(`sendArticle ${sessionId} ${csa.id} ${articleId}`);
    const refused = this.refusal('sendArticle') ?? this.mine(sessionId, csa);
    if (refused) return refused;
    const line = {
      ...this.line('csa', `Here is our page about this: ${articleId}`, this.clock()),
      name: csa.displayName,
    };
    this.addLine(sessionId, line);
    return { ok: true, value: line };
  }

  async addNote(sessionId: string, csa: Csa, text: string): Promise<DeskOutcome<ChatNote>> {
    this.calls.push(`addNote ${sessionId} ${csa.id}`);
    const refused = this.refusal('addNote');
    if (refused) return refused;
    const session = this.sessions.get(sessionId);
    if (!session) return { ok: false, reason: 'notFound', message: 'There is no such chat.' };
    const note = { at: this.clock(), csa: { id: csa.id, displayName: csa.displayName }, text };
    session.notes.push(note);
    return { ok: true, value: note };
  }

  async transfer(sessionId: string, csa: Csa, team: string): Promise<DeskOutcome<QueueItem>> {
    this.calls.push(`transfer ${sessionId} ${csa.id} ${team}`);
    const refused = this.refusal('transfer') ?? this.mine(sessionId, csa);
    if (refused) return refused;
    const session = this.require(sessionId);
    session.item = {
      ...session.item,
      state: 'queued',
      team,
      reason: 'transferred',
      acceptedAt: undefined,
      assignedCsa: undefined,
    };
    this.publish({ kind: 'sessionChanged', sessionId, state: 'queued' });
    this.publish({ kind: 'queueChanged' });
    return { ok: true, value: { ...session.item } };
  }

  async attachRequest(sessionId: string, csa: Csa, reference: string): Promise<DeskOutcome<void>> {
    this.calls.push(`attachRequest ${sessionId} ${csa.id} ${reference}`);
    const refused = this.refusal('attachRequest') ?? this.mine(sessionId, csa);
    if (refused) return refused;
    this.require(sessionId).attached.push(reference.toUpperCase());
    return { ok: true, value: undefined };
  }

  async end(sessionId: string, csa: Csa): Promise<DeskOutcome<void>> {
    this.calls.push(`end ${sessionId} ${csa.id}`);
    const refused = this.refusal('end') ?? this.mine(sessionId, csa);
    if (refused) return refused;
    this.require(sessionId).ended = true;
    this.publish({ kind: 'sessionChanged', sessionId, state: 'ended' });
    this.publish({ kind: 'queueChanged' });
    return { ok: true, value: undefined };
  }

  /** Requests linked to a session in this fake: set by tests. */
  readonly requestSessions = new Map<string, string>();

  async sessionForRequest(reference: string): Promise<string | undefined> {
    return this.requestSessions.get(reference);
  }

  teams(): string[] {
    return ['Customer services', 'Waste and recycling', 'Housing'];
  }

  cannedResponses(): Array<{ title: string; text: string }> {
    return [
      { title: 'Greeting', text: 'Hello, thank you for waiting. How can I help?' },
      { title: 'Checking', text: 'Thank you. Let me check that for you.' },
    ];
  }

  subscribe(listener: (event: DeskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  private addLine(sessionId: string, line: TranscriptLine): void {
    this.require(sessionId).transcript.push(line);
    this.publish({ kind: 'line', sessionId, line });
  }

  private line(from: TranscriptLine['from'], text: string, at: Date, action?: string): TranscriptLine {
    return { id: randomUUID(), at, from, text, attachments: [], ...(action && { action }) };
  }

  private mine(sessionId: string, csa: Csa): DeskRefusal | undefined {
    const session = this.sessions.get(sessionId);
    if (!session) return { ok: false, reason: 'notFound', message: 'There is no such chat.' };
    if (session.ended) return { ok: false, reason: 'ended', message: 'This chat has ended.' };
    if (session.item.assignedCsa?.id !== csa.id) {
      return { ok: false, reason: 'notYours', message: 'This chat is being helped by someone else.' };
    }
    return undefined;
  }

  private refusal(action: string): DeskRefusal | undefined {
    const refusal = this.refusals.get(action);
    this.refusals.delete(action);
    return refusal;
  }

  private require(sessionId: string): FakeSession {
    const session = this.sessions.get(sessionId);
    if (!session) throw new Error(`no fake session ${sessionId}`);
    return session;
  }

  private publish(event: DeskEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
