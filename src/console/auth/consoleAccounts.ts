import type { Csa } from '../../handoff/handoffDesk';
import type { AuditLog } from '../../storage/repositories/auditLog';
import type { ConsoleSessionRepository } from '../../storage/repositories/consoleSessionRepository';
import type { ConsoleRole, ConsoleUser, ConsoleUserRepository } from '../../storage/repositories/consoleUserRepository';
import { TokenBucketLimiter } from '../../server/http/tokenBucketLimiter';
import { SignInThrottle, type SignInThrottlePolicy } from './signInThrottle';
import { generatePassword, hashPassword, passwordProblem, verifyNothing, verifyPassword } from './passwords';

export interface SessionPolicy {
  /** A session ends after this long without a request (sliding). */
  idleMs: number;
  /** ... and this long after sign-in, whatever happens. */
  maxAgeMs: number;
}

export interface ConsoleAccountsOptions {
  users: ConsoleUserRepository;
  sessions: ConsoleSessionRepository;
  auditLog: AuditLog;
  clock: () => Date;
  session: SessionPolicy;
  /** Wrong sign-ins checked per account and address, and per account (default `DEFAULT_SIGN_IN_THROTTLE`). */
  throttle?: SignInThrottlePolicy;
  /** Sign-in attempts per client address: bursts of `capacity`, then `refillPerSecond`. */
  signInRate?: { capacity: number; refillPerSecond: number };
}

