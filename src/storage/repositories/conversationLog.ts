import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { InsertOneOptions, StoreCollection } from '../storeCollection';
import { KeyedSerialQueue } from '../keyedSerialQueue';
import { isPlainObject } from '../plainObject';

const conversationSchema = z.object({
  _id: z.string(),
  /** The resident's channel user id, as granted by the token that started it. */
  userId: z.string(),
  userName: z.string().optional(),
  locale: z.string().optional(),
  createdAt: z.date(),
  /** When the resident last posted: drives retention. */
  lastActivityAt: z.date(),
});

export type ConversationRecord = z.infer<typeof conversationSchema>;

const entrySchema = z.object({
  /** The activity id, `<conversationId>|<seq, 7 digits>`. */
  _id: z.string(),
  conversationId: z.string(),
  /** 1, 2, 3, ... within the conversation, without gaps: the watermark is the last seq a client has. */
  seq: z.number().int().min(1),
  type: z.string(),
  /** The activity as clients receive it, as JSON: activities hold arbitrary keys (`channelData`, `value`). */
  activity: z.string(),
  createdAt: z.date(),
  /** Deleted by the bot: kept as a gap-filler so seqs are never reused, but no longer delivered. */
  deleted: z.boolean().optional(),
});

type Entry = z.infer<typeof entrySchema>;

/** An activity as stored: its place in the conversation and its JSON. */
export interface LoggedActivity {
  seq: number;
  id: string;
  json: string;
}

export interface ActivityPage {
  activities: LoggedActivity[];
  /** The last seq read (deleted entries included), or undefined when there was nothing after the watermark. */
  lastSeq: number | undefined;
  /** Entries read, deleted ones included: fewer than the limit means the page reached the end. */
  count: number;
}

/** Most conversations a process remembers the last seq (and record) of; others are read back from the store. */
const MAX_SEQ_HINTS = 20_000;
/** How long a remembered conversation record is trusted before it is read again (another process may erase it). */
const RECORD_CACHE_MS = 60_000;
/** `lastActivityAt` drives retention, counted in days: writing it more than hourly would only cost writes. */
const TOUCH_INTERVAL_MS = 3_600_000;
const MAX_APPEND_ATTEMPTS = 20;

/** The largest seq: ids are zero-padded to 7 digits, so they sort as their seqs do. */
const MAX_SEQ = 9_999_999;

