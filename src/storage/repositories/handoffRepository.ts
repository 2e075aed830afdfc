import { randomUUID } from 'node:crypto';
import type { Update } from '../queryTypes';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { StoreCollection } from '../storeCollection';
import { type RepositoryOptions, retentionCutoff, systemClock } from './repositoryOptions';

export const HANDOFF_STATES = ['queued', 'accepted', 'ended', 'callbackBooked'] as const;
export type HandoffState = (typeof HANDOFF_STATES)[number];
const LIVE_STATES: HandoffState[] = ['queued', 'accepted'];

/** The team a conversation is queued for unless it is transferred. */
export const DEFAULT_TEAM = 'Customer services';

const briefSchema = z.object({
  reason: z.string(),
  reasonText: z.string(),
  serviceArea: z.string(),
  priority: z.enum(['normal', 'urgent']),
  urgentCategory: z.string().optional(),
  residentWords: z.array(z.string()),
  articlesShown: z.array(z.object({ articleId: z.string(), title: z.string(), url: z.string() })),
  botReplies: z.array(z.string()),
  details: z.object({
    name: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
    address: z.string().optional(),
    postcode: z.string().optional(),
    requestReferences: z.array(z.string()),
  }),
  channel: z.string(),
  conversationStartedAt: z.date(),
  queuedAt: z.date(),
});
export type StoredBrief = z.infer<typeof briefSchema>;

const noteSchema = z.object({ at: z.date(), csaId: z.string(), csaName: z.string(), text: z.string() });
export type HandoffNote = z.infer<typeof noteSchema>;

const handoffSchema = z.object({
  _id: z.string(),
  conversationId: z.string(),
  /** The conversation id while the session is live (queued or accepted): unique, so one live session each. */
  liveConversationId: z.string().optional(),
  state: z.enum(HANDOFF_STATES),
  priority: z.enum(['normal', 'urgent']),
  /** Why the bot handed over (`residentAsked`, `botFailedTwice`, `urgent`, ...): a code, not the resident's words. */
  reason: z.string(),
  /** The kind of emergency the bot flagged (`abuse`, `child`, ...): a code, not the resident's words. */
  urgentCategory: z.string().optional(),
  /** What the queue shows CSAs: the service area and the subject in a few words. */
  topic: z.string().optional(),
  serviceArea: z.string().optional(),
  team: z.string().default(DEFAULT_TEAM),
  /** `directline`, `msteams`, ...: where the resident is. */
  channel: z.string().optional(),
  /** The Bot Framework conversation reference, as JSON, for messages from the console to the resident. */
  reference: z.string().optional(),
  /** Built when the conversation was handed off: shown to the CSA, attached to a callback. */
  brief: briefSchema.optional(),
  /** The console user who accepted it, and their name as residents see it. */
  assignedCsa: z.string().optional(),
  assignedCsaName: z.string().optional(),
  queuedAt: z.date(),
  acceptedAt: z.date().optional(),
  endedAt: z.date().optional(),
  endedBy: z.enum(['csa', 'resident', 'system']).optional(),
  callbackAt: z.date().optional(),
  /** The service request that carries a booked callback. */
  callbackReference: z.string().optional(),
  /** When the resident was told that nobody had been free for too long (so they are told once). */
  waitExpiredAt: z.date().optional(),
  residentMessages: z.number().int().default(0),
  notes: z.array(noteSchema).default([]),
  /** References of service requests a CSA linked to the conversation. */
  attachedRequests: z.array(z.string()).default([]),
  transfers: z.number().int().default(0),
  /** The resident's rating of the help they had (1 to 5), asked when the chat ended. */
  rating: z.object({ score: z.number().int().min(1).max(5), comment: z.string().optional(), at: z.date() }).optional(),
  updatedAt: z.date(),
});
export type HandoffSession = z.infer<typeof handoffSchema>;

