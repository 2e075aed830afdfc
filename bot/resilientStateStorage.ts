import type { Storage, StoreItems } from 'botbuilder';
import type { Logger } from 'pino';
import { StoreUnavailableError } from '../src/storage/storageErrors';

/** How many conversations' last known state one instance keeps, to carry on through an outage. */
const REMEMBERED_KEYS = 2_000;

interface Remembered {
  item: StoreItems[string];
  /** Written while the store was down: the store's copy is older, and the next write must overwrite it. */
  unsaved: boolean;
}

/**
 * Bot state that degrades instead of failing the turn when the store cannot be reached. This instance remembers the
 * last state it read or wrote for recent conversations (a bounded, least-recently-used memory); during an outage a
 * read is served from that memory (or is empty: the bot answers as in a new conversation) and a write is kept there,
 * so a resident half way through a form carries on, and the knowledge base still answers everyone. When the store
 * comes back, the state kept in memory is written over the store's older copy. Other errors (eTag conflicts) pass.
 */
export class ResilientStateStorage implements Storage {
  private readonly remembered = new Map<string, Remembered>();

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly capacity = REMEMBERED_KEYS,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    try {
      const items = await this.storage.read(keys);
      const result: StoreItems = {};
      for (const key of keys) {
        const kept = this.remembered.get(key);
        if (kept?.unsaved) {
          // Written during the outage: newer than the store's copy, and written over it with the next save.
          result[key] = { ...structuredClone(kept.item), eTag: '*' };
          this.touch(key, kept);
        } else if (items[key] !== undefined) {
          result[key] = items[key];
          this.remember(key, { item: items[key], unsaved: false });
        }
      }
      return result;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.logger.warn(
        { problem: error.message, keys: keys.length },
        "bot state unavailable: using this instance's memory",
      );
      const result: StoreItems = {};
      for (const key of keys) {
        const kept = this.remembered.get(key);
        if (kept) result[key] = { ...structuredClone(kept.item), eTag: '*' };
      }
      return result;
    }
  }

  async write(changes: StoreItems): Promise<void> {
    try {
      await this.storage.write(changes);
      for (const [key, item] of Object.entries(changes))
        this.remember(key, { item: withoutETag(item), unsaved: false });
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.logger.warn({ problem: error.message }, 'bot state kept in memory: the store is unavailable');
      for (const [key, item] of Object.entries(changes)) this.remember(key, { item: withoutETag(item), unsaved: true });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.remembered.delete(key);
    try {
      await this.storage.delete(keys);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.logger.warn({ problem: error.message }, 'bot state not deleted: the store is unavailable');
    }
  }

  private remember(key: string, kept: Remembered): void {
    this.remembered.delete(key);
    this.remembered.set(key, kept);
    while (this.remembered.size > this.capacity) {
      const oldest = this.remembered.keys().next().value;
      if (oldest === undefined) break;
      this.remembered.delete(oldest);
    }
  }

  private touch(key: string, kept: Remembered): void {
    this.remembered.delete(key);
    this.remembered.set(key, kept);
  }
}

function withoutETag(item: StoreItems[string]): StoreItems[string] {
  if (item === null || typeof item !== 'object') return item;
  const rest: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  delete rest.eTag;
  return rest;
}
