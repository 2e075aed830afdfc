import { randomUUID } from 'node:crypto';
import type { UpdateFilter } from 'mongodb';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { StoreCollection } from '../storeCollection';
import { normaliseEmail, systemClock } from './repositoryOptions';

export const CONSOLE_ROLES = ['csa', 'supervisor'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

const consoleUserSchema = z.object({
  _id: z.string(),
  /** Trimmed and lower-cased; unique. */
  email: z.string(),
  displayName: z.string(),
  role: z.enum(CONSOLE_ROLES),
  /** A password hash produced by the sign-in service (this repository never sees passwords). */
  passwordHash: z.string(),
  /** Failed sign-ins since the last successful one. */
  failedSignIns: z.number().int(),
  lastFailedSignInAt: z.date().optional(),
  lockedUntil: z.date().optional(),
  lastSignedInAt: z.date().optional(),
  disabled: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ConsoleUser = z.infer<typeof consoleUserSchema>;

export interface NewConsoleUser {
  email: string;
  displayName: string;
  role: ConsoleRole;
  passwordHash: string;
}

export type CreateConsoleUserOutcome = { ok: true; user: ConsoleUser } | { ok: false; reason: 'emailTaken' };

/**
 * The CSA console's accounts. Emails are unique. Failed sign-ins are counted with `$inc`, so concurrent attempts
 * are all counted; the sign-in service decides when to lock (`lockUntil`) and resets on success. Staff accounts are
 * kept while staff use them, so there is no retention purge here.
 */
export class ConsoleUserRepository {
  static readonly collectionName = 'consoleUsers';
  private readonly collection: StoreCollection<ConsoleUser>;
  private readonly clock: () => Date;

  constructor(store: DocumentStore, options: { clock?: () => Date } = {}) {
    this.collection = store.collection(ConsoleUserRepository.collectionName, consoleUserSchema);
    this.clock = options.clock ?? systemClock;
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ email: 1 }, { unique: true, name: 'email_unique' });
  }

  async create(input: NewConsoleUser): Promise<CreateConsoleUserOutcome> {
    const now = this.clock();
    const user: ConsoleUser = {
      _id: randomUUID(),
      email: normaliseEmail(input.email),
      displayName: input.displayName,
      role: input.role,
      passwordHash: input.passwordHash,
      failedSignIns: 0,
      disabled: false,
      createdAt: now,
      updatedAt: now,
    };
    const outcome = await this.collection.insertOne(user);
    return outcome.ok ? { ok: true, user } : { ok: false, reason: 'emailTaken' };
  }

  findByEmail(email: string): Promise<ConsoleUser | null> {
    return this.collection.findOne({ email: normaliseEmail(email) });
  }

  findById(id: string): Promise<ConsoleUser | null> {
    return this.collection.findOne({ _id: id });
  }

  list(): Promise<ConsoleUser[]> {
    return this.collection.findMany({}, { sort: { displayName: 1 } });
  }

  count(): Promise<number> {
    return this.collection.countDocuments();
  }

  /** Counts a failed sign-in; returns the account with the new count, or null if it does not exist. */
  recordFailedSignIn(id: string): Promise<ConsoleUser | null> {
    const now = this.clock();
    return this.update(id, { $inc: { failedSignIns: 1 }, $set: { lastFailedSignInAt: now, updatedAt: now } });
  }

  /** A successful sign-in: clears the failure count and any lock. */
  recordSignIn(id: string): Promise<ConsoleUser | null> {
    const now = this.clock();
    return this.update(id, {
      $set: { failedSignIns: 0, lastSignedInAt: now, updatedAt: now },
      $unset: { lockedUntil: '', lastFailedSignInAt: '' },
    });
  }

  lockUntil(id: string, until: Date): Promise<ConsoleUser | null> {
    return this.update(id, { $set: { lockedUntil: until, updatedAt: this.clock() } });
  }

  setPasswordHash(id: string, passwordHash: string): Promise<ConsoleUser | null> {
    return this.update(id, { $set: { passwordHash, updatedAt: this.clock() } });
  }

  setDisabled(id: string, disabled: boolean): Promise<ConsoleUser | null> {
    return this.update(id, { $set: { disabled, updatedAt: this.clock() } });
  }

  private async update(id: string, update: UpdateFilter<ConsoleUser>): Promise<ConsoleUser | null> {
    const outcome = await this.collection.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' });
    if (!outcome.ok) throw new Error('a console user update cannot duplicate a key');
    return outcome.document;
  }
}