export interface NewHandoff {
  conversationId: string;
  priority: HandoffSession['priority'];
  reason: string;
  urgentCategory?: string;
  topic?: string;
  serviceArea?: string;
  team?: string;
  channel?: string;
  reference?: string;
  brief?: StoredBrief;
}

export type OpenHandoffOutcome = { opened: true; session: HandoffSession } | { opened: false; session: HandoffSession };
export type HandoffChange =
  | { ok: true; session: HandoffSession }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'wrongState'; state: HandoffState };

/**
 * Conversations handed to a person: queued until a CSA accepts, then ended, or closed with a callback booked when
 * nobody is free. Each transition is one conditional update, so of two CSAs accepting the same session exactly one
 * succeeds. A conversation has at most one live session. Sessions hold residents' words (the brief): finished ones
 * are deleted after the retention period.
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
    await this.collection.createIndex({ endedAt: 1 }, { sparse: true });
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
        team: handoff.team ?? DEFAULT_TEAM,
        liveConversationId: handoff.conversationId,
        state: 'queued',
        queuedAt: now,
        residentMessages: 0,
        notes: [],
        attachedRequests: [],
        transfers: 0,
        updatedAt: now,
      };
      if ((await this.collection.insertOne(session)).ok) return { opened: true, session };
    }
    throw new Error('could not open a handoff session: the live session kept changing');
  }

  /**
   * A callback booked when nobody could be queued for (out of hours): a finished session holding the brief, so the
   * person who calls back sees it.
   */
  async recordBookedCallback(
    handoff: NewHandoff & { callbackAt: Date; callbackReference: string },
  ): Promise<HandoffSession> {
    const now = this.clock();
    const session: HandoffSession = {
      _id: randomUUID(),
      ...handoff,
      team: handoff.team ?? DEFAULT_TEAM,
      state: 'callbackBooked',
      queuedAt: now,
      endedAt: now,
      endedBy: 'system',
      residentMessages: 0,
      notes: [],
      attachedRequests: [],
      transfers: 0,
      updatedAt: now,
    };
    if (!(await this.collection.insertOne(session)).ok) throw new Error('handoff session id collided');
    return session;
  }

  /** The session that carries a request (a booked callback, or one a CSA linked), most recent first. */
  findByRequest(reference: string): Promise<HandoffSession | null> {
    return this.collection.findOne(
      { $or: [{ callbackReference: reference }, { attachedRequests: reference }] },
      { sort: { queuedAt: -1 } },
    );
  }

  /** The conversation's most recent session, live or not. */
  findLatest(conversationId: string): Promise<HandoffSession | null> {
    return this.collection.findOne({ conversationId }, { sort: { queuedAt: -1 } });
  }

  accept(sessionId: string, csa: { id: string; displayName: string }): Promise<HandoffChange> {
    const now = this.clock();
    return this.transition(sessionId, ['queued'], {
      $set: {
        state: 'accepted',
        assignedCsa: csa.id,
        assignedCsaName: csa.displayName,
        acceptedAt: now,
        updatedAt: now,
      },
    });
  }

  end(sessionId: string, endedBy: HandoffSession['endedBy'] = 'csa'): Promise<HandoffChange> {
    const now = this.clock();
    return this.transition(sessionId, LIVE_STATES, {
      $set: { state: 'ended', endedAt: now, endedBy, updatedAt: now },
      $unset: { liveConversationId: '' },
    });
  }

  /** Nobody could take the chat: the resident is called back by `at`, under the service request `reference`. */
  bookCallback(sessionId: string, at: Date, reference?: string): Promise<HandoffChange> {
    const now = this.clock();
    return this.transition(sessionId, ['queued'], {
      $set: {
        state: 'callbackBooked',
        callbackAt: at,
        endedAt: now,
        endedBy: 'system',
        updatedAt: now,
        ...(reference ? { callbackReference: reference } : {}),
      },
      $unset: { liveConversationId: '' },
    });
  }

  /** Back to the queue, for `team`: the CSA is released, the resident keeps their place by their first wait. */
  transfer(sessionId: string, team: string): Promise<HandoffChange> {
    return this.transition(sessionId, LIVE_STATES, {
      $set: { state: 'queued', team, reason: 'transferred', updatedAt: this.clock() },
      $unset: { assignedCsa: '', assignedCsaName: '', acceptedAt: '', waitExpiredAt: '' },
      $inc: { transfers: 1 },
    });
  }

  /** An urgent message while waiting moves the conversation to the front (with the kind of emergency, when known). */
  makeUrgent(sessionId: string, urgentCategory?: string): Promise<HandoffChange> {
    return this.transition(sessionId, LIVE_STATES, {
      $set: { priority: 'urgent', updatedAt: this.clock(), ...(urgentCategory ? { urgentCategory } : {}) },
    });
  }

  recordResidentMessage(sessionId: string): Promise<HandoffChange> {
    return this.transition(sessionId, LIVE_STATES, {
      $inc: { residentMessages: 1 },
      $set: { updatedAt: this.clock() },
    });
  }

  addNote(sessionId: string, note: Omit<HandoffNote, 'at'>): Promise<HandoffChange> {
    const now = this.clock();
    return this.transition(sessionId, HANDOFF_STATES, {
      $push: { notes: { ...note, at: now } },
      $set: { updatedAt: now },
    });
  }

  attachRequest(sessionId: string, reference: string): Promise<HandoffChange> {
    return this.transition(sessionId, HANDOFF_STATES, {
      $push: { attachedRequests: reference },
      $set: { updatedAt: this.clock() },
    });
  }

  /** Records that the resident was told nobody had been free in time; false if that was done already. */
  async markWaitExpired(sessionId: string): Promise<boolean> {
    const now = this.clock();
    const outcome = await this.collection.updateOne(
      { _id: sessionId, state: 'queued', waitExpiredAt: { $exists: false } },
      { $set: { waitExpiredAt: now, updatedAt: now } },
    );
    return outcome.ok && outcome.modifiedCount === 1;
  }

  /** The resident's satisfaction rating, once per session. */
  async recordRating(sessionId: string, score: number, comment: string | undefined): Promise<boolean> {
    const now = this.clock();
    const outcome = await this.collection.updateOne(
      { _id: sessionId, rating: { $exists: false } },
      { $set: { rating: { score, comment, at: now }, updatedAt: now } },
    );
    return outcome.ok && outcome.modifiedCount === 1;
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

  /** Sessions being helped by a CSA, longest first. */
  listAccepted(): Promise<HandoffSession[]> {
    return this.collection.findMany({ state: 'accepted' }, { sort: { acceptedAt: 1 } });
  }

  /** Chats CSAs finished most recently (for the expected wait): at most `limit`. */
  listRecentlyEnded(limit: number): Promise<HandoffSession[]> {
    return this.collection.findMany(
      { state: 'ended', acceptedAt: { $exists: true } },
      { sort: { endedAt: -1 }, limit },
    );
  }

  listByConversations(conversationIds: readonly string[]): Promise<HandoffSession[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.collection.findMany({ conversationId: { $in: [...conversationIds] } }, { sort: { queuedAt: 1 } });
  }

  /** Sessions queued between `since` and `until` (by when they were queued), for the figures. */
  listQueuedBetween(since: Date, until: Date): Promise<HandoffSession[]> {
    return this.collection.findMany({ queuedAt: { $gte: since, $lt: until } }, { sort: { queuedAt: 1 } });
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
    from: readonly HandoffState[],
    update: Update<HandoffSession>,
  ): Promise<HandoffChange> {
    const outcome = await this.collection.findOneAndUpdate({ _id: sessionId, state: { $in: [...from] } }, update, {
      returnDocument: 'after',
    });
    if (!outcome.ok) throw new Error('a handoff transition cannot duplicate a key');
    if (outcome.document) return { ok: true, session: outcome.document };
    const current = await this.findById(sessionId);
    return current ? { ok: false, reason: 'wrongState', state: current.state } : { ok: false, reason: 'notFound' };
  }
}
