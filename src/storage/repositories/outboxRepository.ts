import { randomUUID } from 'node:crypto';
import type { Filter } from '../queryTypes';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { StoreCollection } from '../storeCollection';
import { normaliseEmail, type RepositoryOptions, retentionCutoff, systemClock } from './repositoryOptions';
import { type Backoff, DEFAULT_BACKOFF, retryDelay } from './retryDelay';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
const FINISHED_STATUSES: OutboxStatus[] = ['sent', 'dead'];

const outboxSchema = z.object({
  _id: z.string(),
  channel: z.enum(['email', 'webhook', 'open311']),
  /** An email address (trimmed, lower-cased), a webhook URL or an Open311 `requests.json` address. */
  to: z.string(),
  subject: z.string().optional(),
  /** Text for an email, JSON for a webhook or an Open311 delivery (its form fields, never the API key). */
  body: z.string(),
  conversationId: z.string().optional(),
  requestReference: z.string().optional(),
  status: z.enum(OUTBOX_STATUSES),
  /** Attempts started so far (a claim counts as an attempt). */
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  /** When a pending message may next be claimed. */
  nextAttemptAt: z.date(),
  /** While `sending`: when the claim lapses, so a message whose sender crashed is claimed again. */
  leaseExpiresAt: z.date().optional(),
  /** The last failure, as the sender described it (a code or short message, never personal data). */
  lastError: z.string().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
  sentAt: z.date().optional(),
});
export type OutboxMessage = z.infer<typeof outboxSchema>;

export interface NewOutboxMessage {
  channel: OutboxMessage['channel'];
  to: string;
  subject?: string;
  body: string;
  conversationId?: string;
  requestReference?: string;
  /** When given, enqueueing the same key again stores nothing and returns the first message. */
  idempotencyKey?: string;
}

export interface OutboxOptions extends RepositoryOptions {
  backoff?: Backoff;
  /** Attempts before a message is dead-lettered (default 8). */
  maxAttempts?: number;
  /** How long a claim lasts before another sender may take the message (default 60 s). */
  leaseMs?: number;
}

export type MarkOutcome = { ok: true } | { ok: false; reason: 'notClaimed' };
export type FailureOutcome =
  | { ok: true; outcome: 'retry'; nextAttemptAt: Date }
  | { ok: true; outcome: 'deadLettered' }
  | { ok: false; reason: 'notClaimed' };

/** Whose messages to find: by address, conversation or request. */
export interface OutboxOwner {
  email?: string;
  conversationIds: readonly string[];
  requestReferences: readonly string[];
}

/**
 * Messages the bot must send (emails to residents and staff, webhooks to the council's systems), stored before
 * they are sent so none is lost to a crash. Senders `claimDue` (atomically: each message goes to one sender),
 * then `markSent` or `markFailed`; failures wait with exponential backoff and are dead-lettered after
 * `maxAttempts`. Sent and dead messages are deleted after the retention period (they hold personal data).
 */
export class OutboxRepository {
  static readonly collectionName = 'outbox';
  private readonly collection: StoreCollection<OutboxMessage>;
  private readonly clock: () => Date;

