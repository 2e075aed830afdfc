import type { CsaPresence } from './handoffDesk';

/** Branch-only stand-in until the console's StoredCsaPresence lands; must not reach main. */
export class InterimPresence implements CsaPresence {
  available = 1;
  async setAvailability(): Promise<void> {}
  async heartbeat(): Promise<void> {}
  async availableCount(): Promise<number> {
    return this.available;
  }
}
