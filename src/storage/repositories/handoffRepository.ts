import { randomUUID } from 'node:crypto';
import type { UpdateFilter } from 'mongodb';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { StoreCollection } from '../storeCollection';
import { type RepositoryOptions, retentionCutoff, systemClock } from './repositoryOptions';

export const HANDOFF_STATES = ['queued', 'accepted', 'ended', 'callbackBooked'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];
const LIVE_STATES: HandoffState[] = ['queued', 'accepted'];

const handoffSchema = z.object({
  _id: z.string(),
  conversationId: z.string(),
  /** The conversation id while the session is live (queued or accepted): unique, so one live session each. */
  liveConversationId: z.string().optional(),
  state: z.enum(HANDOFF_STATES),
  priority: z.enum(['normal', 'urgent']),
  /** Why the bot handed over (`residentAsked`, `noAnswer`, `urgent`, ...): a code, not the resident's words. */
  reason: z.string(),
  /** What the queue shows CSAs, e.g. the article or request type. */
  topic: z.string().optional(),
  /** The console user who accepted it. */
  assignedCsa: z.string().optional(),
  queuedAt: z.date(),
  acceptedAt: z.date().optional(),
  endedAt: z.date().optional(),
  callbackAt: z.date().optional(),
  updatedAt: z.date(),
});
export type HandoffSession = z.infer<typeof handoffSchema>;

export interface NewHandoff {
  conversationId: string;
  priority: HandoffSession['priority'];
  reason: string;
  topic?: string;
}

export type OpenHandoffOutcome = { opened: true; session: HandoffSession } | { opened: false; session: HandoffSession };
export type HandoffChange =
  | { ok: true; session: HandoffSession }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'wrongState'; state: HandoffState };

/**
 * Conversations handed to a person: queued until a CSA accepts, then ended, or closed with a callback booked when
 * nobody is free. Each transition is one conditional update, so of two CSAs accepting the same session exactly one
 * succeeds. A conversation has at most one live session.
 */
export class HandoffRepository {
  static readonly collectionName = 'handoffSessions';
  private readonly collection: StoreCollection<HandoffSession>;
  private readonly clock: () => Date;

  constructor(
    store: DocumentStore,
    private readonly options: RepositoryOptions,
  ) {
    this.collection = store.collection(HandoffRepository.collectionName, handoffSchema);
    this.clock = options.clock ?? systemClock;
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex(
      { liveConversationId: 1 },
      { unique: true, sparse: true, name: 'liveConversationId_unique' },
    );
    await this.collection.createIndex({ conversationId: 1 });
    await this.collection.createIndex({ state: 1, queuedAt: 1 });
  }

  /** Queues a session, or returns the conversation's live one (`opened: false`) if it has one. */
  async open(handoff: NewHandoff): Promise<OpenHandoffOutcome> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const live = await this.findLive(handoff.conversationId);
      if (live) return { opened: false, session: live };
      const now = this.clock();
      const session: HandoffSession = {
        _id: randomUUID(),
        ...handoff,
        liveConversationId: handoff.conversationId,
        state: 'queued',
        queuedAt: now,
        updatedAt: now,
      };
      if ((await this.collection.insertOne(session)).ok) return { opened: true, session };
    }
    throw new Error('could not open a handoff session: the live session kept changing');
  }

  accept(sessionId: string, csaId: string): Promise<HandoffChange> {
    const now = this.clock();
    return this.transition(sessionId, ['queued'], {
      $set: { state: 'accepted', assignedCsa: csaId, acceptedAt: now, updatedAt: now },
    });
  }

  end(sessionId: string): Promise<HandoffChange> {
    const now = this.clock();
    return this.transition(sessionId, LIVE_STATES, {
      $set: { state: 'ended', endedAt: now, updatedAt: now },
      $unset: { liveConversationId: '' },
    });
  }

  /** Nobody could take the chat: the resident is called back at `at` instead. */
  bookCallback(sessionId: string, at: Date): Promise<HandoffChange> {
    const now = this.clock();
    return this.transition(sessionId, ['queued'], {
      $set: { state: 'callbackBooked', callbackAt: at, endedAt: now, updatedAt: now },
      $unset: { liveConversationId: '' },
    });
  }

  findById(sessionId: string): Promise<HandoffSession | null> {
    return this.collection.findOne({ _id: sessionId });
  }

  findLive(conversationId: string): Promise<HandoffSession | null> {
    return this.collection.findOne({ liveConversationId: conversationId });
  }

  /** The waiting queue: urgent sessions first, then longest waiting first. */
  async listQueue(): Promise<HandoffSession[]> {
    const queued = await this.collection.findMany({ state: 'queued' }, { sort: { queuedAt: 1 } });
    return [...queued.filter((s) => s.priority === 'urgent'), ...queued.filter((s) => s.priority !== 'urgent')];
  }

  listByConversations(conversationIds: readonly string[]): Promise<HandoffSession[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.collection.findMany({ conversationId: { $in: [...conversationIds] } }, { sort: { queuedAt: 1 } });
  }

  async deleteByConversations(conversationIds: readonly string[]): Promise<number> {
    if (conversationIds.length === 0) return 0;
    return (await this.collection.deleteMany({ conversationId: { $in: [...conversationIds] } })).deletedCount;
  }

  /** Deletes finished sessions (ended, or callback booked) unchanged for the retention period. */
  async purgeExpired(now: Date): Promise<number> {
    const cutoff = retentionCutoff(now, this.options.retentionDays);
    const filter = { state: { $nin: LIVE_STATES }, updatedAt: { $lt: cutoff } };
    return (await this.collection.deleteMany(filter)).deletedCount;
  }

  private async transition(
    sessionId: string,
    from: HandoffState[],
    update: UpdateFilter<HandoffSession>,
  ): Promise<HandoffChange> {
    const outcome = await this.collection.findOneAndUpdate({ _id: sessionId, state: { $in: from } }, update, {
      returnDocument: 'after',
    });
    if (!outcome.ok) throw new Error('a handoff transition cannot duplicate a key');
    if (outcome.document) return { ok: true, session: outcome.document };
    const current = await this.findById(sessionId);
    return current ? { ok: false, reason: 'wrongState', state: current.state } : { ok: false, reason: 'notFound' };
  }
}