  constructor(
    store: DocumentStore,
    private readonly options: OutboxOptions,
  ) {
    this.collection = store.collection(OutboxRepository.collectionName, outboxSchema);
    this.clock = options.clock ?? systemClock;
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ status: 1, nextAttemptAt: 1 });
    await this.collection.createIndex({ to: 1 });
    await this.collection.createIndex({ conversationId: 1 }, { sparse: true });
    await this.collection.createIndex({ requestReference: 1 }, { sparse: true });
  }

  async enqueue(message: NewOutboxMessage): Promise<{ enqueued: boolean; message: OutboxMessage }> {
    const { idempotencyKey, ...content } = message;
    const now = this.clock();
    const stored: OutboxMessage = {
      _id: idempotencyKey ?? randomUUID(),
      ...content,
      to: content.channel === 'email' ? normaliseEmail(content.to) : content.to,
      status: 'pending',
      attempts: 0,
      maxAttempts: this.options.maxAttempts ?? 8,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    };
    if ((await this.collection.insertOne(stored)).ok) return { enqueued: true, message: stored };
    const existing = await this.collection.findOne({ _id: stored._id });
    if (!existing) throw new Error('outbox message vanished while being enqueued');
    return { enqueued: false, message: existing };
  }

  /**
   * Claims up to `limit` messages that are due (pending and past `nextAttemptAt`, or sending with a lapsed claim),
   * oldest due first. Each claim is atomic, so concurrent senders never receive the same message. With `channels`,
   * only messages for those channels are claimed (a sender that is not configured leaves its messages waiting).
   */
  async claimDue(limit = 10, channels?: readonly OutboxMessage['channel'][]): Promise<OutboxMessage[]> {
    const claimed: OutboxMessage[] = [];
    while (claimed.length < limit) {
      const message = await this.claimOne(channels);
      if (!message) break;
      claimed.push(message);
    }
    return claimed;
  }

  async markSent(id: string): Promise<MarkOutcome> {
    const now = this.clock();
    const outcome = await this.collection.updateOne(
      { _id: id, status: 'sending' },
      { $set: { status: 'sent', sentAt: now, updatedAt: now }, $unset: { leaseExpiresAt: '', lastError: '' } },
    );
    return outcome.ok && outcome.matchedCount === 1 ? { ok: true } : { ok: false, reason: 'notClaimed' };
  }

  /** Records a failed attempt: the message waits (backoff) for another, or is dead-lettered after the last. */
  async markFailed(id: string, problem: string): Promise<FailureOutcome> {
    const message = await this.collection.findOne({ _id: id, status: 'sending' });
    if (!message) return { ok: false, reason: 'notClaimed' };
    const now = this.clock();
    const lastError = problem.slice(0, 500);
    const dead = message.attempts >= message.maxAttempts;
    const nextAttemptAt = new Date(
      now.getTime() + retryDelay(message.attempts, this.options.backoff ?? DEFAULT_BACKOFF),
    );
    const outcome = await this.collection.updateOne(
      { _id: id, status: 'sending', attempts: message.attempts },
      {
        $set: dead
          ? { status: 'dead', lastError, updatedAt: now }
          : { status: 'pending', nextAttemptAt, lastError, updatedAt: now },
        $unset: { leaseExpiresAt: '' },
      },
    );
    if (!outcome.ok || outcome.matchedCount === 0) return { ok: false, reason: 'notClaimed' };
    return dead ? { ok: true, outcome: 'deadLettered' } : { ok: true, outcome: 'retry', nextAttemptAt };
  }

  /** Messages about a service request, oldest first (what was sent to the resident and the CRM, and how it went). */
  listForRequest(reference: string): Promise<OutboxMessage[]> {
    return this.collection.findMany({ requestReference: reference }, { sort: { createdAt: 1 } });
  }

  listDeadLetters(limit = 100): Promise<OutboxMessage[]> {
    return this.collection.findMany({ status: 'dead' }, { sort: { updatedAt: -1 }, limit });
  }

  /** Gives a dead-lettered message a fresh set of attempts, starting now. */
  async requeue(id: string): Promise<MarkOutcome> {
    const now = this.clock();
    const outcome = await this.collection.updateOne(
      { _id: id, status: 'dead' },
      { $set: { status: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now } },
    );
    return outcome.ok && outcome.matchedCount === 1 ? { ok: true } : { ok: false, reason: 'notClaimed' };
  }

  findById(id: string): Promise<OutboxMessage | null> {
    return this.collection.findOne({ _id: id });
  }

  listFor(owner: OutboxOwner): Promise<OutboxMessage[]> {
    const filter = ownedBy(owner);
    return filter ? this.collection.findMany(filter, { sort: { createdAt: 1 } }) : Promise.resolve([]);
  }

  async deleteFor(owner: OutboxOwner): Promise<number> {
    const filter = ownedBy(owner);
    return filter ? (await this.collection.deleteMany(filter)).deletedCount : 0;
  }

  /** Deletes sent and dead messages unchanged for the retention period. */
  async purgeExpired(now: Date): Promise<number> {
    const cutoff = retentionCutoff(now, this.options.retentionDays);
    const filter = { status: { $in: FINISHED_STATUSES }, updatedAt: { $lt: cutoff } };
    return (await this.collection.deleteMany(filter)).deletedCount;
  }

  private async claimOne(channels: readonly OutboxMessage['channel'][] | undefined): Promise<OutboxMessage | null> {
    const now = this.clock();
    const due: Filter<OutboxMessage> = {
      $or: [
        { status: 'pending', nextAttemptAt: { $lte: now } },
        { status: 'sending', leaseExpiresAt: { $lte: now } },
      ],
    };
    const outcome = await this.collection.findOneAndUpdate(
      channels ? { $and: [due, { channel: { $in: [...channels] } }] } : due,
      {
        $set: {
          status: 'sending',
          leaseExpiresAt: new Date(now.getTime() + (this.options.leaseMs ?? 60_000)),
          updatedAt: now,
        },
        $inc: { attempts: 1 },
      },
      { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
    );
    if (!outcome.ok) throw new Error('an outbox claim cannot duplicate a key');
    return outcome.document;
  }
}

function ownedBy(owner: OutboxOwner): Filter<OutboxMessage> | undefined {
  const clauses: Filter<OutboxMessage>[] = [];
  if (owner.email) clauses.push({ channel: 'email', to: normaliseEmail(owner.email) });
  if (owner.conversationIds.length > 0) clauses.push({ conversationId: { $in: [...owner.conversationIds] } });
  if (owner.requestReferences.length > 0) clauses.push({ requestReference: { $in: [...owner.requestReferences] } });
  return clauses.length > 0 ? { $or: clauses } : undefined;
}
