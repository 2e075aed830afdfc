import { randomUUID } from 'node:crypto';
import type { Update } from '../queryTypes';
import { z } from 'zod';
import type { DocumentStore } from '../documentStore';
import type { StoreCollection } from '../storeCollection';
import { normaliseEmail, systemClock } from './repositoryOptions';

export const CONSOLE_ROLES = ['csa', 'supervisor', 'councillor'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];
/** Roles of the contact centre's staff (the queue, chats, requests); councillors only have their casework. */
export const STAFF_ROLES = ['csa', 'supervisor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const CONSOLE_AVAILABILITY = ['available', 'away'] as const;
export type ConsoleAvailability = (typeof CONSOLE_AVAILABILITY)[number];

const consoleUserSchema = z.object({
  _id: z.string(),
  /** Trimmed and lower-cased; unique. */
  email: z.string(),
  displayName: z.string(),
  role: z.enum(CONSOLE_ROLES),
  /** A councillor's ward (an id from `knowledge/wards.yaml`); staff have none. */
  wardId: z.string().optional(),
  /** A password hash produced by the sign-in service (this repository never sees passwords). */
  passwordHash: z.string(),
  /** Failed sign-ins since the last successful one. */
  failedSignIns: z.number().int(),
  lastFailedSignInAt: z.date().optional(),
  lockedUntil: z.date().optional(),
  lastSignedInAt: z.date().optional(),
  disabled: z.boolean(),
  /** Set when a supervisor gave the password (one-time): the user must choose their own at the next sign-in. */
  mustChangePassword: z.boolean().default(false),
  /** Whether the CSA takes chats now; absent until their first sign-in. */
  availability: z.enum(CONSOLE_AVAILABILITY).default('away'),
  /** When the CSA's console was last seen open (its live stream's heartbeat, or a page load). */
  lastHeartbeatAt: z.date().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ConsoleUser = z.infer<typeof consoleUserSchema>;

export interface NewConsoleUser {
  email: string;
  displayName: string;
  role: ConsoleRole;
  /** A councillor's ward. */
  wardId?: string;
  passwordHash: string;
  /** True when someone else chose the password: it must be changed at the next sign-in. */
  mustChangePassword?: boolean;
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
      ...(input.wardId !== undefined && { wardId: input.wardId }),
      passwordHash: input.passwordHash,
      failedSignIns: 0,
      disabled: false,
      mustChangePassword: input.mustChangePassword ?? false,
      availability: 'away',
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

  /** Forgets failed sign-ins and any lock (an expired lock, or failures too old to count). */
  clearFailedSignIns(id: string): Promise<ConsoleUser | null> {
    return this.update(id, {
      $set: { failedSignIns: 0, updatedAt: this.clock() },
      $unset: { lockedUntil: '', lastFailedSignInAt: '' },
    });
  }

  /** A new password; `mustChange` when someone other than the user chose it. Clears any lock. */
  setPasswordHash(id: string, passwordHash: string, mustChange = false): Promise<ConsoleUser | null> {
    return this.update(id, {
      $set: { passwordHash, mustChangePassword: mustChange, failedSignIns: 0, updatedAt: this.clock() },
      $unset: { lockedUntil: '', lastFailedSignInAt: '' },
    });
  }

  setDisabled(id: string, disabled: boolean): Promise<ConsoleUser | null> {
    const set = disabled ? { disabled, availability: 'away' as const } : { disabled };
    return this.update(id, { $set: { ...set, updatedAt: this.clock() } });
  }

  setRole(id: string, role: ConsoleRole): Promise<ConsoleUser | null> {
    return this.update(id, { $set: { role, updatedAt: this.clock() } });
  }

  setDisplayName(id: string, displayName: string): Promise<ConsoleUser | null> {
    return this.update(id, { $set: { displayName, updatedAt: this.clock() } });
  }

  /** Available or away; choosing available also counts as a heartbeat. */
  setAvailability(id: string, availability: ConsoleAvailability): Promise<ConsoleUser | null> {
    const now = this.clock();
    const set = availability === 'available' ? { availability, lastHeartbeatAt: now } : { availability };
    return this.update(id, { $set: set });
  }

  /** The user's console is open now. */
  async recordHeartbeat(id: string): Promise<void> {
    await this.update(id, { $set: { lastHeartbeatAt: this.clock() } });
  }

  /** Enabled staff who chose available and whose console was seen at or after `seenSince` (never councillors). */
  countAvailable(seenSince: Date): Promise<number> {
    return this.collection.countDocuments({
      role: { $in: [...STAFF_ROLES] },
      availability: 'available',
      disabled: false,
      lastHeartbeatAt: { $gte: seenSince },
    });
  }

  private async update(id: string, update: Update<ConsoleUser>): Promise<ConsoleUser | null> {
    const outcome = await this.collection.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' });
    if (!outcome.ok) throw new Error('a console user update cannot duplicate a key');
    return outcome.document;
  }
}
