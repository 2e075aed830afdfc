import { timeOrderedId } from '../timeOrderedId';
import type { Filter } from '../queryTypes';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { StoreCollection } from '../storeCollection';
import { DAY_MS, systemClock } from './repositoryOptions';

export const ANALYTICS_KINDS = [
  /** A resident's message reached the bot. */
  'message',
  /** The bot replied: `action` is its `channelData.councilBot.action`. */
  'reply',
  /** The bot asked for a person: `reason`, `service`, and `outcome` (`queued`, `closed` out of hours, `external`). */
  'handoffRequested',
  'handoffAccepted',
  /** A handoff finished: `outcome` says how (`helped`, `leftQueue`, `callbackBooked`, `external`...). */
  'handoffEnded',
  /** A resident rated a chat with a CSA: `score` 1 to 5. */
  'rating',
  /** "Was this helpful?" on an answer: `helpful`, `articleId`. */
  'feedback',
  'requestSubmitted',
  /** A flagged conversation nobody could take: a follow-up recorded (`urgentCategory`, `promisedBy`). */
  'safeguardingFollowUp',
  /** Staff changed a service request's status. */
  'requestStatus',
  /** A language model call: `tokens`, `latencyMs`, `outcome`. */
  'llm',
  /** A request over Open311: `outcome` `delivered` (accepted by the back office) or `closed`, `durationMs` since made. */
  'open311',
  /** A bin-day question ended: `outcome` `date` (answered with dates) or why not (`noAddresses`, `noRound`, ...). */
  'binDay',
] as const;
export type AnalyticsKind = (typeof ANALYTICS_KINDS)[number];

const eventSchema = z.object({
  _id: z.string(),
  at: z.date(),
  kind: z.enum(ANALYTICS_KINDS),
  /** Pseudonymous: it names a conversation whose content goes at the end of the retention period. */
  conversationId: z.string().optional(),
  channel: z.string().optional(),
  action: z.string().optional(),
  articleId: z.string().optional(),
  /** With an `urgent` reply: the kind of emergency (`selfHarm`, `abuse`, ...), a code. */
  urgentCategory: z.string().optional(),
  reason: z.string().optional(),
  service: z.string().optional(),
  priority: z.string().optional(),
  outcome: z.string().optional(),
  requestType: z.string().optional(),
  status: z.string().optional(),
  /** A service request's reference (never the resident's details). */
  reference: z.string().optional(),
  /** When a response was promised (service requests, callbacks). */
  promisedBy: z.date().optional(),
  /** When the request this event is about was made (for response times). */
  since: z.date().optional(),
  waitMs: z.number().optional(),
  durationMs: z.number().optional(),
  latencyMs: z.number().optional(),
  tokens: z.number().optional(),
  score: z.number().optional(),
  helpful: z.boolean().optional(),
});
export type AnalyticsEvent = z.infer<typeof eventSchema>;
export type NewAnalyticsEvent = Omit<AnalyticsEvent, '_id' | 'at'> & { at?: Date };

export interface AnalyticsOptions {
  /** How long events are kept (`ANALYTICS_RETENTION_DAYS`, default two years): they hold no personal data. */
  retentionDays: number;
  clock?: () => Date;
}

/**
 * What the service did, as small events with codes and numbers only (never a resident's words or details), from
 * which the performance figures are computed. Kept far longer than conversations, so last year's figures survive the
 * deletion of last year's transcripts.
 */
export class AnalyticsRepository {
  static readonly collectionName = 'analyticsEvents';
  private readonly collection: StoreCollection<AnalyticsEvent>;
  private readonly clock: () => Date;

  constructor(
    store: DocumentStore,
    private readonly options: AnalyticsOptions,
  ) {
    this.collection = store.collection(AnalyticsRepository.collectionName, eventSchema, { cold: true });
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Only `at`: every report reads a time range (of all kinds, or a few kinds over a short range, which the range
   * narrows enough), and each index is one more page written per event.
   */
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex(
      { at: 1 },
      { name: 'at_ttl', expireAfterSeconds: this.options.retentionDays * 86_400 },
    );
  }

  /**
   * Resolves once the event is committed, without waiting for the disk (`acknowledge: 'committed'`): an event is a
   * count for the figures, never a resident's words, a request or a reply, so a power cut may take the last instant
   * of them, as it may take the counters of any metrics system; the process dying takes none (the commit is with the
   * operating system), and the next sync of the log keeps it. A turn's end and a report's writer then do not wait
   * for the disk on the figures' account.
   */
  async record(event: NewAnalyticsEvent): Promise<void> {
    const outcome = await this.collection.insertOne(
      { ...event, _id: timeOrderedId(), at: event.at ?? this.clock() },
      { acknowledge: 'committed' },
    );
    if (!outcome.ok) throw new Error('analytics event id collided');
  }

  /** Events from `since` (inclusive) to `until` (exclusive), oldest first; of some kinds only, if given. */
  list(since: Date, until: Date, kinds?: readonly AnalyticsKind[]): Promise<AnalyticsEvent[]> {
    const filter: Filter<AnalyticsEvent> = { at: { $gte: since, $lt: until } };
    if (kinds) filter.kind = { $in: [...kinds] };
    return this.collection.findMany(filter, { sort: { at: 1 } });
  }

  /** The events of these conversations, oldest first (for a subject access request). */
  listByConversations(conversationIds: readonly string[]): Promise<AnalyticsEvent[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.collection.findMany({ conversationId: { $in: [...conversationIds] } }, { sort: { at: 1 } });
  }

  /** Deletes the events of these conversations (with the rest of a resident's data, on erasure). */
  async deleteByConversations(conversationIds: readonly string[]): Promise<number> {
    if (conversationIds.length === 0) return 0;
    return (await this.collection.deleteMany({ conversationId: { $in: [...conversationIds] } })).deletedCount;
  }

  async purgeExpired(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.options.retentionDays * DAY_MS);
    return (await this.collection.deleteMany({ at: { $lt: cutoff } })).deletedCount;
  }
}
