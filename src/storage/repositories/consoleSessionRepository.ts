import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { StoreCollection } from '../storeCollection';
import { systemClock } from './repositoryOptions';

const consoleSessionSchema = z.object({
  /** SHA-256 of the session token: a copy of the data holds no usable token. */
  _id: z.string(),
  userId: z.string(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  expiresAt: z.date(),
});
export type ConsoleSession = z.infer<typeof consoleSessionSchema>;

/**
 * Signed-in console sessions. The token is returned once, at creation; only its hash is stored. Sessions expire
 * at `expiresAt` (TTL index, and `findValid` ignores expired ones even before they are removed).
 */
export class ConsoleSessionRepository {
  static readonly collectionName = 'consoleSessions';
  private readonly collection: StoreCollection<ConsoleSession>;
  private readonly clock: () => Date;

  constructor(store: DocumentStore, options: { clock?: () => Date } = {}) {
    this.collection = store.collection(ConsoleSessionRepository.collectionName, consoleSessionSchema);
    this.clock = options.clock ?? systemClock;
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0, name: 'expiresAt_ttl' });
    await this.collection.createIndex({ userId: 1 });
  }

  /** Starts a session valid for `ttlMs`; the token is for the browser's cookie and is not stored. */
  async create(userId: string, ttlMs: number): Promise<{ token: string; session: ConsoleSession }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const session = { _id: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt: plus(now, ttlMs) };
    const outcome = await this.collection.insertOne(session);
    if (!outcome.ok) throw new Error('session token collided');
    return { token, session };
  }

  /** The session for a token, if it exists and has not expired. */
  findValid(token: string): Promise<ConsoleSession | null> {
    return this.collection.findOne({ _id: hashToken(token), expiresAt: { $gt: this.clock() } });
  }

  /** Extends a valid session to `ttlMs` from now (sliding expiry); null when it is missing or expired. */
  async touch(token: string, ttlMs: number): Promise<ConsoleSession | null> {
    const now = this.clock();
    const outcome = await this.collection.findOneAndUpdate(
      { _id: hashToken(token), expiresAt: { $gt: now } },
      { $set: { lastSeenAt: now, expiresAt: plus(now, ttlMs) } },
      { returnDocument: 'after' },
    );
    return outcome.ok ? outcome.document : null;
  }

  async revoke(token: string): Promise<void> {
    await this.collection.deleteOne({ _id: hashToken(token) });
  }

  /** Signs a user out everywhere (password change, account disabled). */
  async revokeAllForUser(userId: string): Promise<number> {
    return (await this.collection.deleteMany({ userId })).deletedCount;
  }

  async purgeExpired(now: Date): Promise<number> {
    return (await this.collection.deleteMany({ expiresAt: { $lte: now } })).deletedCount;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function plus(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}