export type SignInOutcome =
  | { ok: true; user: ConsoleUser; sessionToken: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rateLimited'; retryAfterSeconds: number };

export interface SignedIn {
  user: ConsoleUser;
  csa: Csa;
  sessionToken: string;
}

export type AccountOutcome<T> = { ok: true; value: T } | { ok: false; field?: string; message: string };

export interface NewAccount {
  email: string;
  displayName: string;
  role: ConsoleRole;
  /** A councillor's ward (required for councillors, ignored for staff). */
  wardId?: string;
  /** The password the supervisor chose; omitted to generate one. Either way it is for one sign-in only. */
  password?: string;
}

/** The console's accounts and sessions: signing in and out, and what supervisors do to accounts. Audits all. */
export class ConsoleAccounts {
  private readonly throttle: SignInThrottle;
  private readonly signInLimiter: TokenBucketLimiter;

  constructor(private readonly options: ConsoleAccountsOptions) {
    this.throttle = new SignInThrottle(options.clock, options.throttle);
    this.signInLimiter = new TokenBucketLimiter(
      options.signInRate ?? { capacity: 10, refillPerSecond: 10 / 60 },
      options.clock,
    );
  }

  /** How long a session can last at most; the cookie's lifetime. */
  get maxSessionAgeMs(): number {
    return this.options.session.maxAgeMs;
  }

  /**
   * Checks an email and password. One answer (`invalid`) for every failure: an unknown email, a wrong password, a
   * disabled account, and an email with too many wrong tries (see `SignInThrottle`), so nobody learns which emails are
   * accounts and nobody can lock another person out. Only the per-address limit on all attempts says `rateLimited`.
   */
  async signIn(email: string, password: string, address: string): Promise<SignInOutcome> {
    const { users, auditLog } = this.options;
    const admitted = this.signInLimiter.take(address);
    if (!admitted.ok) {
      await auditLog.record({ actor: { kind: 'system' }, action: 'console.signInRateLimited' });
      return { ok: false, reason: 'rateLimited', retryAfterSeconds: admitted.retryAfterSeconds };
    }
    const found = email.length <= 320 ? await users.findByEmail(email) : null;
    // No failures on record: signed in since, password reset, or unlocked by `npm run data -- unlock`.
    if (found && found.failedSignIns === 0) this.throttle.forget(email);
    if (!this.throttle.allows(email, address)) {
      await verifyNothing(password);
      await this.auditFailure(found ?? undefined, 'throttled');
      return { ok: false, reason: 'invalid' };
    }
    if (!found) {
      await verifyNothing(password);
      this.throttle.recordFailure(email, address);
      await this.auditFailure(undefined, 'unknownEmail');
      return { ok: false, reason: 'invalid' };
    }
    if (!(await verifyPassword(found.passwordHash, password))) {
      this.throttle.recordFailure(email, address);
      const counted = (await users.recordFailedSignIn(found._id)) ?? found;
      await this.auditFailure(found, 'wrongPassword', counted.failedSignIns);
      return { ok: false, reason: 'invalid' };
    }
    if (found.disabled) {
      await this.auditFailure(found, 'disabled');
      return { ok: false, reason: 'invalid' };
    }
    this.throttle.forget(email);
    const signedIn = (await users.recordSignIn(found._id)) ?? found;
    const { token } = await this.options.sessions.create(found._id, this.options.session.idleMs);
    await auditLog.record({ actor: actorOf(found), action: 'console.signedIn', subject: subjectOf(found) });
    return { ok: true, user: signedIn, sessionToken: token };
  }

  /** The signed-in user of a session token, extending the session; null when it is expired, revoked or disabled. */
  async authenticate(sessionToken: string): Promise<SignedIn | null> {
    const { sessions, users, clock, session: policy } = this.options;
    if (!/^[\w-]{20,100}$/.test(sessionToken)) return null;
    const found = await sessions.findValid(sessionToken);
    if (!found) return null;
    const ageMs = clock().getTime() - found.createdAt.getTime();
    if (ageMs > policy.maxAgeMs) {
      await sessions.revoke(sessionToken);
      return null;
    }
    const user = await users.findById(found.userId);
    if (!user || user.disabled) {
      await sessions.revoke(sessionToken);
      return null;
    }
    const idleMs = Math.min(policy.idleMs, policy.maxAgeMs - ageMs);
    if (!(await sessions.touch(sessionToken, idleMs))) return null;
    return { user, csa: csaOf(user), sessionToken };
  }

  async signOut(signedIn: SignedIn): Promise<void> {
    await this.options.sessions.revoke(signedIn.sessionToken);
    await this.options.auditLog.record({
      actor: actorOf(signedIn.user),
      action: 'console.signedOut',
      subject: subjectOf(signedIn.user),
    });
  }

  list(): Promise<ConsoleUser[]> {
    return this.options.users.list();
  }

  find(id: string): Promise<ConsoleUser | null> {
    return this.options.users.findById(id);
  }

  /** Creates an account with a one-time password (returned once, never stored in clear). */
  async create(
    actor: ConsoleUser,
    input: NewAccount,
  ): Promise<AccountOutcome<{ user: ConsoleUser; password: string }>> {
    const password = input.password ?? generatePassword();
    const problem = passwordProblem(password, input.email);
    if (problem) return { ok: false, field: 'password', message: problem };
    const created = await this.options.users.create({
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      ...(input.role === 'councillor' && { wardId: input.wardId }),
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    });
    if (!created.ok) return { ok: false, field: 'email', message: 'An account with this email address already exists' };
    await this.audit(actor, 'consoleUser.created', created.user, { role: input.role });
    return { ok: true, value: { user: created.user, password } };
  }

  async setRole(actor: ConsoleUser, id: string, role: ConsoleRole): Promise<AccountOutcome<ConsoleUser>> {
    const user = await this.options.users.findById(id);
    if (!user) return notFound();
    if (user.role === role) return { ok: true, value: user };
    // A councillor is not staff: their account is a different person's, so it never becomes a CSA's or back.
    if (user.role === 'councillor' || role === 'councillor') {
      return {
        ok: false,
        field: 'role',
        message: 'A councillor’s account cannot become a staff account, or the other way: create a new account',
      };
    }
    if (user.role === 'supervisor' && (await this.isLastSupervisor(user))) {
      return {
        ok: false,
        field: 'role',
        message: 'There must be at least one supervisor: make someone else one first',
      };
    }
    const changed = await this.options.users.setRole(id, role);
    if (!changed) return notFound();
    await this.audit(actor, 'consoleUser.roleChanged', changed, { role });
    return { ok: true, value: changed };
  }

  /** Disabling signs the user out everywhere and makes them unavailable. Nobody can disable themselves. */
  async setDisabled(actor: ConsoleUser, id: string, disabled: boolean): Promise<AccountOutcome<ConsoleUser>> {
    const user = await this.options.users.findById(id);
    if (!user) return notFound();
    if (disabled && user._id === actor._id) return { ok: false, message: 'You cannot disable your own account' };
    if (disabled && user.role === 'supervisor' && (await this.isLastSupervisor(user))) {
      return { ok: false, message: 'There must be at least one supervisor: make someone else one first' };
    }
    const changed = await this.options.users.setDisabled(id, disabled);
    if (!changed) return notFound();
    const revoked = disabled ? await this.options.sessions.revokeAllForUser(id) : 0;
    await this.audit(actor, disabled ? 'consoleUser.disabled' : 'consoleUser.enabled', changed, {
      sessionsRevoked: revoked,
    });
    return { ok: true, value: changed };
  }

  /** A new one-time password (given, or generated); signs the user out everywhere and clears failed sign-ins. */
  async resetPassword(
    actor: ConsoleUser,
    id: string,
    password?: string,
  ): Promise<AccountOutcome<{ user: ConsoleUser; password: string }>> {
    const user = await this.options.users.findById(id);
    if (!user) return notFound();
    const chosen = password ?? generatePassword();
    const problem = passwordProblem(chosen, user.email);
    if (problem) return { ok: false, field: 'password', message: problem };
    const changed = await this.options.users.setPasswordHash(id, await hashPassword(chosen), true);
    if (!changed) return notFound();
    const revoked = await this.options.sessions.revokeAllForUser(id);
    await this.audit(actor, 'consoleUser.passwordReset', changed, { sessionsRevoked: revoked });
    return { ok: true, value: { user: changed, password: chosen } };
  }

  /** The user chooses their own password; their other sessions end, this one carries on. */
  async changeOwnPassword(
    signedIn: SignedIn,
    current: string,
    next: string,
  ): Promise<AccountOutcome<{ user: ConsoleUser; sessionToken: string }>> {
    const { users, sessions } = this.options;
    if (!(await verifyPassword(signedIn.user.passwordHash, current))) {
      return { ok: false, field: 'currentPassword', message: 'Your current password is not right' };
    }
    const problem = passwordProblem(next, signedIn.user.email);
    if (problem) return { ok: false, field: 'newPassword', message: problem };
    if (current === next)
      return { ok: false, field: 'newPassword', message: 'Choose a password you have not used here' };
    const changed = await users.setPasswordHash(signedIn.user._id, await hashPassword(next), false);
    if (!changed) return notFound();
    await sessions.revokeAllForUser(changed._id);
    const { token } = await sessions.create(changed._id, this.options.session.idleMs);
    await this.audit(changed, 'consoleUser.passwordChanged', changed);
    return { ok: true, value: { user: changed, sessionToken: token } };
  }

  private async auditFailure(user: ConsoleUser | undefined, reason: string, failures?: number): Promise<void> {
    await this.options.auditLog.record({
      actor: { kind: 'system' },
      action: 'console.signInFailed',
      ...(user && { subject: subjectOf(user) }),
      details: { reason, ...(failures !== undefined && { failures }) },
    });
  }

  private async audit(
    actor: ConsoleUser,
    action: string,
    user: ConsoleUser,
    details?: Record<string, string | number | boolean>,
  ): Promise<void> {
    await this.options.auditLog.record({ actor: actorOf(actor), action, subject: subjectOf(user), details });
  }

  private async isLastSupervisor(user: ConsoleUser): Promise<boolean> {
    const others = (await this.options.users.list()).filter(
      (other) => other._id !== user._id && other.role === 'supervisor' && !other.disabled,
    );
    return others.length === 0;
  }
}

/** Who a console user is to the handoff desk (councillors never reach it: the guard refuses them its routes). */
export function csaOf(user: ConsoleUser): Csa {
  return { id: user._id, displayName: user.displayName, role: user.role === 'supervisor' ? 'supervisor' : 'csa' };
}

export function actorOf(user: ConsoleUser): { kind: ConsoleRole; id: string } {
  return { kind: user.role, id: user._id };
}

function subjectOf(user: ConsoleUser): { kind: string; id: string } {
  return { kind: 'consoleUser', id: user._id };
}

function notFound(): { ok: false; message: string } {
  return { ok: false, message: 'There is no such account' };
}
