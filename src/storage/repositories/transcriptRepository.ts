import { timeOrderedId } from '../timeOrderedId';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import { isDate, isPlainObject } from '../plainObject';
import type { StoreCollection } from '../storeCollection';
import { type RepositoryOptions, retentionCutoff, systemClock } from './repositoryOptions';

export type TranscriptDirection = 'incoming' | 'outgoing';

const transcriptSchema = z.object({
  _id: z.string(),
  conversationId: z.string(),
  activityId: z.string().optional(),
  /** The activity's own timestamp, or the time it was recorded when it has none. */
  timestamp: z.date(),
  /** Server time when recorded: drives retention (TTL index). */
  recordedAt: z.date(),
  /** Orders a conversation: recording time in milliseconds × 1000 plus a per-process counter. */
  seq: z.number(),
  direction: z.enum(['incoming', 'outgoing']),
  type: z.string(),
  /** The resident's channel user id (`from` of incoming, `recipient` of outgoing activities). */
  userId: z.string().optional(),
  /** The whole activity as JSON: activities hold arbitrary keys (channelData, value). */
  activity: z.string(),
});
type TranscriptDocument = z.infer<typeof transcriptSchema>;

/** One recorded activity, as the console and exports see it. */
export interface TranscriptEntry {
  conversationId: string;
  activityId: string | undefined;
  timestamp: Date;
  direction: TranscriptDirection;
  type: string;
  activity: Record<string, unknown>;
}

/**
 * Every activity into and out of each conversation, kept for `retentionDays` after it was recorded (TTL index on
 * `recordedAt`, and `purgeExpired`). Transcripts hold residents' words: they are personal data.
 */
export class TranscriptRepository {
  static readonly collectionName = 'transcripts';
  private readonly collection: StoreCollection<TranscriptDocument>;
  private readonly clock: () => Date;
  private counter = 0;

  constructor(
    store: DocumentStore,
    private readonly options: RepositoryOptions,
  ) {
    this.collection = store.collection(TranscriptRepository.collectionName, transcriptSchema);
    this.clock = options.clock ?? systemClock;
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ conversationId: 1, seq: 1 });
    await this.collection.createIndex(
      { recordedAt: 1 },
      { name: 'recordedAt_ttl', expireAfterSeconds: this.options.retentionDays * 86_400 },
    );
  }

  /** Records an activity; the conversation id is taken from the activity. */
  async append(direction: TranscriptDirection, activity: Partial<Activity>): Promise<TranscriptEntry> {
    const conversationId = activity.conversation?.id;
    if (!conversationId) throw new TypeError('a transcript activity needs a conversation id');
    const recordedAt = this.clock();
    const resident = direction === 'incoming' ? activity.from : activity.recipient;
    const document: TranscriptDocument = {
      _id: timeOrderedId(),
      conversationId,
      activityId: activity.id,
      timestamp: timestampOf(activity.timestamp) ?? recordedAt,
      recordedAt,
      seq: recordedAt.getTime() * 1000 + (this.counter++ % 1000),
      direction,
      type: activity.type ?? 'unknown',
      userId: resident?.id,
      activity: JSON.stringify(activity),
    };
    const outcome = await this.collection.insertOne(document);
    if (!outcome.ok) throw new Error('transcript entry id collided');
    return toEntry(document);
  }

  /** A conversation's activities in the order they happened (at most `limit`, from the start). */
  async listByConversation(conversationId: string, options: { limit?: number } = {}): Promise<TranscriptEntry[]> {
    const documents = await this.collection.findMany({ conversationId }, { sort: { seq: 1 }, limit: options.limit });
    return documents.map(toEntry);
  }

  /** The channel user ids of the residents in these conversations. */
  async userIdsOf(conversationIds: readonly string[]): Promise<string[]> {
    if (conversationIds.length === 0) return [];
    const documents = await this.collection.findMany({
      conversationId: { $in: [...conversationIds] },
      userId: { $exists: true },
    });
    return [...new Set(documents.flatMap((document) => (document.userId ? [document.userId] : [])))];
  }

  async deleteByConversations(conversationIds: readonly string[]): Promise<number> {
    if (conversationIds.length === 0) return 0;
    return (await this.collection.deleteMany({ conversationId: { $in: [...conversationIds] } })).deletedCount;
  }

  /** Deletes entries recorded before the retention period (besides the TTL index). */
  async purgeExpired(now: Date): Promise<number> {
    const cutoff = retentionCutoff(now, this.options.retentionDays);
    return (await this.collection.deleteMany({ recordedAt: { $lt: cutoff } })).deletedCount;
  }
}

function toEntry(document: TranscriptDocument): TranscriptEntry {
  const activity: unknown = JSON.parse(document.activity);
  return {
    conversationId: document.conversationId,
    activityId: document.activityId,
    timestamp: document.timestamp,
    direction: document.direction,
    type: document.type,
    activity: isPlainObject(activity) ? activity : {},
  };
}

function timestampOf(value: unknown): Date | undefined {
  const date = isDate(value) ? value : typeof value === 'string' ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
