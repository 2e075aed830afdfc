import type { AuditLog } from '../../storage/repositories/auditLog';
import type { ConsoleUserRepository } from '../../storage/repositories/consoleUserRepository';
import { generatePassword, hashPassword } from './passwords';

/** The bootstrap account's email when `CONSOLE_ADMIN_EMAIL` is not set. */
export const DEFAULT_ADMIN_EMAIL = 'supervisor@console.invalid';

export type BootstrapOutcome =
  | { created: false }
  /** `generatedPassword` is set when nobody configured one: show it once, never log it. */
  | { created: true; email: string; generatedPassword?: string };

/**
 * On the first start (no console accounts at all) creates a supervisor from `CONSOLE_ADMIN_EMAIL` and
 * `CONSOLE_ADMIN_PASSWORD`, or with a generated one-time password. Safe when several instances start at once: the
 * unique email lets one of them create it.
 */
export async function bootstrapConsoleAdmin(
  users: ConsoleUserRepository,
  auditLog: AuditLog,
  configured: { email?: string; password?: string },
): Promise<BootstrapOutcome> {
  if ((await users.count()) > 0) return { created: false };
  const email = configured.email ?? DEFAULT_ADMIN_EMAIL;
  const password = configured.password ?? generatePassword();
  const created = await users.create({
    email,
    displayName: 'Supervisor',
    role: 'supervisor',
    passwordHash: await hashPassword(password),
    mustChangePassword: configured.password === undefined,
  });
  if (!created.ok) return { created: false };
  await auditLog.record({
    actor: { kind: 'system' },
    action: 'consoleUser.bootstrapped',
    subject: { kind: 'consoleUser', id: created.user._id },
    details: { role: 'supervisor', passwordGenerated: configured.password === undefined },
  });
  return configured.password === undefined
    ? { created: true, email: created.user.email, generatedPassword: password }
    : { created: true, email: created.user.email };
}
