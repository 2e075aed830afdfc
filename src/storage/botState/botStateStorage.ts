import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { Filter } from '../queryTypes';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { StoreCollection } from '../storeCollection';
import { stateKeyParts } from './stateKeyParts';

const botStateSchema = z.object({
  _id: z.string(),
  /** The item as JSON, without its eTag: state objects may hold any keys, including `$` and `.`. */
  data: z.string(),
  eTag: z.string(),
  updatedAt: z.date(),
  conversationId: z.string().optional(),
  userId: z.string().optional(),
});
export type BotStateDocument = z.infer<typeof botStateSchema>;

const storeItemSchema = z.record(z.string(), z.unknown());

export interface BotStateStorageOptions {
  /** State not written for this many days is deleted (TTL index on `updatedAt`, and `purgeExpired`). */
  retentionDays: number;
  clock?: () => Date;
}

/** Whose state to find: conversations and channel user ids. */
export interface StateOwners {
  conversationIds: readonly string[];
  userIds: readonly string[];
}

/** One state entry as exported to its owner. */
export interface StateEntry {
  key: string;
  updatedAt: Date;
  state: Record<string, unknown>;
}

/** A write whose eTag was stale; the message is botbuilder's own (`Storage: error writing "<key>" due to eTag conflict.`). */
export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';

  constructor(readonly keys: string[]) {
    super(keys.map((key) => `Storage: error writing "${key}" due to eTag conflict.`).join(' '));
  }
}

/**
 * Bot Framework `Storage` (conversation, user and dialog state) on the document store, with botbuilder's
 * optimistic concurrency:
 * - `read` returns the items that exist, each with its current `eTag`; missing keys are simply absent.
 * - `write` stores each item with a new eTag. An item without an eTag, or with `*`, is written unconditionally; any
 *   other eTag must match the stored one, otherwise (and also when the item no longer exists, as with botbuilder's
 *   Cosmos DB and Blob storages, so a turn in flight cannot resurrect erased state) the write of that key fails and
 *   `write` rejects with `ETagConflictError` after the other keys are written. Of two writers holding the same
 *   eTag, exactly one succeeds.
 * - `delete` removes the keys; missing keys are ignored.
 * Keys are stored as `_id` values, never as field or file names, so any string is a safe key. Items round-trip
 * through JSON, as with botbuilder's MemoryStorage.
 */
export class BotStateStorage implements Storage {
  static readonly collectionName = 'botState';
  private readonly collection: StoreCollection<BotStateDocument>;
  private readonly clock: () => Date;

  constructor(
    store: DocumentStore,
    private readonly options: BotStateStorageOptions,
  ) {
    this.collection = store.collection(BotStateStorage.collectionName, botStateSchema);
    this.clock = options.clock ?? (() => new Date());
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex(
      { updatedAt: 1 },
      { name: 'updatedAt_ttl', expireAfterSeconds: this.options.retentionDays * 86_400 },
    );
    await this.collection.createIndex({ conversationId: 1 }, { sparse: true });
    await this.collection.createIndex({ userId: 1 }, { sparse: true });
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    for (const document of await this.collection.findMany({ _id: { $in: keys } })) {
      items[document._id] = { ...parseItem(document.data), eTag: document.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (typeof changes !== 'object' || changes === null) throw new ReferenceError('Changes are required when writing.');
    const conflicts: string[] = [];
    await Promise.all(
      Object.entries(changes).map(async ([key, item]) => {
        if (!(await this.writeItem(key, storeItemSchema.parse(item)))) conflicts.push(key);
      }),
    );
    if (conflicts.length > 0) throw new ETagConflictError(conflicts);
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length > 0) await this.collection.deleteMany({ _id: { $in: keys } });
  }

  /** Deletes state not written since the retention period before `now` (besides the TTL index). */
  async purgeExpired(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - this.options.retentionDays * 86_400_000);
    const { deletedCount } = await this.collection.deleteMany({ updatedAt: { $lt: cutoff } });
    return deletedCount;
  }

  /** Every state entry of these conversations and users, for a subject access request. */
  async listFor(owners: StateOwners): Promise<StateEntry[]> {
    const filter = ownedBy(owners);
    if (!filter) return [];
    const documents = await this.collection.findMany(filter, { sort: { _id: 1 } });
    return documents.map((document) => ({
      key: document._id,
      updatedAt: document.updatedAt,
      state: parseItem(document.data),
    }));
  }

  /** Deletes every state entry of these conversations and users; returns how many. */
  async deleteFor(owners: StateOwners): Promise<number> {
    const filter = ownedBy(owners);
    return filter ? (await this.collection.deleteMany(filter)).deletedCount : 0;
  }

  /** Writes one item; false when its eTag did not match. */
  private async writeItem(key: string, item: Record<string, unknown>): Promise<boolean> {
    const { eTag, ...state } = item;
    const fields = { data: JSON.stringify(state), eTag: randomUUID(), updatedAt: this.clock(), ...stateKeyParts(key) };
    if (typeof eTag === 'string' && eTag !== '' && eTag !== '*') {
      const outcome = await this.collection.updateOne({ _id: key, eTag }, { $set: fields });
      return outcome.ok && outcome.matchedCount === 1;
    }
    // Two unconditional first writes of a key can race on MongoDB; the loser's upsert becomes an update on retry.
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.collection.updateOne({ _id: key }, { $set: fields }, { upsert: true });
      if (outcome.ok || attempt > 0) return outcome.ok;
    }
  }
}

function parseItem(data: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(data);
  return storeItemSchema.parse(parsed);
}

function ownedBy(owners: StateOwners): Filter<BotStateDocument> | undefined {
  const clauses: Filter<BotStateDocument>[] = [];
  // Entries written before keys lost their trailing slash carry it in their owner fields: those are found too.
  const withOldForms = (ids: readonly string[]) => ids.flatMap((id) => [id, `${id}/`]);
  if (owners.conversationIds.length > 0)
    clauses.push({ conversationId: { $in: withOldForms(owners.conversationIds) } });
  if (owners.userIds.length > 0) clauses.push({ userId: { $in: withOldForms(owners.userIds) } });
  return clauses.length > 0 ? { $or: clauses } : undefined;
}
