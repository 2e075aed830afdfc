import { timeOrderedId } from '../timeOrderedId';
import type { Filter } from '../queryTypes';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { StoreCollection } from '../storeCollection';
import { systemClock } from './repositoryOptions';

const actorSchema = z.object({
  kind: z.enum(['csa', 'supervisor', 'councillor', 'system', 'operator']),
  /** A console user id, or an operator's account name for command-line actions. */
  id: z.string().optional(),
});
export type AuditActor = z.infer<typeof actorSchema>;

const auditEntrySchema = z.object({
  _id: z.string(),
  at: z.date(),
  /** Orders entries written in the same millisecond: `at` in milliseconds × 1000 plus a per-process counter. */
  seq: z.number(),
  actor: actorSchema,
  /** What happened, as `area.verb`: `handoff.accepted`, `consoleUser.created`, `personalData.erased`. */
  action: z.string(),
  /** What it happened to, by id: `{ kind: 'handoff', id: '...' }`. */
  subject: z.object({ kind: z.string(), id: z.string() }).optional(),
  /** Counts, codes and flags; never personal data. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type NewAuditEntry = Omit<AuditEntry, '_id' | 'at' | 'seq'>;

export interface AuditQuery {
  since?: Date;
  until?: Date;
  action?: string;
  actorId?: string;
  subjectId?: string;
  /** Newest first; default 100. */
  limit?: number;
}

/**
 * Who did what, when, to what. Append-only: there is no way to change or delete an entry through this class, and
 * entries are not subject to retention. Entries name people and things by id only; personal data never goes in
 * (callers pass ids and counts, and the erasure of a resident's data is recorded without any of it).
 */
export class AuditLog {
  static readonly collectionName = 'auditLog';
  private readonly collection: StoreCollection<AuditEntry>;
  private readonly clock: () => Date;
  private counter = 0;

  constructor(store: DocumentStore, options: { clock?: () => Date } = {}) {
    this.collection = store.collection(AuditLog.collectionName, auditEntrySchema);
    this.clock = options.clock ?? systemClock;
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ seq: -1 });
    await this.collection.createIndex({ action: 1, seq: -1 });
    await this.collection.createIndex({ 'subject.id': 1 }, { sparse: true });
  }

  async record(entry: NewAuditEntry): Promise<AuditEntry> {
    const at = this.clock();
    const stored: AuditEntry = {
      _id: timeOrderedId(),
      at,
      seq: at.getTime() * 1000 + (this.counter++ % 1000),
      ...entry,
    };
    const outcome = await this.collection.insertOne(stored);
    if (!outcome.ok) throw new Error('audit entry id collided');
    return stored;
  }

  list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const filter: Filter<AuditEntry> = {};
    if (query.since || query.until) {
      filter.at = { ...(query.since && { $gte: query.since }), ...(query.until && { $lt: query.until }) };
    }
    if (query.action) filter.action = query.action;
    if (query.actorId) filter['actor.id'] = query.actorId;
    if (query.subjectId) filter['subject.id'] = query.subjectId;
    return this.collection.findMany(filter, { sort: { seq: -1 }, limit: query.limit ?? 100 });
  }
}
