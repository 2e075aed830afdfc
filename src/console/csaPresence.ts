import type { CsaPresence } from '../handoff/handoffDesk';
import type { ConsoleUserRepository } from '../storage/repositories/consoleUserRepository';

/** A CSA whose console has not been seen for this long no longer counts as available. */
export const PRESENCE_TIMEOUT_MS = 2 * 60_000;

/**
 * Availability kept on the console user record, so every instance sees the same CSAs. A CSA counts as available
 * while they chose available, their account is enabled, and their console was seen in the last two minutes (the
 * live stream's heartbeat, or a page load without JavaScript).
 */
export class StoredCsaPresence implements CsaPresence {
  constructor(
    private readonly users: ConsoleUserRepository,
    private readonly clock: () => Date,
    private readonly timeoutMs = PRESENCE_TIMEOUT_MS,
  ) {}

  async setAvailability(csaId: string, availability: 'available' | 'away'): Promise<void> {
    await this.users.setAvailability(csaId, availability);
  }

  heartbeat(csaId: string): Promise<void> {
    return this.users.recordHeartbeat(csaId);
  }

  availableCount(): Promise<number> {
    return this.users.countAvailable(new Date(this.clock().getTime() - this.timeoutMs));
  }

  /** Whether one CSA counts as available now (for their own console's display). */
  isAvailable(user: { availability: string; disabled: boolean; lastHeartbeatAt?: Date }): boolean {
    const seen = user.lastHeartbeatAt?.getTime() ?? 0;
    return user.availability === 'available' && !user.disabled && this.clock().getTime() - seen <= this.timeoutMs;
  }
}
