import { randomUUID } from 'node:crypto';
import type { Filter } from '../queryTypes';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { StoreCollection } from '../storeCollection';
import { normaliseEmail, type RepositoryOptions, retentionCutoff, systemClock } from './repositoryOptions';
import { newRequestReference, normaliseReference } from './requestReference';

export const REQUEST_STATUSES = ['submitted', 'forwarded', 'inProgress', 'resolved', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** Statuses after which a request only waits for its retention period to end. */
const FINAL_STATUSES: RequestStatus[] = ['resolved', 'cancelled'];

const contactSchema = z.object({
  name: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  address: z.string().optional(),
});
export type ResidentContact = z.infer<typeof contactSchema>;

const statusChangeSchema = z.object({
  status: z.enum(REQUEST_STATUSES),
  at: z.date(),
  /** Who made the change: a console user id, or `bot`/`system`. */
  by: z.string(),
  note: z.string().optional(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

const requestSchema = z.object({
  _id: z.string(),
  reference: z.string(),
  idempotencyKey: z.string(),
  requestType: z.string(),
  conversationId: z.string().optional(),
  status: z.enum(REQUEST_STATUSES),
  statusHistory: z.array(statusChangeSchema),
  /** The answers the request's dialog collected, by question id. */
  details: z.record(z.string(), z.string()),
  contact: contactSchema,
  /** The day (`YYYY-MM-DD`, UK) by which the council promised a full reply. */
  responseDueBy: z.string().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ServiceRequest = z.infer<typeof requestSchema>;

export interface NewServiceRequest {
  /** Chosen by the caller for one submission (e.g. conversation id + dialog instance): retries do not duplicate. */
  idempotencyKey: string;
  requestType: string;
  conversationId?: string;
  details: Record<string, string>;
  contact: ResidentContact;
  responseDueBy?: string;
}

export type CreateRequestOutcome =
  { created: true; request: ServiceRequest } | { created: false; request: ServiceRequest };
export type UpdateStatusOutcome = { ok: true; request: ServiceRequest } | { ok: false; reason: 'notFound' };

export interface RequestRepositoryOptions extends RepositoryOptions {
  /** Reference generator; tests replace it to force collisions. */
  newReference?: () => string;
}

/**
 * Service requests residents submit (missed bins, fly-tipping, ...). References and idempotency keys are unique;
 * every status change is appended to the history. Contact details are personal data: resolved or cancelled
 * requests are deleted `retentionDays` after their last change (the council's case system keeps the record).
 */
export class RequestRepository {
  static readonly collectionName = 'serviceRequests';
  private readonly collection: StoreCollection<ServiceRequest>;
  private readonly clock: () => Date;
  private readonly newReference: () => string;

  constructor(
    store: DocumentStore,
    private readonly options: RequestRepositoryOptions,
  ) {
    this.collection = store.collection(RequestRepository.collectionName, requestSchema);
    this.clock = options.clock ?? systemClock;
    this.newReference = options.newReference ?? newRequestReference;
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ reference: 1 }, { unique: true, name: 'reference_unique' });
    await this.collection.createIndex({ idempotencyKey: 1 }, { unique: true, name: 'idempotencyKey_unique' });
    await this.collection.createIndex({ conversationId: 1 }, { sparse: true });
    await this.collection.createIndex({ 'contact.email': 1 }, { sparse: true });
    await this.collection.createIndex({ status: 1, updatedAt: 1 });
  }

  /**
   * Stores a new request with a fresh reference, status `submitted`. Idempotent: a second call with the same
   * idempotency key stores nothing and returns the first request (`created: false`).
   */
  async create(input: NewServiceRequest): Promise<CreateRequestOutcome> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.collection.findOne({ idempotencyKey: input.idempotencyKey });
      if (existing) return { created: false, request: existing };
      const now = this.clock();
      const request: ServiceRequest = {
        _id: randomUUID(),
        reference: this.newReference(),
        idempotencyKey: input.idempotencyKey,
        requestType: input.requestType,
        conversationId: input.conversationId,
        status: 'submitted',
        statusHistory: [{ status: 'submitted', at: now, by: 'bot' }],
        details: input.details,
        contact: { ...input.contact, email: input.contact.email ? normaliseEmail(input.contact.email) : undefined },
        responseDueBy: input.responseDueBy,
        createdAt: now,
        updatedAt: now,
      };
      const outcome = await this.collection.insertOne(request);
      if (outcome.ok) return { created: true, request };
      // A duplicate: either the same submission raced us (found at the top of the next attempt) or the reference
      // was already taken (a new one is drawn).
    }
    throw new Error('could not store the service request: five reference collisions in a row');
  }

  findByReference(reference: string): Promise<ServiceRequest | null> {
    return this.collection.findOne({ reference: normaliseReference(reference) });
  }

  /**
   * Sets the status and appends the change to the history, atomically. With `onlyFrom`, only a request currently in
   * one of those statuses changes (`notFound` otherwise), so a system update never overwrites a person's.
   */
  async updateStatus(
    reference: string,
    status: RequestStatus,
    change: { by: string; note?: string; onlyFrom?: readonly RequestStatus[] },
  ): Promise<UpdateStatusOutcome> {
    const now = this.clock();
    const entry: StatusChange = { status, at: now, by: change.by, note: change.note };
    const filter: Filter<ServiceRequest> = { reference: normaliseReference(reference) };
    if (change.onlyFrom) filter.status = { $in: [...change.onlyFrom] };
    const outcome = await this.collection.findOneAndUpdate(
      filter,
      { $set: { status, updatedAt: now }, $push: { statusHistory: entry } },
      { returnDocument: 'after' },
    );
    if (!outcome.ok) throw new Error('a status update cannot duplicate a key');
    return outcome.document ? { ok: true, request: outcome.document } : { ok: false, reason: 'notFound' };
  }

  /**
   * Requests for staff lists (the console): newest first unless `oldestFirst`, by status and type, at most `limit`
   * (default 200).
   */
  list(query: RequestListQuery = {}): Promise<ServiceRequest[]> {
    const filter: Filter<ServiceRequest> = {};
    if (query.statuses && query.statuses.length > 0) filter.status = { $in: [...query.statuses] };
    if (query.requestType) filter.requestType = query.requestType;
    if (query.since) filter.createdAt = { $gte: query.since };
    if (query.detail) filter[`details.${query.detail.key}`] = query.detail.value;
    return this.collection.findMany(filter, {
      sort: { createdAt: query.oldestFirst ? 1 : -1 },
      limit: query.limit ?? 200,
    });
  }

  /** Up to `limit` requests in a status, last changed before `before`, oldest first (for delivery sweeps). */
  listInStatus(status: RequestStatus, before: Date, limit = 100): Promise<ServiceRequest[]> {
    return this.collection.findMany({ status, updatedAt: { $lt: before } }, { sort: { updatedAt: 1 }, limit });
  }

  /** Requests made in these conversations or with this contact email, oldest first. */
  listFor(owner: RequestOwner): Promise<ServiceRequest[]> {
    const filter = ownedBy(owner);
    return filter ? this.collection.findMany(filter, { sort: { createdAt: 1 } }) : Promise.resolve([]);
  }

  async deleteFor(owner: RequestOwner): Promise<number> {
    const filter = ownedBy(owner);
    return filter ? (await this.collection.deleteMany(filter)).deletedCount : 0;
  }

  /** Deletes resolved and cancelled requests unchanged for the retention period; open requests are kept. */
  async purgeExpired(now: Date): Promise<number> {
    const cutoff = retentionCutoff(now, this.options.retentionDays);
    const filter = { status: { $in: FINAL_STATUSES }, updatedAt: { $lt: cutoff } };
    return (await this.collection.deleteMany(filter)).deletedCount;
  }
}

export interface RequestListQuery {
  statuses?: readonly RequestStatus[];
  requestType?: string;
  /** Made at or after this time. */
  since?: Date;
  /** Whose detail `key` is exactly `value` (a councillor's enquiries: `councillorAccount`). */
  detail?: { key: string; value: string };
  oldestFirst?: boolean;
  limit?: number;
}

/** Statuses of requests still to be dealt with. */
export const OPEN_STATUSES: readonly RequestStatus[] = REQUEST_STATUSES.filter(
  (status) => !FINAL_STATUSES.includes(status),
);

export interface RequestOwner {
  conversationIds: readonly string[];
  email?: string;
}

function ownedBy(owner: RequestOwner): Filter<ServiceRequest> | undefined {
  const clauses: Filter<ServiceRequest>[] = [];
  if (owner.conversationIds.length > 0) clauses.push({ conversationId: { $in: [...owner.conversationIds] } });
  if (owner.email) clauses.push({ 'contact.email': normaliseEmail(owner.email) });
  return clauses.length > 0 ? { $or: clauses } : undefined;
}