/** The id an activity gets from its conversation and seq (the format Azure's Direct Line uses). */
export function activityIdFor(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

/**
 * Everything a Direct Line conversation holds, kept through the store port (`channel_conversations`,
 * `channel_activities`), so a page reload, a restart or another process sharing the MongoDB store resumes it.
 *
 * Guarantees, across processes:
 * - Seqs in a conversation are 1, 2, 3, ... with no gaps and never reused: an activity is inserted with seq n + 1
 *   only after n is stored, and its `_id` (conversation and seq) is unique, so concurrent writers retry. So a
 *   reader holding watermark w that sees seq m has everything up to m: nothing is skipped.
 * - An `append` resolves only once the activity is durably stored (or, asked to, once it is committed: the caller
 *   then awaits `settled()` before showing it), and `readAfter` returns only durably stored activities, so a seq a
 *   client holds survives a power cut. Appends become durable in the order they were committed.
 */
export class ConversationLog {
  static readonly conversationsCollection = 'channel_conversations';
  static readonly activitiesCollection = 'channel_activities';

  private readonly conversations: StoreCollection<ConversationRecord>;
  private readonly entries: StoreCollection<Entry>;
  /** The last seq this process stored per conversation: a hint that saves a read; a stale one costs a retry. */
  private readonly lastSeqHints = new Map<string, number>();
  /** Records this process read or wrote lately, with when; saves a read on every post. */
  private readonly recentRecords = new Map<string, { record: ConversationRecord; at: number }>();
  private lastSweepAt = 0;
  /** Appends in one process go one at a time per conversation, so they resolve (and are published) in seq order. */
  private readonly appends = new KeyedSerialQueue();

  constructor(
    private readonly store: DocumentStore,
    private readonly clock: () => Date,
  ) {
    this.conversations = store.collection(ConversationLog.conversationsCollection, conversationSchema);
    this.entries = store.collection(ConversationLog.activitiesCollection, entrySchema, { cold: true });
  }

  async ensureIndexes(): Promise<void> {
    // An activity's `_id` is `<conversationId>|<seq, zero-padded>`: unique per seq on both backends, and in the
    // order of seqs, so reads by watermark are `_id` range scans and need no index of their own.
    await this.entries.createIndex({ conversationId: 1 });
    await this.conversations.createIndex({ lastActivityAt: 1 });
  }

  /** Creates the conversation, or finds it when it exists already (`created: false`); exactly one caller creates it. */
  async open(record: ConversationRecord): Promise<{ created: boolean; conversation: ConversationRecord }> {
    const inserted = await this.conversations.insertOne(record);
    if (inserted.ok) {
      this.remember(record);
      return { created: true, conversation: record };
    }
    const existing = await this.conversations.findOne({ _id: record._id });
    if (!existing) throw new Error('a conversation vanished while it was being opened');
    this.remember(existing);
    return { created: false, conversation: existing };
  }

  async find(conversationId: string): Promise<ConversationRecord | null> {
    const recent = this.recentRecords.get(conversationId);
    if (recent && this.clock().getTime() - recent.at < RECORD_CACHE_MS) return recent.record;
    const record = await this.conversations.findOne({ _id: conversationId });
    if (record) this.remember(record);
    else this.recentRecords.delete(conversationId);
    return record;
  }

  /**
   * Records that the resident was active now (retention counts from their last activity). Written at most hourly
   * per conversation by each process: retention is counted in days.
   */
  async touch(conversationId: string): Promise<void> {
    const now = this.clock();
    const known = await this.find(conversationId);
    if (known && now.getTime() - known.lastActivityAt.getTime() < TOUCH_INTERVAL_MS) return;
    await this.conversations.updateOne({ _id: conversationId }, { $set: { lastActivityAt: now } });
    if (known) this.remember({ ...known, lastActivityAt: now });
  }

  /**
   * Stores an activity as the conversation's next one. `build` receives the activity id and returns the activity
   * (it may be called more than once, when another process took the seq first). Appends in this process resolve
   * in seq order.
   */
  append(
    conversationId: string,
    build: (id: string) => Record<string, unknown>,
    options: InsertOneOptions = {},
  ): Promise<LoggedActivity> {
    return this.appends.run(conversationId, () => this.appendNow(conversationId, build, options));
  }

  /**
   * Resolves once everything appended so far is on disk: after an append acknowledged on commit
   * (`acknowledge: 'committed'`), before the activity or its id is shown to anyone. `upTo`: only what was
   * committed by that `commitMark()`; `withinMs`: how long the sync that covers it may wait for another write to
   * share it (at once by default).
   */
  async settled(options: { withinMs?: number; upTo?: number } = {}): Promise<void> {
    await this.store.settled?.(options);
  }

  /** A mark of everything committed so far, for `settled({ upTo })` (undefined where writes resolve when durable). */
  commitMark(): number | undefined {
    return this.store.commitMark?.();
  }

  private async appendNow(
    conversationId: string,
    build: (id: string) => Record<string, unknown>,
    options: InsertOneOptions,
  ): Promise<LoggedActivity> {
    let seq = (this.lastSeqHints.get(conversationId) ?? (await this.storedLastSeq(conversationId))) + 1;
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      const id = activityIdFor(conversationId, seq);
      const activity = build(id);
      const json = JSON.stringify(activity);
      const type = typeof activity.type === 'string' ? activity.type : 'unknown';
      const outcome = await this.entries.insertOne(
        {
          _id: id,
          conversationId,
          seq,
          type,
          activity: json,
          createdAt: this.clock(),
        },
        options,
      );
      if (outcome.ok) {
        this.rememberLastSeq(conversationId, seq);
        return { seq, id, json };
      }
      seq = (await this.storedLastSeq(conversationId)) + 1;
    }
    throw new Error(`could not append to conversation ${conversationId}: the seq kept being taken`);
  }

  /** Activities after `watermark` (0 for all), oldest first, at most `limit`. */
  async readAfter(conversationId: string, watermark: number, limit: number): Promise<ActivityPage> {
    const range = { $gt: activityIdFor(conversationId, watermark), $lte: activityIdFor(conversationId, MAX_SEQ) };
    const found = await this.entries.findMany({ _id: range }, { sort: { _id: 1 }, limit });
    // A seq given to a client must never be taken back and reused: what was read is on disk before it is returned.
    if (found.length > 0) await this.store.settled?.();
    const last = found.at(-1);
    return {
      activities: found.filter((entry) => !entry.deleted).map(toLogged),
      lastSeq: last?.seq,
      count: found.length,
    };
  }

  /** The last seq stored in the conversation (0 when it has none). */
  async storedLastSeq(conversationId: string): Promise<number> {
    const range = { $gt: activityIdFor(conversationId, 0), $lte: activityIdFor(conversationId, MAX_SEQ) };
    const last = await this.entries.findOne({ _id: range }, { sort: { _id: -1 } });
    return last?.seq ?? 0;
  }

  /** Replaces a stored activity's content, keeping its seq; undefined when there is no such activity. */
  async revise(
    activityId: string,
    build: (previous: string) => Record<string, unknown>,
  ): Promise<LoggedActivity | undefined> {
    const entry = await this.entries.findOne({ _id: activityId });
    if (!entry || entry.deleted) return undefined;
    const json = JSON.stringify(build(entry.activity));
    await this.entries.updateOne({ _id: activityId }, { $set: { activity: json } });
    return { seq: entry.seq, id: entry._id, json };
  }

  /** Blanks a stored activity so it is no longer delivered; its seq stays taken. */
  async markDeleted(activityId: string): Promise<boolean> {
    const outcome = await this.entries.updateOne(
      { _id: activityId },
      { $set: { deleted: true, activity: '{}', type: 'deleted' } },
    );
    return outcome.ok && outcome.matchedCount > 0;
  }

  /** These conversations' records (for a subject access request). */
  findMany(conversationIds: readonly string[]): Promise<ConversationRecord[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.conversations.findMany({ _id: { $in: [...conversationIds] } }, { sort: { createdAt: 1 } });
  }

  /** Every activity of a conversation still delivered, oldest first, as clients received them. */
  async listActivities(conversationId: string): Promise<Record<string, unknown>[]> {
    const found = await this.entries.findMany({ conversationId }, { sort: { seq: 1 } });
    return found.filter((entry) => !entry.deleted).map((entry) => parseActivity(entry.activity));
  }

  /** Conversations whose resident has not been active since `cutoff` (at most `limit`). */
  async inactiveSince(cutoff: Date, limit: number): Promise<string[]> {
    const found = await this.conversations.findMany({ lastActivityAt: { $lt: cutoff } }, { limit });
    return found.map((conversation) => conversation._id);
  }

  /** Deletes conversations and their activities; returns how many of each went. */
  async deleteConversations(
    conversationIds: readonly string[],
  ): Promise<{ conversations: number; activities: number }> {
    if (conversationIds.length === 0) return { conversations: 0, activities: 0 };
    const ids = [...conversationIds];
    const activities = await this.entries.deleteMany({ conversationId: { $in: ids } });
    const conversations = await this.conversations.deleteMany({ _id: { $in: ids } });
    for (const id of ids) {
      this.lastSeqHints.delete(id);
      this.recentRecords.delete(id);
    }
    return { conversations: conversations.deletedCount, activities: activities.deletedCount };
  }

  /**
   * Keeps a record for `RECORD_CACHE_MS`. Records older than that are swept out once a minute (not on every call:
   * iterating a Map from its start walks over the slots of deleted entries, which made every turn slower), and the
   * oldest goes at once when there are more than `MAX_SEQ_HINTS`.
   */
  private remember(record: ConversationRecord): void {
    const now = this.clock().getTime();
    this.recentRecords.delete(record._id);
    this.recentRecords.set(record._id, { record, at: now });
    if (this.recentRecords.size > MAX_SEQ_HINTS) {
      const oldest = this.recentRecords.keys().next();
      if (!oldest.done) this.recentRecords.delete(oldest.value);
    }
    if (now - this.lastSweepAt < RECORD_CACHE_MS) return;
    this.lastSweepAt = now;
    for (const [id, recent] of this.recentRecords) {
      if (now - recent.at < RECORD_CACHE_MS) break;
      this.recentRecords.delete(id);
    }
  }

  private rememberLastSeq(conversationId: string, seq: number): void {
    this.lastSeqHints.delete(conversationId);
    this.lastSeqHints.set(conversationId, seq);
    if (this.lastSeqHints.size > MAX_SEQ_HINTS) {
      const oldest = this.lastSeqHints.keys().next();
      if (!oldest.done) this.lastSeqHints.delete(oldest.value);
    }
  }
}

function parseActivity(json: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(json);
  return isPlainObject(parsed) ? parsed : {};
}

function toLogged(entry: Entry): LoggedActivity {
  return { seq: entry.seq, id: entry._id, json: entry.activity };
}
